package dev.secondchance.idempotency;

import dev.secondchance.idempotency.internal.DefaultFailurePolicy;
import dev.secondchance.retry.RetryClassifier;
import dev.secondchance.retry.Verdict;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Decides what a failure of the operation means for its claim. Implementations must be thread-safe and
 * must not throw (a policy that throws, or answers null, counts as {@link FailureDisposition#OUTCOME_UNKNOWN}).
 * The caller that ran the operation always gets the original failure.
 *
 * <p>The library cannot know whether an arbitrary failure took effect, so only the user's classification
 * releases a claim: {@link #defaults()} calls every failure an unknown outcome.
 */
@FunctionalInterface
public interface FailurePolicy {

    /**
     * @param failure what the operation threw, never null
     * @return what to do with the claim
     */
    FailureDisposition classify(Throwable failure);

    /**
     * The default: every failure is {@link FailureDisposition#OUTCOME_UNKNOWN}, so no retry runs an
     * operation whose first run may have taken effect.
     *
     * @return the stateless default policy
     */
    static FailurePolicy defaults() {
        return DefaultFailurePolicy.INSTANCE;
    }

    /**
     * Releases the claim for the failures that {@code notApplied} proves had no effect; every other failure
     * is {@link FailureDisposition#OUTCOME_UNKNOWN}.
     *
     * @param notApplied true for a failure that certainly left nothing behind
     * @return a policy; thread-safe if the predicate is
     * @throws NullPointerException if {@code notApplied} is null
     */
    static FailurePolicy releaseWhen(Predicate<? super Throwable> notApplied) {
        Objects.requireNonNull(notApplied, "notApplied must not be null");
        return failure -> notApplied.test(failure) ? FailureDisposition.RELEASE : FailureDisposition.OUTCOME_UNKNOWN;
    }

    /**
     * Records the failures that {@code isFinal} calls the operation's final answer (replayed to later callers,
     * see {@link FailureCodec}); every other failure is {@link FailureDisposition#OUTCOME_UNKNOWN}.
     *
     * @param isFinal true for a failure that is the operation's answer, such as a declined card
     * @return a policy; thread-safe if the predicate is
     * @throws NullPointerException if {@code isFinal} is null
     */
    static FailurePolicy finalWhen(Predicate<? super Throwable> isFinal) {
        Objects.requireNonNull(isFinal, "isFinal must not be null");
        return failure -> isFinal.test(failure) ? FailureDisposition.FINAL : FailureDisposition.OUTCOME_UNKNOWN;
    }

    /**
     * Reuses a retry classifier: a {@link Verdict.Kind#FAIL} verdict (an answer not worth retrying, such as
     * HTTP 400) is {@link FailureDisposition#FINAL}; anything else is {@link FailureDisposition#OUTCOME_UNKNOWN}.
     *
     * @param classifier the classifier, typically the one of the retry policy around the call
     * @return a policy; thread-safe if the classifier is
     * @throws NullPointerException if {@code classifier} is null
     */
    static FailurePolicy fromClassifier(RetryClassifier classifier) {
        Objects.requireNonNull(classifier, "classifier must not be null");
        return failure -> classifier.classifyFailure(failure).kind() == Verdict.Kind.FAIL
                ? FailureDisposition.FINAL
                : FailureDisposition.OUTCOME_UNKNOWN;
    }
}
