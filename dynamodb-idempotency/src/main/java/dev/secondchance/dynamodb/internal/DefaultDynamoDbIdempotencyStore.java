package dev.secondchance.dynamodb.internal;

import static dev.secondchance.dynamodb.internal.Items.n;
import static dev.secondchance.dynamodb.internal.Items.s;

import dev.secondchance.dynamodb.DynamoDbIdempotencyStore;
import dev.secondchance.dynamodb.IdempotencyTable;
import dev.secondchance.idempotency.ClaimRequest;
import dev.secondchance.idempotency.ClaimResult;
import dev.secondchance.idempotency.CompleteResult;
import dev.secondchance.idempotency.Completion;
import dev.secondchance.idempotency.IdempotencyRecord;
import dev.secondchance.idempotency.RecordStatus;
import dev.secondchance.retry.RetryClassifier;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/** The DynamoDB store; see {@link DynamoDbIdempotencyStore} for the protocol. */
public final class DefaultDynamoDbIdempotencyStore implements DynamoDbIdempotencyStore {

    static final String CLAIM_CONDITION = "attribute_not_exists(#id) OR (#ver < :ver AND (#exp <= :nowSec"
            + " OR (#st = :inProgress AND #lease <= :nowMs AND #fp = :fp)))";
    static final String FENCE = "#st = :inProgress AND #own = :own AND #ver = :ver";
    private static final int CLAIM_ATTEMPTS = 3;

    private final DynamoDbClient client;
    private final String table;
    private final Clock clock;

