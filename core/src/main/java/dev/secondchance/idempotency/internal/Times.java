package dev.secondchance.idempotency.internal;

import dev.secondchance.idempotency.CompleteResult;
import dev.secondchance.idempotency.Completion;
import java.time.Duration;

/** Small helpers that every store shares. */
public final class Times {

    private Times() {}

    /** The expiry in epoch seconds, rounded up so a record never expires before {@code now + ttl}. */
    public static long expiry(long nowMillis, Duration ttl) {
        return Math.floorDiv(nowMillis + ttl.toMillis() + 999, 1000L);
    }

    /** What {@code complete} answers once {@code completion} is recorded. */
    public static CompleteResult answerFor(Completion completion) {
        return completion.kind() == Completion.Kind.RESULT_TOO_LARGE
                ? CompleteResult.RESULT_TOO_LARGE
                : CompleteResult.STORED;
    }
}
