package dev.secondchance.examples.herd.live;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * What one process of the herd gets to build its retrying client.
 *
 * @param http the plain HTTP client that sends (and counts) each attempt
 * @param index the process's index, from 0
 * @param seed the seed of the process's own random source
 * @param timeLimit each call's time bound: the library's deadline, the peers' limit
 * @param elapsedNanos nanoseconds since the server opened
 * @param counts where each peer's call end is counted
 * @param meters the row's registry, where the library's policies record (the peers have no binding)
 * @param tags the row's tags on those meters: {@code mode} and {@code strategy}
 */
public record ProcessContext(HttpClient http, int index, long seed, Duration timeLimit, LongSupplier elapsedNanos,
        HerdCounts counts, MeterRegistry meters, Tags tags) {

    /** @return true while a retry may still start: the time bound, counted from the server's opening, is ahead */
    public boolean beforeDeadline() {
        return elapsedNanos.getAsLong() < timeLimit.toNanos();
    }

    /**
     * @param delay a wait about to start
     * @return true if it ends before the time bound
     */
    public boolean endsBeforeDeadline(Duration delay) {
        return elapsedNanos.getAsLong() + delay.toNanos() < timeLimit.toNanos();
    }
}