    /**
     * @param client the client
     * @param table the table name
     * @param clock the wall clock for leases and expiry
     */
    public DefaultDynamoDbIdempotencyStore(DynamoDbClient client, String table, Clock clock) {
        this.client = client;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public String tableName() {
        return table;
    }

    @Override
    public ClaimResult claim(ClaimRequest request) {
        String partitionKey = StoreKeys.partitionKey(request.key());
        long now = clock.millis();
        long version = Math.max(1, now);
        IdempotencyRecord standing = null;
        for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
            long candidate = version;
            IdempotencyRecord fresh = new IdempotencyRecord(request.key(), RecordStatus.IN_PROGRESS,
                    request.fingerprint(), request.owner(), candidate, now + request.lease().toMillis(),
                    expiry(now, request.ttl()), null);
            try {
                client.putItem(b -> b.tableName(table).item(Items.inProgress(partitionKey, fresh))
                        .conditionExpression(CLAIM_CONDITION)
                        .expressionAttributeNames(Map.of("#id", IdempotencyTable.ID, "#ver", IdempotencyTable.VERSION,
                                "#exp", IdempotencyTable.EXPIRATION, "#st", IdempotencyTable.STATUS,
                                "#lease", IdempotencyTable.LEASE_EXPIRY, "#fp", IdempotencyTable.FINGERPRINT))
                        .expressionAttributeValues(Map.of(":ver", n(candidate), ":nowSec", n(Math.floorDiv(now, 1000L)),
                                ":inProgress", s(RecordStatus.IN_PROGRESS.name()), ":nowMs", n(now),
                                ":fp", s(request.fingerprint())))
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
                return ClaimResult.acquired(fresh);
            } catch (ConditionalCheckFailedException taken) {
                standing = taken.hasItem() && !taken.item().isEmpty()
                        ? Items.toRecord(request.key(), taken.item())
                        : read(request.key()).orElse(null);
            }
            if (standing == null) {
                continue;
            }
            if (standing.status() == RecordStatus.IN_PROGRESS && standing.owner().equals(request.owner())) {
                return ClaimResult.acquired(standing);
            }
            boolean claimable = standing.isExpired(now)
                    || (standing.isLeaseExpired(now) && standing.fingerprint().equals(request.fingerprint()));
            if (!claimable) {
                return ClaimResult.existing(standing);
            }
            version = standing.version() + 1;
        }
        if (standing == null) {
            throw new IllegalStateException("claim of '" + request.key() + "' was refused " + CLAIM_ATTEMPTS
                    + " times without a standing record; is ReturnValuesOnConditionCheckFailure supported?");
        }
        return ClaimResult.existing(standing);
    }

    @Override
    public CompleteResult complete(String key, String owner, long version, Completion completion, Duration ttl) {
        long now = clock.millis();
        Completion kept = CompletionWrite.fits(key, owner, completion) ? completion : completion.tooLarge();
        try {
            return write(key, owner, version, kept, now, ttl);
        } catch (DynamoDbException rejected) {
            if (kept.kind() != Completion.Kind.RESULT || !CompletionWrite.isItemTooLarge(rejected)) {
                throw rejected;
            }
            return write(key, owner, version, kept.tooLarge(), now, ttl);
        }
    }

    private CompleteResult write(String key, String owner, long version, Completion completion, long now,
            Duration ttl) {
        CompletionWrite update = new CompletionWrite(completion, expiry(now, ttl));
        try {
            client.updateItem(b -> b.tableName(table).key(keyOf(key))
                    .updateExpression(update.expression())
                    .conditionExpression(FENCE)
                    .expressionAttributeNames(update.names())
                    .expressionAttributeValues(update.values(owner, version))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return completion.kind() == Completion.Kind.RESULT_TOO_LARGE
                    ? CompleteResult.RESULT_TOO_LARGE
                    : CompleteResult.STORED;
        } catch (ConditionalCheckFailedException fenced) {
            if (!fenced.hasItem() || fenced.item().isEmpty()) {
                return CompleteResult.FENCED;
            }
            IdempotencyRecord standing = Items.toRecord(key, fenced.item());
            boolean alreadyMine = standing.status() == RecordStatus.COMPLETED && standing.owner().equals(owner)
                    && standing.version() == version;
            if (!alreadyMine) {
                return CompleteResult.FENCED;
            }
            return standing.completion().kind() == Completion.Kind.RESULT_TOO_LARGE
                    ? CompleteResult.RESULT_TOO_LARGE
                    : CompleteResult.STORED;
        }
    }

    @Override
    public boolean release(String key, String owner, long version) {
        return setLease(key, owner, version, 0L);
    }

    @Override
    public boolean renew(String key, String owner, long version, Duration lease) {
        return setLease(key, owner, version, clock.millis() + lease.toMillis());
    }

    private boolean setLease(String key, String owner, long version, long leaseExpiresAtMillis) {
        try {
            client.updateItem(b -> b.tableName(table).key(keyOf(key))
                    .updateExpression("SET #lease = :lease")
                    .conditionExpression(FENCE)
                    .expressionAttributeNames(Map.of("#lease", IdempotencyTable.LEASE_EXPIRY,
                            "#st", IdempotencyTable.STATUS, "#own", IdempotencyTable.OWNER, "#ver", IdempotencyTable.VERSION))
                    .expressionAttributeValues(Map.of(":lease", n(leaseExpiresAtMillis),
                            ":inProgress", s(RecordStatus.IN_PROGRESS.name()), ":own", s(owner), ":ver", n(version))));
            return true;
        } catch (ConditionalCheckFailedException fenced) {
            return false;
        }
    }

    @Override
    public Optional<IdempotencyRecord> read(String key) {
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(table).key(keyOf(key)).consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        IdempotencyRecord record = Items.toRecord(key, item);
        return record.isExpired(clock.millis()) ? Optional.empty() : Optional.of(record);
    }

    @Override
    public RetryClassifier retryClassifier() {
        return DynamoDbRetryClassifier.INSTANCE;
    }

    /** The expiry in epoch seconds, rounded up so a record never expires before {@code now + ttl}. */
    private static long expiry(long nowMillis, Duration ttl) {
        return Math.floorDiv(nowMillis + ttl.toMillis() + 999, 1000L);
    }

    private static Map<String, AttributeValue> keyOf(String key) {
        return Map.of(IdempotencyTable.ID, s(StoreKeys.partitionKey(key)));
    }

    @Override
    public String toString() {
        return "DynamoDbIdempotencyStore[" + table + "]";
    }
}
