package dev.secondchance.examples.sdk;

import dev.secondchance.retry.EndReason;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/** What the proxy does to the {@code PutItem} calls of one scenario, and what the call should end with. */
public enum SdkScenario {

    /** Two throttles, then DynamoDB answers. */
    THROTTLED_TWICE("throttled twice",
            "the proxy answers the first two PutItem requests with ProvisionedThroughputExceededException and "
                    + "ThrottlingException, then passes them to DynamoDB") {
        @Override
        void arm(ThrottlingProxy proxy) {
            proxy.throttleNext(OPERATION, "ProvisionedThroughputExceededException", "ThrottlingException");
        }
    },

    /** Every request is throttled: the policy's attempt limit ends the call. */
    ALWAYS_THROTTLED("always throttled",
            "the proxy answers every PutItem request with ThrottlingException") {
        @Override
        void arm(ThrottlingProxy proxy) {
            proxy.throttleAll(OPERATION, "ThrottlingException");
        }
    },

    /** An item without its key: DynamoDB itself refuses it, and a retry cannot help. */
    INVALID_REQUEST("invalid request",
            "no fault injected; the item lacks its key, so DynamoDB answers ValidationException") {
        @Override
        void arm(ThrottlingProxy proxy) {
            // nothing to inject: the request itself is wrong
        }

        @Override
        PutItemRequest request(String table, String key) {
            return PutItemRequest.builder().tableName(table).item(Map.of("not_the_key", AttributeValue.fromS(key)))
                    .build();
        }
    };

    /** The operation every scenario calls. */
    static final String OPERATION = "PutItem";

    private final String label;
    private final String description;

    SdkScenario(String label, String description) {
        this.label = label;
        this.description = description;
    }

    /** @return a short name for tables */
    public String label() {
        return label;
    }

    /** @return what the proxy and the server do, in one line */
    public String description() {
        return description;
    }

    /**
     * Tells the proxy what to inject.
     *
     * @param proxy a proxy that passes everything through
     */
    abstract void arm(ThrottlingProxy proxy);

    /**
     * @param table the table, with string hash key {@code pk}
     * @param key the item's key
     * @return the request to send
     */
    PutItemRequest request(String table, String key) {
        return PutItemRequest.builder().tableName(table)
                .item(Map.of("pk", AttributeValue.fromS(key), "amount_cents", AttributeValue.fromN("4200")))
                .build();
    }

    /**
     * @param maxAttempts the policy's attempt limit
     * @return the end reason and attempts this scenario should end with
     */
    public Expected expected(int maxAttempts) {
        return switch (this) {
            case THROTTLED_TWICE -> new Expected(EndReason.SUCCESS, 3);
            case ALWAYS_THROTTLED -> new Expected(EndReason.ATTEMPTS_EXHAUSTED, maxAttempts);
            case INVALID_REQUEST -> new Expected(EndReason.NON_RETRYABLE, 1);
        };
    }

    /**
     * How a scenario's call should end.
     *
     * @param endReason why the policy stops
     * @param attempts attempts made
     */
    public record Expected(EndReason endReason, int attempts) {}
}
