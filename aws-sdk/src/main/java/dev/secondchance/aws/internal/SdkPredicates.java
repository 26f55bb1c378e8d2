package dev.secondchance.aws.internal;

import dev.secondchance.internal.TypeNames;
import dev.secondchance.retry.Classifiers;
import dev.secondchance.retry.RetryClassifier;
import dev.secondchance.retry.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The SDK builder's {@code retryOnException} and {@code treatAsThrottling} predicates as one classifier, asked
 * before the policy's own. A failure a retry predicate accepts is retried (throttled if the throttling predicate
 * accepts it too). Otherwise, for a failure the throttling predicate accepts, a retry verdict of the AWS rules
 * becomes a throttling one; everything else abstains, so the throttling predicate never makes a failure
 * retryable. A predicate that throws counts as not accepting.
 *
 * @param retryOn the retry predicates, in the order given
 * @param treatAsThrottling the throttling predicate, or null
 */
record SdkPredicates(List<Predicate<Throwable>> retryOn, Predicate<Throwable> treatAsThrottling)
        implements RetryClassifier {

    /** No predicates: the strategy adds no classifier. */
    static final SdkPredicates NONE = new SdkPredicates(List.of(), null);

    SdkPredicates {
        retryOn = List.copyOf(retryOn);
    }

    /** These predicates and one more retry predicate. */
    SdkPredicates withRetryOn(Predicate<Throwable> predicate) {
        List<Predicate<Throwable>> more = new ArrayList<>(retryOn);
        more.add(predicate);
        return new SdkPredicates(more, treatAsThrottling);
    }

    /** These retry predicates and {@code predicate} as the throttling one. */
    SdkPredicates withTreatAsThrottling(Predicate<Throwable> predicate) {
        return new SdkPredicates(retryOn, predicate);
    }

    boolean isEmpty() {
        return retryOn.isEmpty() && treatAsThrottling == null;
    }

    @Override
    public boolean classifiesResults() {
        return false;
    }

    @Override
    public Verdict classifyFailure(Throwable failure) {
        boolean throttling = accepts(treatAsThrottling, failure);
        for (Predicate<Throwable> predicate : retryOn) {
            if (accepts(predicate, failure)) {
                String reason = "retryOnException: " + TypeNames.simple(failure.getClass());
                return throttling ? Verdict.throttled(reason) : Verdict.retry(reason);
            }
        }
        return throttling ? awsRulesAsThrottling(failure) : Verdict.abstain();
    }

    /** The AWS rules' verdict with RETRY read as THROTTLED (hints kept); abstains unless that is a retry. */
    private static Verdict awsRulesAsThrottling(Throwable failure) {
        Verdict verdict = AwsErrorClassifier.INSTANCE.classifyAsThrottling(failure);
        if (verdict.kind() == Verdict.Kind.ABSTAIN) {
            verdict = Classifiers.transientIo().classifyFailure(failure);
            if (verdict.kind() == Verdict.Kind.RETRY) {
                verdict = Verdict.throttled(verdict.reason());
            }
        }
        return verdict.kind() == Verdict.Kind.THROTTLED ? verdict : Verdict.abstain();
    }

    private static boolean accepts(Predicate<Throwable> predicate, Throwable failure) {
        try {
            return predicate != null && predicate.test(failure);
        } catch (RuntimeException broken) {
            return false;
        }
    }
}
