package dev.secondchance.examples.payments;

import dev.secondchance.idempotency.dynamodb.DynamoDbIdempotencyStore;
import dev.secondchance.idempotency.dynamodb.IdempotencyTable;
import dev.secondchance.idempotency.spi.IdempotencyStore;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Where the idempotency records are kept: by default in memory, in this JVM
 * ({@link IdempotencyStore#inMemory(Clock, int)}); in a DynamoDB table, created if absent, when an endpoint
 * or AWS is asked for. The DynamoDB client's own retries are off: the executor's store policy retries store
 * calls, at one layer. Close it to release the client.
 */
public final class RecordsStore implements AutoCloseable {

    private final DynamoDbClient client;
    private final String table;
    private final String description;

    private RecordsStore(DynamoDbClient client, String table, String description) {
        this.client = client;
        this.table = table;
        this.description = description;
    }

    /**
     * Opens what the settings ask for, creating the DynamoDB table if absent.
     *
     * @param settings the example's settings
     * @return the open records
     */
    public static RecordsStore open(PaymentsSettings settings) {
        if (settings.inMemory()) {
            return new RecordsStore(null, null, "memory, in this JVM (IdempotencyStore.inMemory)");
        }
        AwsCredentialsProvider credentials = settings.aws() ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .region(settings.region())
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(10)).build())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        RecordsStore records = new RecordsStore(builder.build(), settings.table(),
                (settings.endpoint() != null ? "DynamoDB at " + settings.endpoint()
                        : "DynamoDB in " + settings.region()) + (settings.aws() ? " (AWS credentials)" : "")
                        + ", table " + settings.table());
        IdempotencyTable.createIfAbsent(records.client, records.table);
        return records;
    }

    /**
     * A store on these records. In memory, each call answers a new, empty store: build one per run.
     *
     * @param clock the run's wall clock, for leases and expiry
     * @return the store
     */
    public IdempotencyStore store(Clock clock) {
        return client == null ? IdempotencyStore.inMemory(clock, IdempotencyStore.DEFAULT_MAX_RESULT_BYTES)
                : DynamoDbIdempotencyStore.builder(client, table).clock(clock).build();
    }

    /** @return where the records are, in a few words */
    public String description() {
        return description;
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
    }
}
