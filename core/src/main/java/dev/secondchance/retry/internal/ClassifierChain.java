package dev.secondchance.retry.internal;

import dev.secondchance.retry.RetryClassifier;
import dev.secondchance.retry.Verdict;
import java.util.List;

/**
 * A policy's classifiers, asked in order until one does not abstain: the one classification mechanism of
 * the fast path and the full path. Results are asked only of the classifiers that
 * {@link RetryClassifier#classifiesResults() classify results}, so a successful call asks no failure-only
 * classifier. Immutable; allocates nothing per call.
 */
public final class ClassifierChain {

    private final List<RetryClassifier> all;
    private final RetryClassifier[] forFailures;
    private final RetryClassifier[] forResults;

    private ClassifierChain(List<RetryClassifier> all) {
        this.all = all;
        this.forFailures = all.toArray(RetryClassifier[]::new);
        this.forResults = all.stream().filter(RetryClassifier::classifiesResults).toArray(RetryClassifier[]::new);
    }

    /**
     * @param classifiers the classifiers, in the order to ask them
     * @return the chain over an unmodifiable copy
     */
    public static ClassifierChain of(List<RetryClassifier> classifiers) {
        return new ClassifierChain(List.copyOf(classifiers));
    }

    /** @return every classifier, in order; unmodifiable */
    public List<RetryClassifier> all() {
        return all;
    }

    /**
     * Classifies one attempt's outcome; exactly one of {@code result} and {@code failure} matters.
     *
     * @return the first verdict that is not abstain; if all abstain, success for a result and a final failure
     *     (named after its class) for a failure
     */
    Verdict classify(Object result, Throwable failure) {
        return failure != null ? ofFailure(failure) : ofResult(result);
    }

    /** @return the verdict on a returned value; success if every classifier abstains */
    Verdict ofResult(Object result) {
        for (RetryClassifier classifier : forResults) {
            Verdict verdict = classifier.classifyResult(result);
            if (verdict != null && verdict.kind() != Verdict.Kind.ABSTAIN) {
                return verdict;
            }
        }
        return Verdict.success();
    }

    private Verdict ofFailure(Throwable failure) {
        for (RetryClassifier classifier : forFailures) {
            Verdict verdict = classifier.classifyFailure(failure);
            if (verdict != null && verdict.kind() != Verdict.Kind.ABSTAIN) {
                return verdict;
            }
        }
        return Verdict.fail(failure.getClass().getName());
    }
}
