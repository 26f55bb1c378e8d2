package dev.secondchance.idempotency.dynamodb.internal;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Estimates an item's size as DynamoDB counts it (attribute names plus values), rounding numbers up to
 * their 21-byte maximum so the estimate never falls short.
 */
public final class ItemSize {

    /** DynamoDB's item limit: 400 KB. */
    public static final int MAX_ITEM_BYTES = 400 * 1024;

    private static final int MAX_NUMBER_BYTES = 21;

    private ItemSize() {}

    /** Returns the estimated size of the attributes, in bytes. */
    public static long of(Map<String, AttributeValue> attributes) {
        long size = 0;
        for (Map.Entry<String, AttributeValue> attribute : attributes.entrySet()) {
            size += utf8(attribute.getKey()) + valueSize(attribute.getValue());
        }
        return size;
    }

    private static long valueSize(AttributeValue value) {
        if (value.s() != null) {
            return utf8(value.s());
        }
        if (value.n() != null) {
            return MAX_NUMBER_BYTES;
        }
        if (value.b() != null) {
            return value.b().asByteArrayUnsafe().length;
        }
        return 1;
    }

    private static long utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
