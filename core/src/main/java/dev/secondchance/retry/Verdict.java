package dev.secondchance.retry;

import dev.secondchance.internal.Checks;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What a {@link RetryClassifier} says about one attempt's outcome. Immutable and thread-safe.
 *
 * <p>A retry verdict may carry a server hint ({@code Retry-After}): the next attempt then never leaves
 * before the hint, whatever the backoff says.
 */
public final class Verdict {

    /** The kinds of verdict. */
    public enum Kind {
        /** No opinion: the next classifier decides. */
        ABSTAIN,
        /** The outcome is final and good: return it. */
        SUCCESS,
        /** The outcome is final and bad: stop and report it; a retry cannot help. */
        FAIL,
        /** A transient fault: retry with the backoff. */
        RETRY,
        /** The server asked to slow down: retry with the throttling backoff and tell the rate limiter. */
        THROTTLED
    }

    private static final Verdict ABSTAIN = new Verdict(Kind.ABSTAIN, "abstain", null, null);
    private static final Verdict SUCCESS = new Verdict(Kind.SUCCESS, "success", null, null);

    private final Kind kind;
    private final String reason;
    private final Duration retryAfter;
    private final Instant retryAt;

    private Verdict(Kind kind, String reason, Duration retryAfter, Instant retryAt) {
        this.kind = kind;
        this.reason = reason;
        this.retryAfter = retryAfter;
        this.retryAt = retryAt;
    }

    /** @return the verdict that lets the next classifier decide */
    public static Verdict abstain() {
        return ABSTAIN;
    }

    /** @return the verdict for a good, final outcome */
    public static Verdict success() {
        return SUCCESS;
    }

    /**
     * @param reason why the outcome is final, for listeners and logs
     * @return a final failure verdict
     * @throws NullPointerException if {@code reason} is null
     */
    public static Verdict fail(String reason) {
        return new Verdict(Kind.FAIL, Checks.notNull(reason, "reason"), null, null);
    }

    /**
     * @param reason what went wrong, for listeners and logs (for example {@code "HTTP 503"})
     * @return a verdict to retry with the backoff
     * @throws NullPointerException if {@code reason} is null
     */
    public static Verdict retry(String reason) {
        return new Verdict(Kind.RETRY, Checks.notNull(reason, "reason"), null, null);
    }

    /**
     * @param reason what the server said (for example {@code "HTTP 429"} or {@code "ThrottlingException"})
     * @return a verdict to retry with the throttling backoff
     * @throws NullPointerException if {@code reason} is null
     */
    public static Verdict throttled(String reason) {
        return new Verdict(Kind.THROTTLED, Checks.notNull(reason, "reason"), null, null);
    }

    /**
     * Returns a copy of this retry verdict with a relative server hint: wait at least {@code delay}. It
     * replaces an earlier relative hint and keeps an absolute one; the later of the two wins.
     *
     * @param delay the hint, {@code >= 0}
     * @return a new verdict
     * @throws IllegalStateException if this verdict is not {@link Kind#RETRY} or {@link Kind#THROTTLED}
     * @throws IllegalArgumentException if {@code delay} is negative
     */
    public Verdict withRetryAfter(Duration delay) {
        requireRetry();
        return new Verdict(kind, reason, Checks.nonNegative(delay, "delay"), retryAt);
    }

    /**
     * Returns a copy of this retry verdict with an absolute server hint (an HTTP-date): do not retry before
     * {@code time} on the policy's wall clock. It replaces an earlier absolute hint and keeps a relative
     * one; the later of the two wins.
     *
     * @param time the earliest time of the next attempt
     * @return a new verdict
     * @throws IllegalStateException if this verdict is not {@link Kind#RETRY} or {@link Kind#THROTTLED}
     */
    public Verdict withRetryAt(Instant time) {
        requireRetry();
        return new Verdict(kind, reason, retryAfter, Checks.notNull(time, "time"));
    }

    private void requireRetry() {
        if (!isRetry()) {
            throw new IllegalStateException("only RETRY and THROTTLED verdicts carry a server hint, not " + kind);
        }
    }

    /** @return the kind */
    public Kind kind() {
        return kind;
    }

    /** @return the reason, for listeners and logs */
    public String reason() {
        return reason;
    }

    /** @return true for {@link Kind#RETRY} and {@link Kind#THROTTLED} */
    public boolean isRetry() {
        return kind == Kind.RETRY || kind == Kind.THROTTLED;
    }

    /** @return true if this verdict carries a server hint, relative or absolute */
    public boolean hasServerHint() {
        return retryAfter != null || retryAt != null;
    }

    /**
     * Resolves the server hint against the wall clock.
     *
     * @param now the current wall-clock time
     * @return the hinted delay (the longer of the two hints; zero if the hinted time has passed), or null if
     *     there is no hint
     */
    public Duration serverDelay(Instant now) {
        if (retryAt == null) {
            return retryAfter;
        }
        Duration untilThen = Duration.between(now, retryAt);
        if (untilThen.isNegative()) {
            untilThen = Duration.ZERO;
        }
        return retryAfter != null && retryAfter.compareTo(untilThen) > 0 ? retryAfter : untilThen;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Verdict v && kind == v.kind && reason.equals(v.reason)
                && Objects.equals(retryAfter, v.retryAfter) && Objects.equals(retryAt, v.retryAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, reason, retryAfter, retryAt);
    }

    @Override
    public String toString() {
        String hint = (retryAfter != null ? ", retryAfter=" + retryAfter : "") + (retryAt != null ? ", retryAt=" + retryAt : "");
        return kind + "(" + reason + hint + ")";
    }
}
