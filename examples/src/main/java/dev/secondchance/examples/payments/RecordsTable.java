package dev.secondchance.examples.payments;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import dev.secondchance.dynamodb.IdempotencyTable;
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
 * The DynamoDB table that holds the idempotency records, and the client to it: DynamoDB Local in this JVM
 * (no HTTP, a new in-memory database, telemetry off) by default; a table reached over HTTP when an endpoint
 * or AWS is asked for, created if absent. The client's own retries are off: the executor's store policy
 * retries store calls, at one layer. Close it to release the client.
 */
public final class RecordsTable implements AutoCloseable {

    private final DynamoDbClient client;
    private final AmazonDynamoDBLocal local;
    private final String name;
    private final String description;

    private RecordsTable(DynamoDbClient client, AmazonDynamoDBLocal local, String name, String description) {
        this.client = client;
        this.local = local;
        this.name = name;
        this.description = description;
    }

    /**
     * Opens the table the settings ask for, creating it if absent.
     *
     * @param settings the example's settings
     * @return the open table
     */
    public static RecordsTable open(PaymentsSettings settings) {
        if (settings.inProcess()) {
            AmazonDynamoDBLocal local = DynamoDBEmbedded.create(true);
            RecordsTable table = new RecordsTable(local.dynamoDbClient(), local, settings.table(),
                    "DynamoDB Local, in this JVM (in memory)");
            IdempotencyTable.createIfAbsent(table.client, table.name);
            return table;
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
        RecordsTable table = new RecordsTable(builder.build(), null, settings.table(),
                (settings.endpoint() != null ? "DynamoDB at " + settings.endpoint()
                        : "DynamoDB in " + settings.region()) + (settings.aws() ? " (AWS credentials)" : ""));
        IdempotencyTable.createIfAbsent(table.client, table.name);
        return table;
    }

    /** @return the client to the table */
    public DynamoDbClient client() {
        return client;
    }

    /** @return the table's name */
    public String name() {
        return name;
    }

    /** @return where the table is, in a few words */
    public String description() {
        return description;
    }

    @Override
    public void close() {
        client.close();
        if (local != null) {
            local.shutdown();
        }
    }
}
