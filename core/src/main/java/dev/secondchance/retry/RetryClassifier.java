package dev.secondchance.retry;

import dev.secondchance.internal.Checks;
import java.util.function.Function;

/**
 * Decides whether an attempt's outcome (a result or a failure) is final or worth another attempt.
 *
 * <p>A policy asks its classifiers in order; the first one that does not {@link Verdict#abstain() abstain}
 * decides. If all abstain, a result is a success and a failure is final. Implementations must be
 * thread-safe and must not throw.
 */
public interface RetryClassifier {

    /**
     * Classifies a returned value (for example an HTTP response with status 503).
     *
     * @param result the value, possibly null
     * @return the verdict; {@link Verdict#abstain()} by default
     */
    default Verdict classifyResult(Object result) {
        return Verdict.abstain();
    }

    /**
     * Classifies a thrown failure. Async failures arrive unwrapped from
     * {@link java.util.concurrent.CompletionException}.
     *
     * @param failure the failure, never null
     * @return the verdict; {@link Verdict#abstain()} by default
     */
    default Verdict classifyFailure(Throwable failure) {
        return Verdict.abstain();
    }

    /**
     * Says whether this classifier ever classifies a result. A policy asks only such classifiers about a
     * returned value, so a failure-only classifier costs nothing on a successful call.
     *
     * @return true by default; false for a classifier that abstains on every result
     */
    default boolean classifiesResults() {
        return true;
    }

    /**
     * A classifier of failures only.
     *
     * @param classify the function; it returns {@link Verdict#abstain()} for failures it does not know
     * @return a classifier that abstains on every result
     */
    static RetryClassifier ofFailures(Function<Throwable, Verdict> classify) {
        Checks.notNull(classify, "classify");
        return new RetryClassifier() {
            @Override
            public Verdict classifyFailure(Throwable failure) {
                return classify.apply(failure);
            }

            @Override
            public boolean classifiesResults() {
                return false;
            }
        };
    }

    /**
     * A classifier of results only.
     *
     * @param classify the function; it returns {@link Verdict#abstain()} for results it does not know
     * @return a classifier that abstains on every failure
     */
    static RetryClassifier ofResults(Function<Object, Verdict> classify) {
        Checks.notNull(classify, "classify");
        return new RetryClassifier() {
            @Override
            public Verdict classifyResult(Object result) {
                return classify.apply(result);
            }
        };
    }
}
