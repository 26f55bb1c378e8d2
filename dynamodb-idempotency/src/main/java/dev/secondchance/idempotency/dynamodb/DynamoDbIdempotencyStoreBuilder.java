package dev.secondchance.idempotency.dynamodb;

import dev.secondchance.idempotency.dynamodb.internal.DefaultDynamoDbIdempotencyStore;
import java.time.Clock;
import java.util.Objects;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Builds a {@link DynamoDbIdempotencyStore}. Mutable and not thread-safe; the store is immutable and
 * thread-safe.
 */
public final class DynamoDbIdempotencyStoreBuilder {

    private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");

    private final DynamoDbClient client;
    private final String tableName;
    private Clock clock = Clock.systemUTC();

    DynamoDbIdempotencyStoreBuilder(DynamoDbClient client, String tableName) {
        this.client = Objects.requireNonNull(client, "client must not be null");
        Objects.requireNonNull(tableName, "tableName must not be null");
        if (!TABLE_NAME.matcher(tableName).matches()) {
            throw new IllegalArgumentException("tableName must be 3-255 characters of a-z A-Z 0-9 _ - ., got '"
                    + tableName + "'");
        }
        this.tableName = tableName;
    }

    /**
     * @param clock the wall clock for leases and expiry; default the system UTC clock
     * @return this builder
     */
    public DynamoDbIdempotencyStoreBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        return this;
    }

    /**
     * @return a new store
     */
    public DynamoDbIdempotencyStore build() {
        return new DefaultDynamoDbIdempotencyStore(client, tableName, clock);
    }
}
