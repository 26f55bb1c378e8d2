package dev.secondchance.idempotency.dynamodb;

import dev.secondchance.idempotency.spi.IdempotencyStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * An {@link IdempotencyStore} on a DynamoDB table with the schema of {@link IdempotencyTable}. Thread-safe;
 * share one per table.
 *
 * <ul>
 *   <li>claim: one conditional {@code PutItem} that writes
 *       {@link dev.secondchance.idempotency.spi.IdempotencyRecord#isClaimableBy} as a condition — absent; or not
 *       under a live lease and either expired, released, or (for a takeover with the same fingerprint) of
 *       unknown outcome — with {@code ReturnValues=ALL_OLD} (the replaced record) and
 *       {@code ReturnValuesOnConditionCheckFailure=ALL_OLD}, so a duplicate learns the standing record in the
 *       same round trip. A backend that returns no item with a failed condition costs one strongly consistent
 *       {@code GetItem} of the raw item instead;</li>
 *   <li>complete, release, renew: one {@code UpdateItem} each, conditional on status IN_PROGRESS, owner
 *       and version; release sets status RELEASED, renew moves the lease and the TTL attribute;</li>
 *   <li>read: a strongly consistent {@code GetItem}.</li>
 * </ul>
 *
 * <p>Every item DynamoDB hands back is checked against the key asked for; another key's item is never
 * returned to a caller, but fails the call ({@code IllegalStateException}), which the executor reports as a
 * store failure.
 *
 * <p>Expiry and leases are compared with the store's clock, in the condition expressions, because
 * DynamoDB TTL deletes expired items lazily (within days). Client clocks must agree to well within a lease.
 *
 * <p>The fencing version of a claim is the claim's epoch millisecond, or the standing version + 1 if that
 * is not higher; the condition {@code version < :new} makes it strictly increasing per item whatever the
 * clocks say, while a takeover still takes one round trip.
 *
 * <p>Items are at most 400 KB: a result that would not fit is recorded as the
 * {@code RESULT_TOO_LARGE} marker (the record still says COMPLETED). Keys longer than 2,048 UTF-8 bytes,
 * the partition-key limit, are stored under {@code "§sha256:" + hex(SHA-256(key))}, never truncated.
 *
 * <p>Store calls throw the SDK's exceptions; {@link #retryClassifier()} marks throttling codes and HTTP 429
 * as throttled, HTTP 500/502/503/504 and I/O faults or timeouts before a response as retryable, and
 * other service errors as final. Configure the client without SDK retries
 * ({@code overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))}) so that calls are
 * retried at one layer only, by the executor's store retry policy.
 */
public interface DynamoDbIdempotencyStore extends IdempotencyStore {

    /**
     * Starts a builder.
     *
     * @param client the DynamoDB client; not closed by the store
     * @param tableName the table, created with {@link IdempotencyTable#createIfAbsent}
     * @return a new builder
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code tableName} is not a valid table name (3–255 characters of
     *     {@code a-z A-Z 0-9 _ - .})
     */
    static DynamoDbIdempotencyStoreBuilder builder(DynamoDbClient client, String tableName) {
        return new DynamoDbIdempotencyStoreBuilder(client, tableName);
    }

    /** @return the table name */
    String tableName();
}
