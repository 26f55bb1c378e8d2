package dev.secondchance.testing.dynamodb;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * dynalite, an open-source DynamoDB emulator (npm, Apache-2.0, pinned at 4.0.0), as a child {@code node}
 * process on 127.0.0.1 and a port it chooses, in memory, with what its launcher adds: the item on a failed
 * condition ({@code ReturnValuesOnConditionCheckFailure}), TTL settings and {@code TransactWriteItems}
 * (see {@code test-dynamodb/README.md}). Every request goes over HTTP through the SDK's whole pipeline.
 *
 * <p>The launcher and {@code node_modules} are found in the directory the system property
 * {@value #DIRECTORY_PROPERTY} names (surefire sets it to the repository's {@code test-dynamodb}), else by
 * walking up from {@code user.dir}, so that runs from the repository or any module directory need nothing.
 * {@code node} (Node.js 20+) must be on the {@code PATH}, or named by {@value #NODE_PROPERTY}.
 *
 * <p>An emulator's speed says nothing about DynamoDB's: measure round trips against it, not latency.
 */
public final class Dynalite implements AutoCloseable {

    /** The system property naming the test-dynamodb module directory. */
    public static final String DIRECTORY_PROPERTY = "secondchance.dynalite.dir";
    /** The system property naming the {@code node} executable; {@code node} from the PATH if unset. */
    public static final String NODE_PROPERTY = "secondchance.node";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    private final Process process;
    private final LauncherOutput output;
    private final URI endpoint;
    private final boolean shared;
    private final Thread stopAtExit;

    private Dynalite(Process process, LauncherOutput output, int port, boolean shared) {
        this.process = process;
        this.output = output;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
        this.shared = shared;
        this.stopAtExit = new Thread(process::destroy, "dynalite-stop-" + process.pid());
        Runtime.getRuntime().addShutdownHook(stopAtExit);
    }

    /**
     * The server this JVM shares, started on first use and stopped when the JVM exits; its {@link #close()}
     * does nothing. Create a table per test class (or per test) with a unique name.
     *
     * @return the shared server
     * @throws IllegalStateException if it cannot start (no {@code node}, {@code npm ci} not run)
     */
    public static Dynalite shared() {
        return Shared.INSTANCE;
    }

    /** Started on first use, under the class loader's lock. */
    private static final class Shared {
        static final Dynalite INSTANCE = launch(true);
    }

    /**
     * Starts a server of the caller's own, for tests that stop it; {@link #close()} stops it.
     *
     * @return the running server
     * @throws IllegalStateException if it cannot start (no {@code node}, {@code npm ci} not run)
     */
    public static Dynalite start() {
        return launch(false);
    }

    private static Dynalite launch(boolean shared) {
        Path directory = LauncherDirectory.find();
        LauncherDirectory.requireInstalled(directory);
        String node = System.getProperty(NODE_PROPERTY, "node");
        ProcessBuilder builder = new ProcessBuilder(node, directory.resolve(LauncherDirectory.LAUNCHER).toString(),
                "--host", "127.0.0.1", "--port", "0", "--exit-on-stdin-close")
                .directory(directory.toFile())
                .redirectErrorStream(true);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run `" + node + "`: Node.js 20+ must be on the PATH (or set -D"
                    + NODE_PROPERTY + "=/path/to/node): " + e.getMessage(), e);
        }
        LauncherOutput output = LauncherOutput.drain(process);
        try {
            int port = output.port().get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return new Dynalite(process, output, port, shared);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while dynalite started", e);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("dynalite did not start within " + START_TIMEOUT.toSeconds()
                    + " s; its output:" + System.lineSeparator() + output.lastLines(), e);
        }
    }

    /** @return {@code http://127.0.0.1:<port>} */
    public URI endpoint() {
        return endpoint;
    }

    /** @return true until the process ends */
    public boolean isRunning() {
        return process.isAlive();
    }

    /** @return the last lines the launcher printed, for failure messages */
    public String lastOutput() {
        return output.lastLines();
    }

    /**
     * A client to this server, as {@link #client(URI, ExecutionInterceptor...)} builds it.
     *
     * @param interceptors added to the client, in order
     * @return a new client; close it when done
     */
    public DynamoDbClient client(ExecutionInterceptor... interceptors) {
        return client(endpoint, interceptors);
    }

    /**
     * A client to {@code endpoint} (this server, or a proxy in front of it) with SDK retries off, so that what
     * retries is the code under test, and the timeouts of {@link #clientBuilder(URI)}.
     *
     * @param endpoint where to send requests
     * @param interceptors added to the client, in order
     * @return a new client; close it when done
     */
    public static DynamoDbClient client(URI endpoint, ExecutionInterceptor... interceptors) {
        return clientBuilder(endpoint)
                .overrideConfiguration(o -> {
                    o.retryStrategy(AwsRetryStrategy.doNotRetry());
                    for (ExecutionInterceptor interceptor : interceptors) {
                        o.addExecutionInterceptor(interceptor);
                    }
                })
                .build();
    }

    /**
     * Creates a uniquely named on-demand table with one string hash key, {@code pk}, for tests that need any
     * table at all. dynalite makes it ACTIVE at once (the launcher's {@code createTableMs} is 0).
     *
     * @param client a client of the server
     * @param prefix a readable start of the name
     * @return the table's name: {@code prefix}, a dash and a random UUID
     */
    public static String createTable(DynamoDbClient client, String prefix) {
        String name = prefix + "-" + UUID.randomUUID();
        client.createTable(b -> b.tableName(name)
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk")
                        .attributeType(ScalarAttributeType.S).build())
                .billingMode(BillingMode.PAY_PER_REQUEST));
        awaitActive(client, name);
        return name;
    }

    /**
     * Waits until dynalite reports the table ACTIVE: with {@code createTableMs} 0 it flips on its next tick,
     * which a request sent at once may still beat (it then gets ResourceNotFoundException).
     */
    private static void awaitActive(DynamoDbClient client, String table) {
        client.waiter().waitUntilTableExists(b -> b.tableName(table), o -> o
                .backoffStrategyV2(BackoffStrategy.fixedDelayWithoutJitter(Duration.ofMillis(5)))
                .maxAttempts(1000));
    }

    /**
     * A client builder for {@code endpoint}: placeholder credentials, us-east-1, the JDK's URL-connection
     * HTTP client with a 2 s connect and a 10 s socket timeout, so that a broken test fails instead of
     * hanging. The SDK's retries are as the caller sets them (its default if not).
     *
     * @param endpoint where to send requests
     * @return a builder
     */
    public static DynamoDbClientBuilder clientBuilder(URI endpoint) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(10))
                        .build());
    }

    /** Stops the process, unless this is the {@link #shared()} server; then nothing happens. */
    @Override
    public void close() {
        if (shared) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException exiting) {
            // the hook is running or about to
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "Dynalite[" + endpoint + (process.isAlive() ? "" : ", stopped") + "]";
    }
}
