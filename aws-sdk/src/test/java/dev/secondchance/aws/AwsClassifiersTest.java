package dev.secondchance.aws;

import static dev.secondchance.aws.testing.AwsErrors.io;
import static dev.secondchance.aws.testing.AwsErrors.service;
import static dev.secondchance.aws.testing.AwsErrors.serviceBuilder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.secondchance.retry.RetryClassifier;
import dev.secondchance.retry.Verdict.Kind;
import dev.secondchance.retry.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.NonRetryableException;
import software.amazon.awssdk.core.exception.RetryableException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;

class AwsClassifiersTest {

    private static final RetryClassifier AWS = AwsClassifiers.sdkErrors();
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    static Stream<String> throttlingCodes() {
        return AwsClassifiers.THROTTLING_ERROR_CODES.stream();
    }

    @Test
    void throttlingErrorCodes_whenInspected_holdExactlyTheSdkThrottlingCodes() {
        assertEquals(Set.of("Throttling", "ThrottlingException", "ThrottledException",
                "ProvisionedThroughputExceededException", "RequestLimitExceeded", "TooManyRequestsException",
                "SlowDown", "BandwidthLimitExceeded", "RequestThrottled", "LimitExceededException",
                "RequestThrottledException", "EC2ThrottledException", "TransactionInProgressException"),
                AwsClassifiers.THROTTLING_ERROR_CODES);
    }

    @ParameterizedTest(name = "code=''{0}''")
    @ValueSource(strings = {"ValidationException", "ConditionalCheckFailedException", "AccessDeniedException",
        "Throttling ", "ThrottlingExceptionX"})
    void sdkErrors_whenCodeIsNotThrottlingWith400_isFinal(String code) {
        assertEquals(Kind.FAIL, AWS.classifyFailure(service(400, code)).kind());
    }

