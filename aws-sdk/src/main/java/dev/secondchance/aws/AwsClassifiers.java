package dev.secondchance.aws;

import dev.secondchance.aws.internal.AwsErrorClassifier;
import dev.secondchance.retry.Classifiers;
import dev.secondchance.retry.RetryClassifier;
import java.util.List;
import java.util.Set;

/**
 * Classifies AWS SDK v2 failures for core policies, wrapped around SDK calls or inside a
 * {@link SecondChanceRetryStrategy}.
 *
 * <p>The rules, asked in this order on the failure (after stripping {@code CompletionException} and
 * {@code ExecutionException}):
 * <ol>
 *   <li>{@code SdkServiceException} with an AWS error code: a code in {@link #THROTTLING_ERROR_CODES}
 *       (the SDK v2's throttling codes) is throttling; a code in {@link #TRANSIENT_ERROR_CODES} or
 *       {@link #CLOCK_SKEW_ERROR_CODES} is retried; a code in {@link #POSSIBLE_CLOCK_SKEW_ERROR_CODES} is retried
 *       only if the server's clock is at least 4 minutes from ours (the SDK then corrects its clock offset).</li>
 *   <li>Otherwise the HTTP status decides, by {@link Classifiers#httpStatus}: 429 is throttling; 500, 502, 503
 *       and 504 are retried whatever the SDK's {@code retryable()} flag says; every other 4xx (validation,
 *       conditional-check failures, access denied, not found) and 5xx is final. Only an exception without a
 *       usable status (below 400) falls back to the SDK's flags.</li>
 *   <li>{@code SdkClientException}: {@code ApiCallAttemptTimeoutException} is retried; {@code ApiCallTimeoutException}
 *       and {@code NonRetryableException} are final; one caused by an {@link java.io.IOException} is decided by
 *       {@link Classifiers#transientIo()} (a reset connection is retried, an unknown host is not); any other is
 *       final unless the SDK marks it retryable ({@code RetryableException}, CRC32 mismatch).</li>
 *   <li>Anything else: abstain, so the next classifier decides.</li>
 * </ol>
 * A retry verdict carries the server's hint from the error response's {@code x-amz-retry-after} (milliseconds)
 * and {@code Retry-After} headers, via {@link dev.secondchance.retry.ServerHints#apply}.
 *
 * <p>Stateless and thread-safe.
 */
public final class AwsClassifiers {

    /**
     * The AWS error codes that mean "slow down": those of the AWS SDK's throttling list, including
     * {@code TransactionInProgressException}, which DynamoDB answers while the same client token is still
     * being processed. The one list of the project: core knows no AWS codes.
     */
    public static final Set<String> THROTTLING_ERROR_CODES = Set.of(
            "Throttling", "ThrottlingException", "ThrottledException", "ProvisionedThroughputExceededException",
            "RequestLimitExceeded", "TooManyRequestsException", "SlowDown", "BandwidthLimitExceeded",
            "RequestThrottled", "LimitExceededException", "RequestThrottledException", "EC2ThrottledException",
            "TransactionInProgressException");

    /** Codes for transient server-side faults, retried whatever the status: request timeouts and a busy prior request. */
    public static final Set<String> TRANSIENT_ERROR_CODES =
            Set.of("RequestTimeout", "RequestTimeoutException", "PriorRequestNotComplete", "InternalError");

    /** Codes that always mean the request's signing time was too far from the server's: retried. */
    public static final Set<String> CLOCK_SKEW_ERROR_CODES =
            Set.of("RequestTimeTooSkewed", "RequestExpired", "RequestInTheFuture");

    /**
     * Signature failures that may be clock skew or wrong credentials: retried only when the response's
     * {@code Date} shows a skew of 4 minutes or more.
     */
    public static final Set<String> POSSIBLE_CLOCK_SKEW_ERROR_CODES =
            Set.of("InvalidSignatureException", "SignatureDoesNotMatch", "AuthFailure");

    private AwsClassifiers() {}

    /**
     * The AWS SDK classifier described above.
     *
     * @return the classifier; stateless and thread-safe
     */
    public static RetryClassifier sdkErrors() {
        return AwsErrorClassifier.INSTANCE;
    }

    /**
     * The AWS rules for SDK failures: {@link #sdkErrors()}, then {@link Classifiers#transientIo()} for a bare
     * {@link java.io.IOException}. {@link AwsRetryPolicies#builder()} asks them first, and the
     * {@code treatAsThrottling} predicate of {@link SecondChanceRetryStrategyBuilder} turns their retries into
     * throttling.
     *
     * @return an unmodifiable list
     */
    public static List<RetryClassifier> defaults() {
        return List.of(sdkErrors(), Classifiers.transientIo());
    }
}
