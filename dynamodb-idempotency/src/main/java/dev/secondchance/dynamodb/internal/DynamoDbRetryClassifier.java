package dev.secondchance.dynamodb.internal;

import dev.secondchance.retry.Classifiers;
import dev.secondchance.retry.RetryClassifier;
import dev.secondchance.retry.Verdict;
import java.io.IOException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * The store's own minimal classifier of SDK failures: AWS throttling codes and 429 are throttled, 500,
 * 502, 503 and 504 are retried, other service errors are final; client-side failures are retried when an
 * I/O fault or a timeout caused them (every store write is safe to repeat), else left to others.
 */
public final class DynamoDbRetryClassifier implements RetryClassifier {

    /** The shared instance. */
    public static final DynamoDbRetryClassifier INSTANCE = new DynamoDbRetryClassifier();

    private DynamoDbRetryClassifier() {}

    @Override
    public Verdict classifyFailure(Throwable failure) {
        if (failure instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() != null ? service.awsErrorDetails().errorCode() : null;
            Verdict byCode = Classifiers.awsErrorCode(code);
            if (byCode.isRetry()) {
                return byCode;
            }
            Verdict byStatus = Classifiers.httpStatus(service.statusCode(), Classifiers.DEFAULT_RETRYABLE_STATUSES);
            return byStatus.isRetry() ? byStatus : Verdict.fail(code != null ? code : "HTTP " + service.statusCode());
        }
        if (failure instanceof ApiCallAttemptTimeoutException || failure instanceof ApiCallTimeoutException) {
            return Verdict.retry(failure.getClass().getSimpleName());
        }
        if (failure instanceof SdkClientException) {
            Throwable cause = failure.getCause();
            for (int depth = 0; cause != null && depth < 16; depth++, cause = cause.getCause()) {
                if (cause instanceof IOException) {
                    return Verdict.retry(cause.getClass().getSimpleName());
                }
            }
        }
        return Verdict.abstain();
    }
}
