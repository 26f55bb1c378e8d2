package dev.secondchance.micrometer;

import dev.secondchance.retry.CheckedSupplier;
import dev.secondchance.retry.RetryClassifier;
import dev.secondchance.retry.Verdict;
import dev.secondchance.retry.testing.VirtualTime;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** Scripted attempts for the tests: each failure or success takes virtual time, as a real call would. */
final class Failures {

    /** A failure the test classifier retries with the backoff. */
    static final class Transient extends RuntimeException {
        Transient() {
            super("transient", null, false, false);
        }
    }

    /** A failure the test classifier reads as throttling, with a server hint when {@code hint} is set. */
    static final class Throttled extends RuntimeException {
        final Duration hint;

        Throttled(Duration hint) {
            super("throttled", null, false, false);
            this.hint = hint;
        }
    }

    /** Transient: retry; Throttled: throttled (with its hint); anything else: a final failure. */
    static final RetryClassifier CLASSIFIER = RetryClassifier.ofFailures(failure -> {
        if (failure instanceof Transient) {
            return Verdict.retry("transient");
        }
        if (failure instanceof Throttled throttled) {
            return throttled.hint == null ? Verdict.throttled("429") : Verdict.throttled("429").withRetryAfter(throttled.hint);
        }
        return Verdict.fail(failure.getClass().getSimpleName());
    });

    private Failures() {}

    /**
     * @param time advanced by {@code each} per attempt
     * @param each how long each attempt takes
     * @param failures thrown one per attempt, in order; then the attempt returns "ok"
     */
    static CheckedSupplier<String, RuntimeException> script(VirtualTime time, Duration each,
            RuntimeException... failures) {
        Deque<RuntimeException> left = new ArrayDeque<>(List.of(failures));
        return () -> {
            time.advance(each);
            RuntimeException next = left.poll();
            if (next != null) {
                throw next;
            }
            return "ok";
        };
    }
}
