package dev.secondchance.benchmarks.idempotency;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import dev.secondchance.dynamodb.IdempotencyTable;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoDB Local as a server on a loopback port, a client for it over the SDK's default HTTP client
 * (Apache, 50 connections) with SDK retries off, and an idempotency table.
 */
final class DynamoDbLocalServer implements AutoCloseable {

    static final String TABLE = "idempotency_bench";

    private final DynamoDBProxyServer server;
    final DynamoDbClient client;

    DynamoDbLocalServer() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server = ServerRunner.createServerFromCommandLineArgs(new String[] {"-inMemory", "-port", Integer.toString(port)});
        server.start();
        client = DynamoDbClient.builder()
                .endpointOverride(URI.create("http://localhost:" + port))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
        IdempotencyTable.createIfAbsent(client, TABLE);
    }

    @Override
    public void close() throws Exception {
        client.close();
        server.stop();
    }
}
