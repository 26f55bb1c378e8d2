package dev.secondchance.examples.payments;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.regions.Region;

/**
 * The settings of the payments example.
 *
 * @param out the folder for {@code payments.csv}
 * @param endpoint a DynamoDB endpoint (dynalite on loopback, say), or null
 * @param aws true to use DynamoDB in {@code region} with the default AWS credentials
 * @param region the region
 * @param table the table of idempotency records on DynamoDB
 * @param lease how long a claim holds before another server may take over
 * @param simulatedTime true to run on {@link SimulatedTime}, where waiting out the lease takes no real time
 * @param seed the seed of the client's retry jitter
 */
public record PaymentsSettings(Path out, URI endpoint, boolean aws, Region region, String table, Duration lease,
        boolean simulatedTime, long seed) {

    /** Checks the fields. */
    public PaymentsSettings {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(lease, "lease");
    }

    /** @return true when the records are kept in memory, in this JVM (neither an endpoint nor AWS) */
    public boolean inMemory() {
        return endpoint == null && !aws;
    }
}