    @ParameterizedTest
    @MethodSource("throttlingCodes")
    void sdkErrors_whenThrottlingCodeWith400_isThrottled(String code) {
        assertEquals(Kind.THROTTLED, AWS.classifyFailure(service(400, code)).kind());
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504})
    void sdkErrors_when5xxAndSdkFlagSaysNo_retries(int status) {
        AwsServiceException failure = service(status, "InternalServerError");
        assertFalse(failure.retryable(), "precondition: the SDK's flag says not retryable");

        Verdict verdict = AWS.classifyFailure(failure);

        assertEquals(Kind.RETRY, verdict.kind());
        assertEquals("InternalServerError (HTTP " + status + ")", verdict.reason());
    }

    @Test
    void sdkErrors_whenPlainServiceException503_retries() {
        SdkServiceException failure = SdkServiceException.builder().statusCode(503).message("busy").build();
        assertEquals(Kind.RETRY, AWS.classifyFailure(failure).kind());
    }

    @Test
    void sdkErrors_when429WithoutCode_isThrottled() {
        assertEquals(Kind.THROTTLED, AWS.classifyFailure(service(429, null)).kind());
    }

    @ParameterizedTest
    @CsvSource({"400,RequestTimeout", "408,RequestTimeoutException", "400,PriorRequestNotComplete", "200,InternalError"})
    void sdkErrors_whenTransientCode_retries(int status, String code) {
        assertEquals(Kind.RETRY, AWS.classifyFailure(service(status, code)).kind());
    }

    @ParameterizedTest
    @CsvSource({"400,ConditionalCheckFailedException", "400,ValidationException", "403,AccessDeniedException",
            "400,ResourceNotFoundException", "400,TransactionCanceledException", "400,UnrecognizedClientException",
            "404,NotFound", "501,NotImplemented", "413,RequestEntityTooLarge"})
    void sdkErrors_whenOtherClientOrServerError_isFinal(int status, String code) {
        Verdict verdict = AWS.classifyFailure(service(status, code));

        assertEquals(Kind.FAIL, verdict.kind());
        assertEquals(code + " (HTTP " + status + ")", verdict.reason());
    }

    @ParameterizedTest
    @CsvSource({"403,RequestTimeTooSkewed", "400,RequestExpired", "403,RequestInTheFuture"})
    void sdkErrors_whenClockSkewCode_retries(int status, String code) {
        assertEquals(Kind.RETRY, AWS.classifyFailure(service(status, code)).kind());
    }

    @ParameterizedTest
    @ValueSource(strings = {"InvalidSignatureException", "SignatureDoesNotMatch", "AuthFailure"})
    void sdkErrors_whenSignatureErrorAndServerClockAnHourOff_retries(String code) {
        String serverDate = DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.now().plus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC));
        AwsServiceException failure = serviceBuilder(403, code, "Date", serverDate).clockSkew(Duration.ZERO).build();

        assertEquals(Kind.RETRY, AWS.classifyFailure(failure).kind());
    }

    @ParameterizedTest
    @ValueSource(strings = {"InvalidSignatureException", "SignatureDoesNotMatch", "AuthFailure"})
    void sdkErrors_whenSignatureErrorAndClocksAgree_isFinal(String code) {
        String serverDate = DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.now().atOffset(ZoneOffset.UTC));
        AwsServiceException failure = serviceBuilder(403, code, "Date", serverDate).clockSkew(Duration.ZERO).build();

        assertEquals(Kind.FAIL, AWS.classifyFailure(failure).kind());
    }

    static Stream<IOException> transientIoFaults() {
        return Stream.of(new SocketException("Connection reset"), new ConnectException("Connection refused"),
                new SocketTimeoutException("Read timed out"), new IOException("Unexpected end of file from server"));
    }

    @ParameterizedTest
    @MethodSource("transientIoFaults")
    void sdkErrors_whenClientExceptionCausedByTransientIo_retries(IOException cause) {
        assertEquals(Kind.RETRY, AWS.classifyFailure(io(cause)).kind());
    }

    @Test
    void sdkErrors_whenIoFaultIsDeeperInTheChain_retries() {
        SdkClientException failure = SdkClientException.builder().message("outer")
                .cause(new UncheckedIOException(new SocketException("Connection reset"))).build();

        assertEquals(Kind.RETRY, AWS.classifyFailure(failure).kind());
    }

    @Test
    void sdkErrors_whenClientExceptionCausedByUnknownHost_isFinal() {
        assertEquals(Kind.FAIL, AWS.classifyFailure(io(new UnknownHostException("dynamodb.nowhere"))).kind());
    }

    @Test
    void sdkErrors_whenAttemptTimeout_retries() {
        assertEquals(Kind.RETRY, AWS.classifyFailure(ApiCallAttemptTimeoutException.create(500)).kind());
    }

    @Test
    void sdkErrors_whenWholeCallTimeout_isFinal() {
        assertEquals(Kind.FAIL, AWS.classifyFailure(ApiCallTimeoutException.create(500)).kind());
    }

    @Test
    void sdkErrors_whenNonRetryableExceptionDespiteIoCause_isFinal() {
        NonRetryableException failure = NonRetryableException.builder().message("no")
                .cause(new SocketException("Connection reset")).build();

        assertEquals(Kind.FAIL, AWS.classifyFailure(failure).kind());
    }

    @Test
    void sdkErrors_whenRetryableException_retries() {
        assertEquals(Kind.RETRY, AWS.classifyFailure(RetryableException.create("try again")).kind());
    }

    @Test
    void sdkErrors_whenClientExceptionWithoutIoCause_isFinal() {
        assertEquals(Kind.FAIL, AWS.classifyFailure(SdkClientException.create("Unable to load credentials")).kind());
        assertEquals(Kind.FAIL, AWS.classifyFailure(AbortedException.create("aborted")).kind());
    }

    @Test
    void sdkErrors_whenWrappedInCompletionException_classifiesTheCause() {
        assertEquals(Kind.RETRY, AWS.classifyFailure(new CompletionException(service(503, "ServiceUnavailable"))).kind());
        assertEquals(Kind.FAIL, AWS.classifyFailure(new CompletionException(service(400, "ValidationException"))).kind());
    }

    @Test
    void sdkErrors_whenNotAnSdkException_abstains() {
        assertEquals(Kind.ABSTAIN, AWS.classifyFailure(new IllegalStateException("bug")).kind());
        assertEquals(Kind.ABSTAIN, AWS.classifyFailure(new ConnectException("refused")).kind());
        assertEquals(Kind.ABSTAIN, AWS.classifyResult("a result").kind());
    }

    @Test
    void defaults_whenBareIoException_retriesThroughTransientIo() {
        Verdict verdict = AwsClassifiers.defaults().stream().map(c -> c.classifyFailure(new ConnectException("refused")))
                .filter(v -> v.kind() != Kind.ABSTAIN).findFirst().orElseThrow();

        assertEquals(Kind.RETRY, verdict.kind());
    }

    @Test
    void sdkErrors_whenAmzRetryAfterHeader_carriesTheHintInMilliseconds() {
        Verdict verdict = AWS.classifyFailure(service(503, "ServiceUnavailable", "x-amz-retry-after", "1500"));

        assertEquals(Duration.ofMillis(1500), verdict.serverDelay(NOW));
    }

    @Test
    void sdkErrors_whenThrottledWithRetryAfterSeconds_carriesTheHint() {
        Verdict verdict = AWS.classifyFailure(service(400, "ThrottlingException", "Retry-After", "3"));

        assertEquals(Kind.THROTTLED, verdict.kind());
        assertEquals(Duration.ofSeconds(3), verdict.serverDelay(NOW));
    }

    @Test
    void sdkErrors_whenFinalWithRetryAfter_carriesNoHint() {
        assertNull(AWS.classifyFailure(service(400, "ValidationException", "Retry-After", "3")).serverDelay(NOW));
    }

    @Test
    void sdkErrors_whenNoStatusAndNoFlag_isFinal() {
        SdkServiceException failure = SdkServiceException.builder().message("odd").build();

        assertEquals(Kind.FAIL, AWS.classifyFailure(failure).kind());
    }
}
