package dev.secondchance.idempotency.dynamodb;

import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * The table schema of {@link DynamoDbIdempotencyStore}, and a helper that creates the table and turns on
 * TTL. One item per store key:
 *
 * <table>
 *   <caption>Attributes</caption>
 *   <tr><th>name</th><th>type</th><th>meaning</th></tr>
 *   <tr><td>{@value #ID}</td><td>S</td><td>partition key: the store key, {@code prefix#token} (hashed above 2,048 bytes)</td></tr>
 *   <tr><td>{@value #STATUS}</td><td>S</td><td>{@code IN_PROGRESS}, {@code RELEASED} or {@code COMPLETED}</td></tr>
 *   <tr><td>{@value #FINGERPRINT}</td><td>S</td><td>SHA-256 hex of the request</td></tr>
 *   <tr><td>{@value #OWNER}</td><td>S</td><td>random id of the claim that wrote the item</td></tr>
 *   <tr><td>{@value #VERSION}</td><td>N</td><td>fencing version, strictly increasing per item</td></tr>
 *   <tr><td>{@value #LEASE_EXPIRY}</td><td>N</td><td>end of the owner's lease, epoch milliseconds</td></tr>
 *   <tr><td>{@value #EXPIRATION}</td><td>N</td><td>expiry, epoch seconds: the TTL attribute; every renewal moves it</td></tr>
 *   <tr><td>{@value #OUTCOME}</td><td>S</td><td>when COMPLETED: {@code RESULT}, {@code FAILURE}, {@code OUTCOME_UNKNOWN} or {@code RESULT_TOO_LARGE}</td></tr>
 *   <tr><td>{@value #RESULT}</td><td>B</td><td>the encoded result; absent for a null result</td></tr>
 *   <tr><td>{@value #CODEC}</td><td>S</td><td>the result codec's id</td></tr>
 *   <tr><td>{@value #CODEC_VERSION}</td><td>N</td><td>the result codec's version</td></tr>
 *   <tr><td>{@value #RESULT_SIZE}</td><td>N</td><td>encoded result size in bytes</td></tr>
 *   <tr><td>{@value #FAILURE_TYPE}</td><td>S</td><td>class name of a recorded final or unknown-outcome failure</td></tr>
 *   <tr><td>{@value #FAILURE_MESSAGE}</td><td>S</td><td>its message, only if the executor keeps messages ({@code failureMessageLength}, 0 by default)</td></tr>
 * </table>
 *
 * <p>IAM actions the store needs on the table: {@code dynamodb:PutItem}, {@code dynamodb:UpdateItem},
 * {@code dynamodb:GetItem}. The helper also needs {@code dynamodb:CreateTable},
 * {@code dynamodb:DescribeTable}, {@code dynamodb:DescribeTimeToLive} and {@code dynamodb:UpdateTimeToLive}.
 */
public final class IdempotencyTable {

    /** Partition key attribute. */
    public static final String ID = "id";
    /** Status attribute. */
    public static final String STATUS = "status";
    /** Request fingerprint attribute. */
    public static final String FINGERPRINT = "fingerprint";
    /** Owner attribute. */
    public static final String OWNER = "owner";
    /** Fencing version attribute. */
    public static final String VERSION = "version";
    /** Lease end attribute, epoch milliseconds. */
    public static final String LEASE_EXPIRY = "lease_expiry";
    /** TTL attribute, epoch seconds. */
    public static final String EXPIRATION = "expiration";
    /** Outcome kind attribute. */
    public static final String OUTCOME = "outcome";
    /** Encoded result attribute. */
    public static final String RESULT = "result";
    /** Codec id attribute. */
    public static final String CODEC = "codec";
    /** Codec version attribute. */
    public static final String CODEC_VERSION = "codec_version";
    /** Result size attribute. */
    public static final String RESULT_SIZE = "result_size";
    /** Failure class name attribute. */
    public static final String FAILURE_TYPE = "failure_type";
    /** Failure message attribute. */
    public static final String FAILURE_MESSAGE = "failure_message";

    private IdempotencyTable() {}

    /**
     * Creates the table (on-demand capacity, partition key {@value #ID} of type S) unless it exists, waits
     * until it is active, and enables TTL on {@value #EXPIRATION} unless already enabled. Safe to call at
     * every start-up; blocks up to the SDK waiter's limit while a new table becomes active.
     *
     * @param client the client
     * @param tableName the table name
     * @return true if this call created the table
     * @throws NullPointerException if an argument is null
     * @throws software.amazon.awssdk.core.exception.SdkException if DynamoDB refuses (for example
     *     missing IAM permissions)
     */
    public static boolean createIfAbsent(DynamoDbClient client, String tableName) {
        Objects.requireNonNull(client, "client must not be null");
        Objects.requireNonNull(tableName, "tableName must not be null");
        boolean created;
        try {
            client.createTable(b -> b.tableName(tableName)
                    .attributeDefinitions(AttributeDefinition.builder().attributeName(ID)
                            .attributeType(ScalarAttributeType.S).build())
                    .keySchema(KeySchemaElement.builder().attributeName(ID).keyType(KeyType.HASH).build())
                    .billingMode(BillingMode.PAY_PER_REQUEST));
            created = true;
        } catch (ResourceInUseException exists) {
            created = false;
        }
        try (DynamoDbWaiter waiter = DynamoDbWaiter.builder().client(client).build()) {
            waiter.waitUntilTableExists(b -> b.tableName(tableName));
        }
        TimeToLiveStatus ttl = client.describeTimeToLive(b -> b.tableName(tableName))
                .timeToLiveDescription().timeToLiveStatus();
        if (ttl != TimeToLiveStatus.ENABLED && ttl != TimeToLiveStatus.ENABLING) {
            client.updateTimeToLive(b -> b.tableName(tableName)
                    .timeToLiveSpecification(s -> s.enabled(true).attributeName(EXPIRATION)));
        }
        return created;
    }
}
