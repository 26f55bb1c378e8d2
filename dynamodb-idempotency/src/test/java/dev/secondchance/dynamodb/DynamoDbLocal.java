package dev.secondchance.dynamodb;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** DynamoDB Local for tests: in-process (no HTTP), or a server on a loopback port reached over HTTP. */
final class DynamoDbLocal {


    private DynamoDbLocal() {}

    /**
     * One in-process DynamoDB Local per JVM; it bypasses the SDK's HTTP pipeline. Requests are queued onto
     * one thread, which makes each item linearizable as in DynamoDB ({@link LinearizableClient}).
     */
    static DynamoDbClient embedded() {
        return Embedded.CLIENT;
    }

    /** Started on first use, by the class loader's lock. */
    private static final class Embedded {
        static final DynamoDbClient CLIENT = LinearizableClient.wrap(DynamoDBEmbedded.create().dynamoDbClient());
    }

    /** A fresh table with the store's schema and TTL. */
    static String newTable(DynamoDbClient client) {
        String table = "idempotency_" + UUID.randomUUID().toString().replace("-", "");
        IdempotencyTable.createIfAbsent(client, table);
        return table;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A DynamoDB Local server on a loopback port; stop it with {@link Server#close()}. */
    static final class Server implements AutoCloseable {
        final int port;
        private final DynamoDBProxyServer server;

        Server() throws Exception {
            this(freePort());
        }

        Server(int port) throws Exception {
            this.port = port;
            this.server = ServerRunner.createServerFromCommandLineArgs(
                    new String[] {"-inMemory", "-port", Integer.toString(port)});
            server.start();
        }

        URI endpoint() {
            return URI.create("http://localhost:" + port);
        }

        @Override
        public void close() throws Exception {
            server.stop();
        }
    }

    /**
     * An SDK client over HTTP with SDK retries off, so that the store's own retry policy is what retries, and
     * short timeouts, so that a stopped server fails fast; requests are queued onto one thread as in
     * {@link #embedded()}.
     */
    static DynamoDbClient httpClient(URI endpoint, ExecutionInterceptor... interceptors) {
        return LinearizableClient.wrap(DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(10)).build())
                .overrideConfiguration(o -> {
                    o.retryStrategy(AwsRetryStrategy.doNotRetry());
                    for (ExecutionInterceptor interceptor : interceptors) {
                        o.addExecutionInterceptor(interceptor);
                    }
                })
                .build());
    }
}
