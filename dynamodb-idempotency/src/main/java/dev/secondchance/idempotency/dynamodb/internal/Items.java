package dev.secondchance.idempotency.dynamodb.internal;

import static dev.secondchance.idempotency.dynamodb.IdempotencyTable.CODEC;
import static dev.secondchance.idempotency.dynamodb.IdempotencyTable.CODEC_VERSION;
import static dev.secondchance.idempotency.dynamodb.IdempotencyTable.EXPIRATION;
import static dev.secondchance.idempotency.dynamodb.IdempotencyTable.FAILURE_MESSAGE;
import static dev.secondchance.idempotency.dynamodb.IdempotencyTable.FAILURE_TYPE;
import static dev.secondchance.idempotency.dynamodb.IdempotencyTable.FINGERPRINT;
import static dev.secondchance.idempotency.dynamodb.IdempotencyTable.ID;
import static dev.secondchance.idempotency.dynamodb.IdempotencyTable.LEASE_EXPIRY;
import static dev.secondchance.idempotency.dynamodb.IdempotencyTable.OUTCOME;
import static dev.secondchance.idempotency.dynamodb.IdempotencyTable.OWNER;
import static dev.secondchance.idempotency.dynamodb.IdempotencyTable.RESULT;
import static dev.secondchance.idempotency.dynamodb.IdempotencyTable.RESULT_SIZE;
import static dev.secondchance.idempotency.dynamodb.IdempotencyTable.STATUS;
import static dev.secondchance.idempotency.dynamodb.IdempotencyTable.VERSION;

import dev.secondchance.idempotency.spi.Completion;
import dev.secondchance.idempotency.spi.IdempotencyRecord;
import dev.secondchance.idempotency.spi.RecordStatus;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Converts between records and DynamoDB items. */
final class Items {

    private Items() {}

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    /** The item of a fresh IN_PROGRESS claim. */
    static Map<String, AttributeValue> inProgress(String partitionKey, IdempotencyRecord record) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(ID, s(partitionKey));
        item.put(STATUS, s(RecordStatus.IN_PROGRESS.name()));
        item.put(FINGERPRINT, s(record.fingerprint()));
        item.put(OWNER, s(record.owner()));
        item.put(VERSION, n(record.version()));
        item.put(LEASE_EXPIRY, n(record.leaseExpiresAtMillis()));
        item.put(EXPIRATION, n(record.expiresAtEpochSecond()));
        return item;
    }

    /** The attributes a completion sets besides status and expiry. */
    static Map<String, AttributeValue> completion(Completion completion) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(OUTCOME, s(completion.kind().name()));
        values.put(RESULT_SIZE, n(completion.resultSize()));
        if (completion.codecId() != null) {
            values.put(CODEC, s(completion.codecId()));
            values.put(CODEC_VERSION, n(completion.codecVersion()));
        }
        byte[] result = completion.result();
        if (result != null) {
            values.put(RESULT, AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(result)));
        }
        if (completion.failureType() != null) {
            values.put(FAILURE_TYPE, s(completion.failureType()));
        }
        if (completion.failureMessage() != null) {
            values.put(FAILURE_MESSAGE, s(completion.failureMessage()));
        }
        return values;
    }

    /**
     * Reads an item back; {@code key} is the store key (the item holds only its partition key).
     *
     * @throws ForeignItemException if the item belongs to another key
     */
    static IdempotencyRecord toRecord(String key, Map<String, AttributeValue> item) {
        AttributeValue id = item.get(ID);
        String expected = StoreKeys.partitionKey(key);
        if (id == null || !expected.equals(id.s())) {
            throw new ForeignItemException(expected, id == null ? null : id.s());
        }
        RecordStatus status = RecordStatus.valueOf(item.get(STATUS).s());
        return new IdempotencyRecord(key, status, item.get(FINGERPRINT).s(), item.get(OWNER).s(),
                number(item, VERSION), number(item, LEASE_EXPIRY), number(item, EXPIRATION),
                status == RecordStatus.COMPLETED ? toCompletion(item) : null);
    }

    private static Completion toCompletion(Map<String, AttributeValue> item) {
        Completion.Kind kind = Completion.Kind.valueOf(item.get(OUTCOME).s());
        return switch (kind) {
            case RESULT -> Completion.result(item.containsKey(RESULT) ? item.get(RESULT).b().asByteArray() : null,
                    item.get(CODEC).s(), (int) number(item, CODEC_VERSION));
            case FAILURE -> Completion.failure(item.get(FAILURE_TYPE).s(),
                    item.containsKey(FAILURE_MESSAGE) ? item.get(FAILURE_MESSAGE).s() : null);
            case RESULT_TOO_LARGE -> Completion.resultTooLarge(number(item, RESULT_SIZE), item.get(CODEC).s(),
                    (int) number(item, CODEC_VERSION));
            case OUTCOME_UNKNOWN -> Completion.outcomeUnknown(
                    item.containsKey(FAILURE_TYPE) ? item.get(FAILURE_TYPE).s() : null,
                    item.containsKey(FAILURE_MESSAGE) ? item.get(FAILURE_MESSAGE).s() : null);
        };
    }

    private static long number(Map<String, AttributeValue> item, String name) {
        return Long.parseLong(item.get(name).n());
    }
}
