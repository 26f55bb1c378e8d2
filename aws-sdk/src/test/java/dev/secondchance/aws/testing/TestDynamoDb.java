package dev.secondchance.aws.testing;

import dev.secondchance.testing.dynamodb.Dynalite;
import java.net.URI;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * DynamoDB for these tests: the JVM's shared dynalite on a loopback port ({@link Dynalite#shared()}), a real
 * HTTP server, so requests go through the SDK's whole pipeline; stopped when the JVM exits.
 */
public final class TestDynamoDb {

    private final Dynalite server;
    private final DynamoDbClient direct;

    private TestDynamoDb(Dynalite server) {
        this.server = server;
        this.direct = server.client();
    }

    /** @return the shared server, started on first use */
    public static TestDynamoDb shared() {
        return Shared.INSTANCE;
    }

    /** Started on first use, under the class loader's lock. */
    private static final class Shared {
        static final TestDynamoDb INSTANCE = new TestDynamoDb(Dynalite.shared());
    }

    /** @return the server's endpoint on loopback */
    public URI endpoint() {
        return server.endpoint();
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
        return Dynalite.createTable(direct, prefix);
    }

    /**
     * A sync client builder for {@code endpoint} with placeholder credentials, us-east-1, the URL-connection
     * HTTP client and short timeouts, so a broken test fails instead of hanging; the SDK's retries are the
     * caller's to set.
     */
    public static DynamoDbClientBuilder syncClient(URI endpoint) {
        return Dynalite.clientBuilder(endpoint);
    }
}
