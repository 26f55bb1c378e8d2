package dev.secondchance.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.secondchance.retry.RetryClassifier;
import dev.secondchance.retry.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class FailurePolicyTest {

    private final FailurePolicy defaults = FailurePolicy.defaults();

    /** Shaped like the AWS SDK's exception, which core cannot see. */
    static final class ApiCallTimeoutException extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    @Test
    void defaults_whenTimeoutAfterSending_isAmbiguous() {
        assertEquals(FailureDisposition.AMBIGUOUS, defaults.classify(new SocketTimeoutException("read timed out")));
        assertEquals(FailureDisposition.AMBIGUOUS, defaults.classify(new HttpTimeoutException("request timed out")));
        assertEquals(FailureDisposition.AMBIGUOUS, defaults.classify(new TimeoutException()));
        assertEquals(FailureDisposition.AMBIGUOUS, defaults.classify(new ApiCallTimeoutException()));
        assertEquals(FailureDisposition.AMBIGUOUS,
                defaults.classify(new UncheckedIOException(new SocketTimeoutException("wrapped"))));
    }

    @Test
    void defaults_whenInterruptedOrError_isAmbiguous() {
        assertEquals(FailureDisposition.AMBIGUOUS, defaults.classify(new InterruptedException()));
        assertEquals(FailureDisposition.AMBIGUOUS, defaults.classify(new OutOfMemoryError()));
    }

    @Test
    void defaults_whenNothingWasSentOrAnyOtherFailure_releases() {
        assertEquals(FailureDisposition.RELEASE, defaults.classify(new ConnectException("refused")));
        assertEquals(FailureDisposition.RELEASE, defaults.classify(new HttpConnectTimeoutException("connect")));
        assertEquals(FailureDisposition.RELEASE, defaults.classify(new IOException("broken")));
        assertEquals(FailureDisposition.RELEASE, defaults.classify(new IllegalArgumentException("bad")));
    }

    @Test
    void fromClassifier_whenVerdictIsFail_isFinalElseRelease() {
        FailurePolicy policy = FailurePolicy.fromClassifier(RetryClassifier.ofFailures(failure ->
                failure instanceof IllegalArgumentException ? Verdict.fail("400") : Verdict.retry("503")));

        assertEquals(FailureDisposition.FINAL, policy.classify(new IllegalArgumentException("declined")));
        assertEquals(FailureDisposition.RELEASE, policy.classify(new IllegalStateException("busy")));
        assertEquals(FailureDisposition.AMBIGUOUS, policy.classify(new SocketTimeoutException()));
    }
}
