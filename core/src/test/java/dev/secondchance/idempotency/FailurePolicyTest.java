package dev.secondchance.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.secondchance.retry.RetryClassifier;
import dev.secondchance.retry.Verdict;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.http.HttpConnectTimeoutException;
import org.junit.jupiter.api.Test;

class FailurePolicyTest {

    private final FailurePolicy defaults = FailurePolicy.defaults();

    @Test
    void defaults_whenAnyFailure_isOutcomeUnknown() {
        for (Throwable failure : new Throwable[] {new SocketException("Connection reset"), new IOException("no response"),
                new IllegalStateException("HTTP 503"), new SocketTimeoutException("read timed out"),
                new ConnectException("refused"), new HttpConnectTimeoutException("connect"),
                new InterruptedException(), new OutOfMemoryError(), new IllegalArgumentException("bad")}) {
            assertEquals(FailureDisposition.OUTCOME_UNKNOWN, defaults.classify(failure), failure.toString());
        }
    }

    @Test
    void releaseWhen_whenPredicateProvesNoEffect_releasesElseOutcomeUnknown() {
        FailurePolicy policy = FailurePolicy.releaseWhen(ConnectException.class::isInstance);

        assertEquals(FailureDisposition.RELEASE, policy.classify(new ConnectException("refused")));
        assertEquals(FailureDisposition.OUTCOME_UNKNOWN, policy.classify(new SocketException("Connection reset")));
    }

    @Test
    void fromClassifier_whenVerdictIsFail_isFinalElseOutcomeUnknown() {
        FailurePolicy policy = FailurePolicy.fromClassifier(RetryClassifier.ofFailures(failure ->
                failure instanceof IllegalArgumentException ? Verdict.fail("400") : Verdict.retry("503")));

        assertEquals(FailureDisposition.FINAL, policy.classify(new IllegalArgumentException("declined")));
        assertEquals(FailureDisposition.OUTCOME_UNKNOWN, policy.classify(new IllegalStateException("busy")));
        assertEquals(FailureDisposition.OUTCOME_UNKNOWN, policy.classify(new SocketTimeoutException()));
    }
}
