package dev.secondchance.idempotency;

import dev.secondchance.idempotency.internal.DefaultFailurePolicy;
import dev.secondchance.retry.RetryClassifier;
import java.util.Objects;

/**
 * Decides what a failure of the operation means for its claim. Implementations must be thread-safe and
 * must not throw. The caller that ran the operation always gets the original failure.
 */
@FunctionalInterface
public interface FailurePolicy {

    /**
     * @param failure what the operation threw, never null
     * @return what to do with the claim
     */
    FailureDisposition classify(Throwable failure);

    /**
     * The default: a failure is {@link FailureDisposition#AMBIGUOUS} if it or one of its causes is an
     * {@link Error}, an {@link InterruptedException} or {@link java.io.InterruptedIOException} (such as a
     * socket read timeout), or a class whose simple name ends in {@code TimeoutException} (the JDK's
     * {@code HttpTimeoutException} and {@code TimeoutException}, the AWS SDK's {@code ApiCallTimeoutException},
     * and so on) unless it is a connect timeout, where nothing was sent. Every other failure is
     * {@link FailureDisposition#RELEASE}: the first caller sees it and a retry may run the operation again.
     * Nothing is {@link FailureDisposition#FINAL} by default, since only the caller knows which failures are
     * answers; use {@link #fromClassifier} or a lambda for that.
     *
     * @return the stateless default policy
     */
    static FailurePolicy defaults() {
        return DefaultFailurePolicy.INSTANCE;
    }

    /**
     * Reuses a retry classifier: what {@link #defaults()} calls ambiguous stays ambiguous; otherwise a
     * {@link dev.secondchance.retry.Verdict.Kind#FAIL} verdict (not worth retrying, such as HTTP 400) is
     * {@link FailureDisposition#FINAL}, and anything else is {@link FailureDisposition#RELEASE}.
     *
     * @param classifier the classifier, typically the one of the retry policy around the call
     * @return a policy; thread-safe if the classifier is
     * @throws NullPointerException if {@code classifier} is null
     */
    static FailurePolicy fromClassifier(RetryClassifier classifier) {
        Objects.requireNonNull(classifier, "classifier must not be null");
        return failure -> DefaultFailurePolicy.fromVerdict(failure, classifier.classifyFailure(failure));
    }
}
