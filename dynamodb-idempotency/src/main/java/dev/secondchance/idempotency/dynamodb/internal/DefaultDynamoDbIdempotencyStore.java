package dev.secondchance.idempotency.dynamodb.internal;

import static dev.secondchance.idempotency.dynamodb.internal.Items.n;
import static dev.secondchance.idempotency.dynamodb.internal.Items.s;

import dev.secondchance.aws.AwsClassifiers;
import dev.secondchance.idempotency.dynamodb.DynamoDbIdempotencyStore;
import dev.secondchance.idempotency.dynamodb.IdempotencyTable;
import dev.secondchance.idempotency.spi.ClaimRequest;
import dev.secondchance.idempotency.spi.ClaimResult;
import dev.secondchance.idempotency.spi.CompleteResult;
import dev.secondchance.idempotency.spi.Completion;
import dev.secondchance.idempotency.spi.IdempotencyRecord;
import dev.secondchance.idempotency.spi.RecordStatus;
import dev.secondchance.idempotency.spi.StoreRules;
import dev.secondchance.retry.RetryClassifier;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/** The DynamoDB store; see {@link DynamoDbIdempotencyStore} for the protocol. */
public final class DefaultDynamoDbIdempotencyStore implements DynamoDbIdempotencyStore {

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
        ClaimWrite write = new ClaimWrite(request, now);
        long version = Math.max(1, now);
        IdempotencyRecord standing = null;
        for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
            IdempotencyRecord fresh = StoreRules.claimed(request, version, now);
            long candidate = version;
            try {
                Map<String, AttributeValue> old = client.putItem(b -> b.tableName(table)
                        .item(Items.inProgress(partitionKey, fresh))
                        .conditionExpression(write.condition())
                        .expressionAttributeNames(write.names())
                        .expressionAttributeValues(write.values(candidate))
                        .returnValues(ReturnValue.ALL_OLD)
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD))
                        .attributes();
                return ClaimResult.acquired(fresh, old == null || old.isEmpty() ? null : Items.toRecord(request.key(), old));
            } catch (ConditionalCheckFailedException taken) {
                standing = taken.hasItem() && !taken.item().isEmpty()
                        ? Items.toRecord(request.key(), taken.item())
                        : readItem(request.key()).orElse(null);
            }
            if (standing == null) {
                continue;
            }
            if (StoreRules.isResentClaim(standing, request)) {
                return ClaimResult.acquired(standing);
            }
            if (!standing.isClaimableBy(request, now)) {
                return ClaimResult.existing(standing);
            }
            version = Math.max(version, standing.version() + 1);
        }
        if (standing == null) {
            throw new IllegalStateException("claim of '" + request.key() + "' was refused " + CLAIM_ATTEMPTS
                    + " times, yet no item stands under its key");
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
        CompletionWrite update = new CompletionWrite(completion, StoreRules.expiry(now, ttl));
        try {
            client.updateItem(b -> b.tableName(table).key(keyOf(key))
                    .updateExpression(update.expression())
                    .conditionExpression(FENCE)
                    .expressionAttributeNames(update.names())
                    .expressionAttributeValues(update.values(owner, version))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return StoreRules.answerFor(completion);
        } catch (ConditionalCheckFailedException fenced) {
            IdempotencyRecord standing = fenced.hasItem() && !fenced.item().isEmpty()
                    ? Items.toRecord(key, fenced.item())
                    : readItem(key).orElse(null);
            if (standing == null) {
                return CompleteResult.FENCED;
            }
            return StoreRules.isCompletedBy(standing, owner, version)
                    ? StoreRules.answerFor(standing.completion())
                    : CompleteResult.FENCED;
        }
    }

    @Override
    public boolean release(String key, String owner, long version) {
        return updateOwned(key, owner, version, "SET #st = :released, #lease = :lease",
                Map.of(":released", s(RecordStatus.RELEASED.name()), ":lease", n(clock.millis())));
    }

    @Override
    public boolean renew(String key, String owner, long version, Duration lease, Duration ttl) {
        long now = clock.millis();
        return updateOwned(key, owner, version, "SET #lease = :lease, #exp = :exp",
                Map.of(":lease", n(now + lease.toMillis()), ":exp", n(StoreRules.expiry(now, ttl))));
    }

    private boolean updateOwned(String key, String owner, long version, String update,
            Map<String, AttributeValue> updateValues) {
        Map<String, AttributeValue> values = new HashMap<>(updateValues);
        values.put(":inProgress", s(RecordStatus.IN_PROGRESS.name()));
        values.put(":own", s(owner));
        values.put(":ver", n(version));
        Map<String, String> names = new HashMap<>(Map.of("#st", IdempotencyTable.STATUS,
                "#own", IdempotencyTable.OWNER, "#ver", IdempotencyTable.VERSION));
        if (update.contains("#lease")) {
            names.put("#lease", IdempotencyTable.LEASE_EXPIRY);
        }
        if (update.contains("#exp")) {
            names.put("#exp", IdempotencyTable.EXPIRATION);
        }
        try {
            client.updateItem(b -> b.tableName(table).key(keyOf(key)).updateExpression(update)
                    .conditionExpression(FENCE).expressionAttributeNames(names).expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException fenced) {
            return false;
        }
    }

    @Override
    public Optional<IdempotencyRecord> read(String key) {
        long now = clock.millis();
        return readItem(key).filter(record -> StoreRules.isVisible(record, now));
    }

    /** A strongly consistent read of the raw item, expired or not. */
    private Optional<IdempotencyRecord> readItem(String key) {
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(table).key(keyOf(key)).consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(Items.toRecord(key, item));
    }

    @Override
    public RetryClassifier retryClassifier() {
        return AwsClassifiers.sdkErrors();
    }

    private static Map<String, AttributeValue> keyOf(String key) {
        return Map.of(IdempotencyTable.ID, s(StoreKeys.partitionKey(key)));
    }

    @Override
    public String toString() {
        return "DynamoDbIdempotencyStore[" + table + "]";
    }
}
