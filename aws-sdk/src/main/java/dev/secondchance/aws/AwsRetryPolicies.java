package dev.secondchance.aws;

import dev.secondchance.internal.Checks;
import dev.secondchance.retry.Backoff;
import dev.secondchance.retry.Jitter;
import dev.secondchance.retry.RetryBudget;
import dev.secondchance.retry.RetryPolicy;
import dev.secondchance.retry.RetryPolicyBuilder;
import java.time.Duration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * The wrapping style: a core {@link RetryPolicy} around SDK calls, with the SDK's own retries off.
 *
 * <pre>{@code
 * DynamoDbClient dynamo = DynamoDbClient.builder()
 *         .overrideConfiguration(o -> o.retryStrategy(AwsRetryPolicies.sdkRetriesOff())
 *                                      .apiCallAttemptTimeout(Duration.ofSeconds(2)))
 *         .build();
 * RetryPolicy retry = AwsRetryPolicies.builder().maxAttempts(4).build();
 * retry.call(() -> dynamo.putItem(request));
 * }</pre>
 *
 * <p>Why off: the SDK makes 3 attempts by default (DynamoDB clients 9), so a policy of 3 attempts around it
 * makes up to 9 requests per call (27 for DynamoDB), and every retrying layer above multiplies again (five layers of 3 make 3^5 = 243 requests for one
 * user action, all aimed at a dependency that is already failing). Retry at one layer only: here, or with a
 * {@link SecondChanceRetryStrategy} inside the client, never both. Use {@code apiCallAttemptTimeout} (not
 * {@code apiCallTimeout}) to bound each attempt: its timeout is retried, a whole-call timeout is final.
 *
 * <p>A policy from {@link #builder()} can also drive clients that retry by themselves, through
 * {@link SecondChanceRetryStrategy#from}: wrapped calls and those clients then share one budget and one set of
 * metrics.
 *
 * <p>Stateless; the methods are thread-safe.
 */
public final class AwsRetryPolicies {

    /** The SDK's largest backoff delay, legacy and 2026 alike: 20 s. */
    private static final Duration SDK_MAX_BACKOFF = Duration.ofSeconds(20);

    /** The SDK's throttling base delay, legacy and 2026 alike: 1 s. */
    private static final Duration SDK_THROTTLING_BASE = Duration.ofSeconds(1);

    private AwsRetryPolicies() {}

    /**
     * Starts a core policy builder whose first classifier is {@link AwsClassifiers#sdkErrors()}, asked before
     * core's defaults. Every other setting is core's default; add more classifiers, a budget or time sources as
     * usual.
     *
     * @return a new mutable builder
     */
    public static RetryPolicyBuilder builder() {
        return RetryPolicy.builder().name("aws-sdk").addClassifier(AwsClassifiers.sdkErrors());
    }

    /**
     * A builder with the AWS SDK's 2026 standard-mode defaults ("Retries 2.1", opt-in with
     * {@code AWS_NEW_RETRIES_2026=true} from SDK 2.44.0), read from SDK 2.59.1's {@code StandardRetryStrategy}
     * and {@code DefaultRetryStrategy.Standard}: 3 attempts; after the n-th failure a full-jitter wait in
     * {@code [0, min(20 s, 50 ms × 2^(n-1)))}, after throttling in {@code [0, min(20 s, 1 s × 2^(n-1)))}; a
     * 500-token bucket per build where a retry costs 14 tokens after a transient failure and 5 after
     * throttling. {@code LimitExceededException} is throttling, as in {@link AwsClassifiers#sdkErrors()}.
     *
     * <p>Two things stay the library's, on purpose (docs/aws-sdk.md): a success refunds 1 token (the SDK
     * refunds what the call's last retry took), and a server hint is honoured with the default
     * {@link dev.secondchance.retry.HintRule#SPREAD} (never before the hint; the SDK clamps a hint to
     * {@code [backoff, backoff + 5 s]}, so it may retry before a hint longer than that).
     *
     * @return a new mutable builder, as {@link #builder()} with these settings
     */
    public static RetryPolicyBuilder sdk2026() {
        return sdkSchedule(Duration.ofMillis(50), 3).budget(RetryBudget.tokenBucket(500, 14, 5, 1));
    }

    /**
     * A builder with the AWS SDK's 2026 defaults for DynamoDB clients (SDK 2.59.1's
     * {@code DynamoDbRetryPolicy}): as {@link #sdk2026()}, with a transient base delay of 25 ms and 4 attempts
     * (legacy DynamoDB clients make 9).
     *
     * @return a new mutable builder
     */
    public static RetryPolicyBuilder dynamoDb2026() {
        return sdkSchedule(Duration.ofMillis(25), 4).budget(RetryBudget.tokenBucket(500, 14, 5, 1));
    }

    /**
     * A builder with the AWS SDK's standard-mode defaults before 2026 (SDK 2.59.1 without
     * {@code AWS_NEW_RETRIES_2026}): 3 attempts, transient base delay 100 ms, throttling base 1 s, cap 20 s,
     * full jitter, a 500-token bucket where every retry costs 5.
     *
     * @return a new mutable builder
     */
    public static RetryPolicyBuilder sdkLegacy() {
        return sdkSchedule(Duration.ofMillis(100), 3).budget(RetryBudget.tokenBucket(500, 5, 1));
    }

    /** The SDK's window after the n-th failure is {@code base × 2^(n-1)}; ours is {@code b × 2^n}. */
    private static RetryPolicyBuilder sdkSchedule(Duration transientBase, int attempts) {
        return builder()
                .maxAttempts(attempts)
                .backoff(Backoff.exponential(transientBase.dividedBy(2), 2.0, SDK_MAX_BACKOFF, Jitter.FULL))
                .throttlingBackoff(Backoff.exponential(SDK_THROTTLING_BASE.dividedBy(2), 2.0, SDK_MAX_BACKOFF,
                        Jitter.FULL));
    }

    /**
     * The SDK strategy for a client that is wrapped by a policy: one attempt, no retry, no backoff. Pass it to
     * {@code ClientOverrideConfiguration.Builder#retryStrategy(RetryStrategy)}.
     *
     * @return the SDK's do-not-retry strategy
     */
    public static RetryStrategy sdkRetriesOff() {
        return AwsRetryStrategy.doNotRetry();
    }

    /**
     * Checks that a client makes one attempt per call, so that a policy around it does not stack retries. The
     * client's deprecated {@code RetryPolicy}, if it has one, is what the SDK runs and what is checked; otherwise
     * its {@link RetryStrategy}. A client built without either retries by default (3 attempts in standard mode;
     * 9 for DynamoDB, whose default is the legacy mode).
     *
     * @param client a built SDK client
     * @param <C> the client type
     * @return {@code client}, for chaining
     * @throws IllegalStateException if the client's retry strategy allows more than one attempt
     * @throws NullPointerException if {@code client} is null
     */
    public static <C extends SdkClient> C requireSdkRetriesOff(C client) {
        Checks.notNull(client, "client");
        int maxAttempts = maxAttempts(client.serviceClientConfiguration().overrideConfiguration());
        if (maxAttempts > 1) {
            throw new IllegalStateException(client.serviceName() + " client retries by itself (maxAttempts="
                    + maxAttempts + "); wrapping it in a RetryPolicy would multiply attempts. Build it with "
                    + "overrideConfiguration(o -> o.retryStrategy(AwsRetryPolicies.sdkRetriesOff())).");
        }
        return client;
    }

    @SuppressWarnings("deprecation") // the legacy RetryPolicy still takes precedence in the SDK's retry stage
    private static int maxAttempts(ClientOverrideConfiguration configuration) {
        Integer legacyRetries = configuration.retryPolicy()
                .map(software.amazon.awssdk.core.retry.RetryPolicy::numRetries)
                .orElse(null);
        if (legacyRetries != null) {
            return legacyRetries + 1;
        }
        return configuration.retryStrategy().map(RetryStrategy::maxAttempts).orElse(1);
    }
}
