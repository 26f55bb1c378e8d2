package dev.secondchance.benchmarks.idempotency;

import dev.secondchance.idempotency.dynamodb.IdempotencyTable;
import dev.secondchance.testing.dynamodb.Dynalite;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * dynalite (test-dynamodb) as a child process on a loopback port, a client for it over the SDK's default
 * HTTP client (Apache, 50 connections) with SDK retries off, and an idempotency table. Run the benchmarks
 * from the repository, where {@link Dynalite} finds its launcher and {@code node_modules}.
 */
final class DynaliteServer implements AutoCloseable {

    static final String TABLE = "idempotency_bench";

    private final Dynalite server;
    final DynamoDbClient client;

    DynaliteServer() {
        server = Dynalite.start();
        client = DynamoDbClient.builder()
                .endpointOverride(server.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
        IdempotencyTable.createIfAbsent(client, TABLE);
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
