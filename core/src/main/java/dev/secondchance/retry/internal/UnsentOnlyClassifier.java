package dev.secondchance.retry.internal;

import dev.secondchance.retry.RetryClassifier;
import dev.secondchance.retry.Verdict;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.util.List;

/**
 * Classifies as a policy's own classifiers do, but turns every retry into a final verdict unless the failure
 * proves the request never left: a connect failure ({@link ConnectException}, {@link HttpConnectTimeoutException}).
 * For a request that must not run twice (a {@code POST} without an idempotency key): after a reset, a timeout
 * or any response, the server may have acted on it. Immutable.
 */
public final class UnsentOnlyClassifier implements RetryClassifier {

    private final ClassifierChain policyClassifiers;
    private final String why;

    /**
     * @param policyClassifiers the classifiers of the policy, asked first
     * @param why ends the reason of a retry turned final, such as "POST without Idempotency-Key"
     */
    public UnsentOnlyClassifier(List<RetryClassifier> policyClassifiers, String why) {
        this.policyClassifiers = ClassifierChain.of(policyClassifiers);
        this.why = why;
    }

    /**
     * @param failure a failed attempt's failure
     * @return true if it proves the request was not sent: the connection was never made
     */
    public static boolean provesNotSent(Throwable failure) {
        Throwable cause = failure instanceof UncheckedIOException && failure.getCause() != null
                ? failure.getCause()
                : failure;
        return cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException;
    }

    @Override
    public Verdict classifyResult(Object result) {
        return onlyIfUnsent(policyClassifiers.classify(result, null), false);
    }

    @Override
    public Verdict classifyFailure(Throwable failure) {
        return onlyIfUnsent(policyClassifiers.classify(null, failure), provesNotSent(failure));
    }

    @Override
    public boolean classifiesResults() {
        return policyClassifiers.all().stream().anyMatch(RetryClassifier::classifiesResults);
    }

    private Verdict onlyIfUnsent(Verdict verdict, boolean notSent) {
        if (!verdict.isRetry() || notSent) {
            return verdict;
        }
        return Verdict.fail(verdict.reason() + ", not retried: " + why + " may already have been processed");
    }

    @Override
    public String toString() {
        return "UnsentOnlyClassifier[" + why + ", " + policyClassifiers.all() + "]";
    }
}
