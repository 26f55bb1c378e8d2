package dev.secondchance.examples.sdk;

import dev.secondchance.aws.AwsRetryPolicies;
import dev.secondchance.aws.SecondChanceRetryStrategy;
import dev.secondchance.examples.dynamo.DynamoDbClients;
import dev.secondchance.retry.RetryPolicy;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * A DynamoDB client set up for one {@link RetryStyle}, with its own policy: the same call either wrapped by
 * the policy (the client's own retries off, which {@link AwsRetryPolicies#requireSdkRetriesOff} checks) or
 * made by a client whose {@code RetryStrategy} is the policy. Each attempt is bounded by
 * {@code apiCallAttemptTimeout}. Not thread-safe beyond what the SDK client is.
 */
public final class StyledClient implements AutoCloseable {

    /** Each attempt's bound: its timeout is retried, unlike a whole-call timeout. */
    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(2);

    private final RetryStyle style;
    private final RetryPolicy policy;
    private final DynamoDbClient client;

    private StyledClient(RetryStyle style, RetryPolicy policy, DynamoDbClient client) {
        this.style = style;
        this.policy = policy;
        this.client = client;
    }

    /**
     * @param style where the library retries
     * @param policy the policy that decides
     * @param settings the example's settings, for the region
     * @param endpoint where the client sends its requests (the proxy)
     * @return the client
     */
    public static StyledClient create(RetryStyle style, RetryPolicy policy, SdkSettings settings, URI endpoint) {
        DynamoDbClient client = switch (style) {
            case WRAPPED -> AwsRetryPolicies.requireSdkRetriesOff(DynamoDbClients.local(endpoint, settings.region())
                    .overrideConfiguration(o -> o.retryStrategy(AwsRetryPolicies.sdkRetriesOff())
                            .apiCallAttemptTimeout(ATTEMPT_TIMEOUT))
                    .build());
            case STRATEGY -> DynamoDbClients.local(endpoint, settings.region())
                    .overrideConfiguration(o -> o.retryStrategy(SecondChanceRetryStrategy.from(policy))
                            .apiCallAttemptTimeout(ATTEMPT_TIMEOUT))
                    .build();
        };
        return new StyledClient(style, policy, client);
    }

    /**
     * Puts the item, retrying as the style does.
     *
     * @param request the request
     * @throws software.amazon.awssdk.core.exception.SdkException the last failure when the policy ends the call
     *     without success; it carries a suppressed {@code RetriesEnded}
     */
    public void put(PutItemRequest request) {
        switch (style) {
            case WRAPPED -> policy.call(() -> client.putItem(request));
            case STRATEGY -> client.putItem(request);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
