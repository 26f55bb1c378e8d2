package dev.secondchance.examples.sdk;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.regions.Region;

/**
 * The settings of the SDK-wrapping example.
 *
 * @param out the folder for {@code sdk-wrapping.csv}
 * @param endpoint a DynamoDB (dynalite, say) already running on loopback, or null to start dynalite
 * @param region the region the client signs for
 * @param seed the seed of the jitter, so that both styles draw the same waits
 * @param maxAttempts the policy's attempt limit, first attempt included
 * @param throttlingBase the first throttling wait's upper bound is 4 × this (the library's default: 250 ms)
 */
public record SdkSettings(Path out, URI endpoint, Region region, long seed, int maxAttempts, Duration throttlingBase) {

    /** Checks the fields. */
    public SdkSettings {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(throttlingBase, "throttlingBase");
    }
}
