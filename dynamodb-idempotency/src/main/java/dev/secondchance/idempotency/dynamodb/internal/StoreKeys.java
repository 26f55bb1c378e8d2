package dev.secondchance.idempotency.dynamodb.internal;

import dev.secondchance.idempotency.Fingerprint;
import java.nio.charset.StandardCharsets;

/** Maps store keys to partition keys: as they are up to 2,048 UTF-8 bytes, hashed above. */
public final class StoreKeys {

    /** DynamoDB's partition-key limit, in UTF-8 bytes. */
    public static final int MAX_PARTITION_KEY_BYTES = 2048;

    /**
     * The prefix of hashed keys. Store keys are printable ASCII (a prefix of letters, digits and {@code . _ - : /},
     * {@code '#'}, a printable-ASCII token), so no store key starts with '§' and no hashed key equals a plain one.
     */
    public static final String HASHED_PREFIX = "\u00a7sha256:";

    private StoreKeys() {}

    /** Returns the partition key for {@code key}. */
    public static String partitionKey(String key) {
        byte[] utf8 = key.getBytes(StandardCharsets.UTF_8);
        return utf8.length <= MAX_PARTITION_KEY_BYTES ? key : HASHED_PREFIX + Fingerprint.sha256(utf8).hex();
    }
}
