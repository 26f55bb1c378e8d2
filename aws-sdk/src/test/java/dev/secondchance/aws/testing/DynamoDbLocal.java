package dev.secondchance.aws.testing;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * One in-memory DynamoDB Local server per test JVM, as a real HTTP server (so requests go through the SDK's
 * whole pipeline), started on first use on a free port and stopped when the JVM exits. Telemetry is off: the
 * tests must not reach beyond this machine.
 */
public final class DynamoDbLocal {

    private static DynamoDbLocal shared;

    private final DynamoDBProxyServer server;
    private final int port;
    private final DynamoDbClient direct;

    private DynamoDbLocal(DynamoDBProxyServer server, int port) {
        this.server = server;
        this.port = port;
        this.direct = syncClient(endpoint()).overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    /** Returns the server, starting it on first use. */
    public static synchronized DynamoDbLocal shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "dynamodb-local-stop"));
        }
        return shared;
    }

    private static DynamoDbLocal start() {
        Exception last = null;
        for (int tries = 0; tries < 3; tries++) {
            int port = freePort();
            try {
                DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(
                        new String[] {"-inMemory", "-disableTelemetry", "-port", String.valueOf(port)});
                server.start();
                return new DynamoDbLocal(server, port);
            } catch (Exception portTakenMeanwhile) {
                last = portTakenMeanwhile;
            }
        }
        throw new IllegalStateException("DynamoDB Local did not start", last);
    }

    /** @return the server's endpoint on loopback */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** @return a client straight to the server, without faults or retries, to set up and inspect tables */
    public DynamoDbClient direct() {
        return direct;
    }

    /**
     * Creates a table with a string hash key {@code pk}, on demand billing, named uniquely.
     *
     * @param prefix a readable prefix
     * @return the table name
     */
    public String createTable(String prefix) {
        String name = prefix + "-" + UUID.randomUUID();
        direct.createTable(b -> b.tableName(name)
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk")
                        .attributeType(ScalarAttributeType.S).build())
                .billingMode(BillingMode.PAY_PER_REQUEST));
        return name;
    }

    /**
     * A sync client builder for {@code endpoint} with static credentials, us-east-1, the URL-connection HTTP
     * client and short timeouts, so a broken test fails instead of hanging.
     */
    public static DynamoDbClientBuilder syncClient(URI endpoint) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("akid", "secret")))
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(10))
                        .build());
    }

    private void stop() {
        try {
            direct.close();
            server.stop();
        } catch (Exception ignored) {
            // the JVM is exiting
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
