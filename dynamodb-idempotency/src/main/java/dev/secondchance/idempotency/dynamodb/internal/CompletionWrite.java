package dev.secondchance.idempotency.dynamodb.internal;

import static dev.secondchance.idempotency.dynamodb.internal.Items.n;
import static dev.secondchance.idempotency.dynamodb.internal.Items.s;

import dev.secondchance.idempotency.dynamodb.IdempotencyTable;
import dev.secondchance.idempotency.spi.Completion;
import dev.secondchance.idempotency.spi.RecordStatus;
import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/** The fenced {@code UpdateItem} that turns an IN_PROGRESS item into a COMPLETED one, and its size check. */
final class CompletionWrite {

    /** Room for attributes whose size is not known exactly here (fingerprint, numbers). */
    private static final int SAFETY_MARGIN = 512;

    private final Map<String, AttributeValue> completion;
    private final long expiresAtEpochSecond;

    CompletionWrite(Completion completion, long expiresAtEpochSecond) {
        this.completion = Items.completion(completion);
        this.expiresAtEpochSecond = expiresAtEpochSecond;
    }

    /** True if an item holding this completion stays under 400 KB. */
    static boolean fits(String key, String owner, Completion completion) {
        Map<String, AttributeValue> item = new HashMap<>(Items.completion(completion));
        item.put(IdempotencyTable.ID, s(StoreKeys.partitionKey(key)));
        item.put(IdempotencyTable.STATUS, s(RecordStatus.COMPLETED.name()));
        item.put(IdempotencyTable.FINGERPRINT, s("0".repeat(64)));
        item.put(IdempotencyTable.OWNER, s(owner));
        item.put(IdempotencyTable.VERSION, n(0));
        item.put(IdempotencyTable.LEASE_EXPIRY, n(0));
        item.put(IdempotencyTable.EXPIRATION, n(0));
        return ItemSize.of(item) + SAFETY_MARGIN <= ItemSize.MAX_ITEM_BYTES;
    }

    /** True if DynamoDB rejected the write because the item would exceed its size limit. */
    static boolean isItemTooLarge(DynamoDbException rejected) {
        String message = rejected.awsErrorDetails() != null ? rejected.awsErrorDetails().errorMessage() : null;
        return message != null && message.toLowerCase(java.util.Locale.ROOT).contains("item size");
    }

    String expression() {
        StringJoiner set = new StringJoiner(", ", "SET ", "");
        set.add("#st = :completed").add("#exp = :exp");
        for (String attribute : completion.keySet()) {
            set.add("#" + attribute + " = :" + attribute);
        }
        return set.toString();
    }

    Map<String, String> names() {
        Map<String, String> names = new HashMap<>();
        names.put("#st", IdempotencyTable.STATUS);
        names.put("#exp", IdempotencyTable.EXPIRATION);
        names.put("#own", IdempotencyTable.OWNER);
        names.put("#ver", IdempotencyTable.VERSION);
        for (String attribute : completion.keySet()) {
            names.put("#" + attribute, attribute);
        }
        return names;
    }

    Map<String, AttributeValue> values(String owner, long version) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":completed", s(RecordStatus.COMPLETED.name()));
        values.put(":inProgress", s(RecordStatus.IN_PROGRESS.name()));
        values.put(":exp", n(expiresAtEpochSecond));
        values.put(":own", s(owner));
        values.put(":ver", n(version));
        completion.forEach((attribute, value) -> values.put(":" + attribute, value));
        return values;
    }
}
