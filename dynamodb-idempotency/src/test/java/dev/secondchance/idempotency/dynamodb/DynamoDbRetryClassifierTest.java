package dev.secondchance.idempotency.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.secondchance.retry.RetryClassifier;
import dev.secondchance.retry.Verdict;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

/** The store's classifier (the aws-sdk module's) on the SDK's own exception types, built as the SDK builds them. */
class DynamoDbRetryClassifierTest {

    /** Never called: the classifier needs a store, not a server. */
    private static final DynamoDbClient NOWHERE = TestDynamoDb.httpClient(URI.create("http://127.0.0.1:9"));

    private final RetryClassifier classifier = DynamoDbIdempotencyStore.builder(NOWHERE, "any_table")
            .build().retryClassifier();

    private static DynamoDbException service(int status, String code) {
        return (DynamoDbException) DynamoDbException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code).build()).build();
    }

    @Test
    void classifyFailure_whenThrottlingCodeOr429_isThrottled() {
        ProvisionedThroughputExceededException throughput = ProvisionedThroughputExceededException.builder()
                .statusCode(400).awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("ProvisionedThroughputExceededException").build()).build();

        assertEquals(Verdict.Kind.THROTTLED, classifier.classifyFailure(throughput).kind());
        assertEquals(Verdict.Kind.THROTTLED, classifier.classifyFailure(service(400, "ThrottlingException")).kind());
        assertEquals(Verdict.Kind.THROTTLED, classifier.classifyFailure(service(429, "Unknown")).kind());
    }

    @Test
    void classifyFailure_when5xx_isRetriedAndOther4xxIsFinal() {
        assertEquals(Verdict.Kind.RETRY, classifier.classifyFailure(service(500, "InternalServerError")).kind());
        assertEquals(Verdict.Kind.RETRY, classifier.classifyFailure(service(503, "ServiceUnavailable")).kind());
        assertEquals(Verdict.Kind.FAIL, classifier.classifyFailure(service(400, "ValidationException")).kind());
        assertEquals(Verdict.Kind.FAIL, classifier.classifyFailure(service(400, "ResourceNotFoundException")).kind());
    }

    @Test
    void classifyFailure_whenNoResponseBecauseOfIoOrTimeout_isRetried() {
        SdkClientException refused = SdkClientException.builder().message("Unable to execute HTTP request")
                .cause(new ConnectException("Connection refused")).build();

        assertEquals(Verdict.Kind.RETRY, classifier.classifyFailure(refused).kind());
        assertEquals(Verdict.Kind.RETRY,
                classifier.classifyFailure(ApiCallAttemptTimeoutException.builder().message("slow").build()).kind());
    }

    @Test
    void classifyFailure_whenClientMisconfigured_isFinalAndANonSdkFailureIsLeftToOthers() {
        assertEquals(Verdict.Kind.FAIL,
                classifier.classifyFailure(SdkClientException.builder().message("Unable to load region").build()).kind());
        assertEquals(Verdict.abstain(), classifier.classifyFailure(new UncheckedIOException(new ConnectException())));
    }

    @Test
    void classifyFailure_whenServerSendsARetryAfterHint_carriesIt() {
        DynamoDbException busy = (DynamoDbException) DynamoDbException.builder().statusCode(503)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ServiceUnavailable")
                        .sdkHttpResponse(software.amazon.awssdk.http.SdkHttpResponse.builder().statusCode(503)
                                .putHeader("x-amz-retry-after", "1500").build()).build()).build();

        Verdict verdict = classifier.classifyFailure(busy);

        assertEquals(Verdict.Kind.RETRY, verdict.kind());
        assertEquals(java.time.Duration.ofMillis(1500), verdict.serverDelay(java.time.Instant.now()));
    }
}
