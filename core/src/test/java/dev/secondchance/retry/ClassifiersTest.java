package dev.secondchance.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondchance.retry.testing.StubResponse;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.MalformedURLException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedByInterruptException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClassifiersTest {

    private static final Set<Integer> DEFAULTS = Classifiers.DEFAULT_RETRYABLE_STATUSES;
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    // ---------------------------------------------------------------- httpStatus

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {500, 502, 503, 504})
    void httpStatus_whenDefaultRetryable5xx_returnsRetry(int status) {
        Verdict verdict = Classifiers.httpStatus(status, DEFAULTS);
        assertEquals(Verdict.Kind.RETRY, verdict.kind());
        assertEquals("HTTP " + status, verdict.reason());
        assertNull(verdict.serverDelay(NOW), "no hint without headers");
    }

    @Test
    void httpStatus_when429_returnsThrottledEvenIfNotInTheSet() {
        assertEquals(Verdict.throttled("HTTP 429"), Classifiers.httpStatus(429, DEFAULTS));
        assertEquals(Verdict.Kind.THROTTLED, Classifiers.httpStatus(429, Set.of()).kind());
        assertEquals(Verdict.Kind.THROTTLED, Classifiers.httpStatus(Classifiers.TOO_MANY_REQUESTS, Set.of(429)).kind());
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {400, 401, 403, 404, 405, 409, 410, 412, 413, 422, 499})
    void httpStatus_whenClientError_returnsFail(int status) {
        Verdict verdict = Classifiers.httpStatus(status, DEFAULTS);
        assertEquals(Verdict.Kind.FAIL, verdict.kind());
        assertEquals("HTTP " + status, verdict.reason());
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {501, 505, 507, 511, 599})
    void httpStatus_whenOther5xxByDefault_returnsFail(int status) {
        assertEquals(Verdict.fail("HTTP " + status), Classifiers.httpStatus(status, DEFAULTS));
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {501, 505})
    void httpStatus_whenOther5xxInGivenSet_returnsRetry(int status) {
        assertEquals(Verdict.retry("HTTP " + status), Classifiers.httpStatus(status, Set.of(501, 505)));
        // and a default-retryable status left out of a custom set is final
        assertEquals(Verdict.Kind.FAIL, Classifiers.httpStatus(503, Set.of(status)).kind());
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {200, 201, 204, 301, 302, 304, 399})
    void httpStatus_whenBelow400_returnsSuccess(int status) {
        assertSame(Verdict.success(), Classifiers.httpStatus(status, DEFAULTS));
    }

    @Test
    void httpStatus_whenSetIsNull_throwsNpeNamingIt() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> Classifiers.httpStatus(503, null));
        assertTrue(e.getMessage().contains("retryableStatuses"), e.getMessage());
    }

    @Test
    void defaultRetryableStatuses_whenInspected_areExactly500To504Without501() {
        assertEquals(Set.of(500, 502, 503, 504), Classifiers.DEFAULT_RETRYABLE_STATUSES);
        assertEquals(429, Classifiers.TOO_MANY_REQUESTS);
    }

    // ---------------------------------------------------------------- transientIo

    static Stream<Arguments> retryableIo() {
        return Stream.of(
                Arguments.of(new ConnectException("Connection refused")),
                Arguments.of(new SocketTimeoutException("Read timed out")),
                Arguments.of(new HttpConnectTimeoutException("HTTP connect timed out")),
                Arguments.of(new HttpTimeoutException("request timed out")),
                Arguments.of(new SocketException("Connection reset")),
                Arguments.of(new EOFException("unexpected end of stream")),
                Arguments.of(new IOException("plain")),
                Arguments.of(new UncheckedIOException(new IOException("wrapped"))),
                Arguments.of(new UncheckedIOException(new ConnectException("wrapped refused"))),
                Arguments.of(new UncheckedIOException(new SocketTimeoutException("wrapped timeout"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("retryableIo")
    void transientIo_whenTransientIoFailure_returnsRetry(Throwable failure) {
        Verdict verdict = Classifiers.transientIo().classifyFailure(failure);
        assertEquals(Verdict.Kind.RETRY, verdict.kind(), failure.toString());
        assertNotNull(verdict.reason());
    }

    static Stream<Arguments> permanentIo() {
        return Stream.of(
                Arguments.of(new UnknownHostException("no.such.host")),
                Arguments.of(new MalformedURLException("no protocol")),
                Arguments.of(new SSLHandshakeException("PKIX path building failed")),
                Arguments.of(new FileNotFoundException("/nope")),
                Arguments.of(new ProtocolException("bad status line")),
                Arguments.of(new InterruptedIOException("interrupted")),
                Arguments.of(new ClosedByInterruptException()),
                Arguments.of(new UncheckedIOException(new UnknownHostException("wrapped"))),
                Arguments.of(new UncheckedIOException(new SSLHandshakeException("wrapped"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("permanentIo")
    void transientIo_whenPermanentIoFailure_returnsFail(Throwable failure) {
        assertEquals(Verdict.Kind.FAIL, Classifiers.transientIo().classifyFailure(failure).kind(), failure.toString());
    }

    static Stream<Arguments> notIo() {
        return Stream.of(
                Arguments.of(new IllegalArgumentException("bad")),
                Arguments.of(new NullPointerException("npe")),
                Arguments.of(new IllegalStateException("state")),
                Arguments.of(new RuntimeException("wrapping", new ConnectException("inner"))),
                Arguments.of(new Exception("checked, not I/O")),
                Arguments.of(new OutOfMemoryError("error")),
                Arguments.of(new InterruptedException("not I/O")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notIo")
    void transientIo_whenNotAnIoFailure_abstains(Throwable failure) {
        assertSame(Verdict.abstain(), Classifiers.transientIo().classifyFailure(failure));
    }

    @Test
    void transientIo_whenAskedAboutResults_abstains() {
        assertSame(Verdict.abstain(), Classifiers.transientIo().classifyResult("anything"));
        assertSame(Verdict.abstain(), Classifiers.transientIo().classifyResult(null));
        assertSame(Verdict.abstain(), Classifiers.transientIo().classifyResult(new IOException("as a value")));
    }

    // ---------------------------------------------------------------- defaults, through a policy

    private static RetryPolicy noWaitDefaults() {
        return RetryPolicy.builder().sleeper(d -> {}).build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notIo")
    void execute_whenProgrammingErrorWithDefaults_makesOneAttemptAndIsNonRetryable(Throwable failure) {
        if (failure instanceof InterruptedException) {
            return; // an interruption, not a programming error: ends as INTERRUPTED, checked elsewhere
        }
        AtomicInteger attempts = new AtomicInteger();
        Outcome<Object> outcome = noWaitDefaults().execute(() -> {
            attempts.incrementAndGet();
            throw sneaky(failure);
        });
        assertEquals(1, attempts.get());
        assertEquals(1, outcome.attempts());
        assertEquals(EndReason.NON_RETRYABLE, outcome.endReason());
        assertSame(failure, outcome.failure());
    }

    @Test
    void execute_whenIllegalArgumentWithDefaults_makesOneAttemptAndIsNonRetryable() {
        AtomicInteger attempts = new AtomicInteger();
        IllegalArgumentException failure = new IllegalArgumentException("bad input");
        Outcome<String> outcome = noWaitDefaults().execute(() -> {
            attempts.incrementAndGet();
            throw failure;
        });
        assertEquals(1, attempts.get());
        assertEquals(1, outcome.attempts());
        assertEquals(EndReason.NON_RETRYABLE, outcome.endReason());
        assertSame(failure, outcome.failure());
    }

    @Test
    void execute_whenConnectExceptionWithDefaults_makesThreeAttempts() {
        AtomicInteger attempts = new AtomicInteger();
        List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
        RetryPolicy policy = RetryPolicy.builder().sleeper(sleeps::add).build();
        Outcome<String> outcome = policy.execute(() -> {
            attempts.incrementAndGet();
            throw new ConnectException("refused");
        });
        assertEquals(3, attempts.get());
        assertEquals(3, outcome.attempts());
        assertEquals(EndReason.ATTEMPTS_EXHAUSTED, outcome.endReason());
        assertTrue(outcome.failure() instanceof ConnectException);
        assertTrue(sleeps.size() <= 2, "at most one wait between each two attempts: " + sleeps);
    }

    @Test
    void execute_whenUnknownHostWithDefaults_makesOneAttempt() {
        AtomicInteger attempts = new AtomicInteger();
        Outcome<String> outcome = noWaitDefaults().execute(() -> {
            attempts.incrementAndGet();
            throw new UnknownHostException("no.such.host");
        });
        assertEquals(1, attempts.get());
        assertEquals(EndReason.NON_RETRYABLE, outcome.endReason());
    }

    @Test
    void execute_whenConnectExceptionThenSuccess_returnsTheResult() {
        AtomicInteger attempts = new AtomicInteger();
        Outcome<String> outcome = noWaitDefaults().execute(() -> {
            if (attempts.incrementAndGet() < 2) {
                throw new ConnectException("refused");
            }
            return "ok";
        });
        assertEquals(2, outcome.attempts());
        assertEquals(EndReason.SUCCESS, outcome.endReason());
        assertEquals("ok", outcome.result());
    }

    @Test
    void defaults_whenInspected_areTransientIoThenHttpResponses() {
        List<RetryClassifier> defaults = Classifiers.defaults();
        assertEquals(2, defaults.size());
        assertSame(Classifiers.transientIo(), defaults.get(0));
        assertEquals(Verdict.Kind.RETRY, defaults.get(1).classifyResult(new StubResponse(503, Map.of())).kind());
        assertThrows(UnsupportedOperationException.class, () -> defaults.add(Classifiers.transientIo()));
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> RuntimeException sneaky(Throwable t) throws E {
        throw (E) t;
    }

    // ---------------------------------------------------------------- httpResponses

    @Test
    void httpThrottling_when503WithRetryAfter_returnsThrottledWithTheHint() {
        RetryClassifier overload = Classifiers.httpThrottling(Set.of(503));

        Verdict verdict = overload.classifyResult(new StubResponse(503, Map.of("Retry-After", List.of("2"))));

        assertEquals(Verdict.Kind.THROTTLED, verdict.kind());
        assertEquals("HTTP 503", verdict.reason());
        assertEquals(Duration.ofSeconds(2), verdict.serverDelay(NOW));
    }

    @Test
    void httpThrottling_whenOtherStatusOrNoResponse_abstainsSoTheDefaultsDecide() {
        RetryClassifier overload = Classifiers.httpThrottling(Set.of(503));

        assertEquals(Verdict.Kind.ABSTAIN, overload.classifyResult(new StubResponse(500, Map.of())).kind());
        assertEquals(Verdict.Kind.ABSTAIN, overload.classifyResult("not a response").kind());
        assertEquals(Verdict.Kind.ABSTAIN, overload.classifyFailure(new ConnectException("x")).kind());
    }

    @Test
    void httpThrottling_whenNoStatusGiven_throwsSayingWhatToPass() {
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> Classifiers.httpThrottling(Set.of()));

        assertEquals("statuses must name at least one status, such as 503", empty.getMessage());
        assertThrows(NullPointerException.class, () -> Classifiers.httpThrottling(null));
    }

    private static RetryClassifier httpResponses() {
        return Classifiers.httpResponses(DEFAULTS);
    }

    @Test
    void httpResponses_when503WithRetryAfter7_returnsRetryWithSevenSecondHint() {
        Verdict verdict = httpResponses().classifyResult(new StubResponse(503, Map.of("Retry-After", List.of("7"))));
        assertEquals(Verdict.Kind.RETRY, verdict.kind());
        assertEquals("HTTP 503", verdict.reason());
        assertEquals(Duration.ofSeconds(7), verdict.serverDelay(NOW));
    }

    @Test
    void httpResponses_whenHeaderNameInOtherCase_stillReadsTheHint() {
        Verdict verdict = httpResponses().classifyResult(new StubResponse(503, Map.of("retry-after", List.of("3"))));
        assertEquals(Duration.ofSeconds(3), verdict.serverDelay(NOW));
        Verdict amz = httpResponses().classifyResult(new StubResponse(503, Map.of("X-Amz-Retry-After", List.of("250"))));
        assertEquals(Duration.ofMillis(250), amz.serverDelay(NOW));
    }

    @Test
    void httpResponses_when429WithHttpDate_returnsThrottledWithDateHint() {
        Verdict verdict = httpResponses().classifyResult(
                new StubResponse(429, Map.of("Retry-After", List.of("Thu, 01 Jan 2026 00:00:30 GMT"))));
        assertEquals(Verdict.Kind.THROTTLED, verdict.kind());
        assertEquals(Duration.ofSeconds(30), verdict.serverDelay(NOW));
    }

    @Test
    void httpResponses_when503WithoutHeaders_returnsRetryWithoutHint() {
        Verdict verdict = httpResponses().classifyResult(new StubResponse(503, Map.of()));
        assertEquals(Verdict.retry("HTTP 503"), verdict);
        assertNull(verdict.serverDelay(NOW));
    }

    @Test
    void httpResponses_whenFinalStatus_ignoresRetryAfterAndFails() {
        Verdict verdict = httpResponses().classifyResult(new StubResponse(404, Map.of("Retry-After", List.of("7"))));
        assertEquals(Verdict.fail("HTTP 404"), verdict);
        assertNull(verdict.serverDelay(NOW));
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {200, 204, 301})
    void httpResponses_whenSuccessStatus_returnsSuccess(int status) {
        assertSame(Verdict.success(), httpResponses().classifyResult(new StubResponse(status, Map.of())));
    }

    @Test
    void httpResponses_whenCustomSet_retriesOnlyThoseStatuses() {
        RetryClassifier custom = Classifiers.httpResponses(Set.of(501));
        assertEquals(Verdict.Kind.RETRY, custom.classifyResult(new StubResponse(501, Map.of())).kind());
        assertEquals(Verdict.Kind.FAIL, custom.classifyResult(new StubResponse(503, Map.of())).kind());
        assertEquals(Verdict.Kind.THROTTLED, custom.classifyResult(new StubResponse(429, Map.of())).kind());
    }

    @Test
    void httpResponses_whenSetChangesAfterCreation_isUnaffected() {
        Set<Integer> statuses = new java.util.HashSet<>(Set.of(503));
        RetryClassifier classifier = Classifiers.httpResponses(statuses);
        statuses.clear();
        statuses.add(404);
        assertEquals(Verdict.Kind.RETRY, classifier.classifyResult(new StubResponse(503, Map.of())).kind());
        assertEquals(Verdict.Kind.FAIL, classifier.classifyResult(new StubResponse(404, Map.of())).kind());
    }

    @Test
    void httpResponses_whenResultIsNotAnHttpResponse_abstains() {
        RetryClassifier classifier = httpResponses();
        assertSame(Verdict.abstain(), classifier.classifyResult("503"));
        assertSame(Verdict.abstain(), classifier.classifyResult(503));
        assertSame(Verdict.abstain(), classifier.classifyResult(null));
        assertSame(Verdict.abstain(), classifier.classifyFailure(new ConnectException("not a result")));
    }

    @Test
    void httpResponses_whenSetIsNull_throwsNpeNamingIt() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> Classifiers.httpResponses(null));
        assertTrue(e.getMessage().contains("retryableStatuses"), e.getMessage());
    }

    @Test
    void execute_when503ThenOkWithDefaults_waitsAtLeastTheHintAndReturnsTheSuccess() {
        List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
        RetryPolicy policy = RetryPolicy.builder().sleeper(sleeps::add).random(() -> 0.0).build();
        AtomicInteger attempts = new AtomicInteger();
        Outcome<HttpResponse<String>> outcome = policy.execute(() -> attempts.incrementAndGet() == 1
                ? new StubResponse(503, Map.of("Retry-After", List.of("2")))
                : new StubResponse(200, Map.of()));
        assertEquals(EndReason.SUCCESS, outcome.endReason());
        assertEquals(200, outcome.result().statusCode());
        assertEquals(List.of(Duration.ofSeconds(2)), sleeps, "backoff 0 with a 2 s hint waits exactly the hint");
    }
}
