package dev.secondchance.examples.dynamo;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * SDK client builders for the examples: the JDK's URL-connection HTTP client with short timeouts (so that a
 * broken run fails instead of hanging). The caller adds the retry settings it shows.
 */
public final class DynamoDbClients {

    /** The credentials sent to a local emulator, which accepts any. */
    private static final StaticCredentialsProvider LOCAL_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

    private DynamoDbClients() {}

    /**
     * A builder for a local DynamoDB (dynalite, say) at {@code endpoint}, with placeholder credentials.
     *
     * @param endpoint where it listens
     * @param region the region to sign for (dynalite ignores it)
     * @return a builder; add the override configuration and build
     */
    public static DynamoDbClientBuilder local(URI endpoint, Region region) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(region)
                .credentialsProvider(LOCAL_CREDENTIALS)
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(10))
                        .build());
    }
}
