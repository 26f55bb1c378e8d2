package dev.secondchance.aws.internal;

import dev.secondchance.retry.RetryClassifier;
import dev.secondchance.retry.Verdict;
import java.util.function.Predicate;

/**
 * The SDK builder's {@code retryOnException} predicate as a classifier: retry what it accepts, abstain on the
 * rest. A predicate that throws abstains.
 *
 * @param retryOn the predicate
 */
public record PredicateClassifier(Predicate<Throwable> retryOn) implements RetryClassifier {

    @Override
    public Verdict classifyFailure(Throwable failure) {
        try {
            return retryOn.test(failure) ? Verdict.retry("retryOnException: " + failure.getClass().getSimpleName())
                    : Verdict.abstain();
        } catch (RuntimeException broken) {
            return Verdict.abstain();
        }
    }
}
