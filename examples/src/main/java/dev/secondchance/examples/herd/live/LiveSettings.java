package dev.secondchance.examples.herd.live;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What one run of the live herd does.
 *
 * @param out the output folder
 * @param seed the seed of the jitter (the run is on real time and threads, so it is not reproducible to
 *     the request; the seed only fixes the random draws' sequence)
 * @param clients the number of clients
 * @param capacityPerSecond the server's capacity, a multiple of 10
 * @param outage how long the server is down at the start
 * @param timeLimit the time bound of each client's logical request: its retry deadline
 * @param attemptTimeout the timeout of each HTTP attempt
 * @param strategies the strategies, in order
 * @param modes the modes, in order; each strategy runs in those of its modes that are listed
 * @param preferVirtualThreads whether to use virtual threads where the JDK has them
 * @param charts whether to draw the PNG chart
 */
public record LiveSettings(Path out, long seed, int clients, int capacityPerSecond, Duration outage,
        Duration timeLimit, Duration attemptTimeout, List<LiveStrategy> strategies, List<LiveMode> modes,
        boolean preferVirtualThreads,
        boolean charts) {

    /** Checks the fields. */
    public LiveSettings {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(outage, "outage");
        Objects.requireNonNull(timeLimit, "timeLimit");
        Objects.requireNonNull(attemptTimeout, "attemptTimeout");
        strategies = List.copyOf(strategies);
        modes = List.copyOf(modes);
        if (clients < 1 || strategies.isEmpty() || modes.isEmpty() || timeLimit.isZero() || timeLimit.isNegative()) {
            throw new IllegalArgumentException("need clients >= 1, a strategy, a mode and a positive time limit");
        }
    }

    /** @return the least time in which every client can succeed: the outage, then clients / capacity */
    public Duration floor() {
        return outage.plusNanos(Math.round(1e9 * clients / capacityPerSecond));
    }

    /** @return the requests the server admits per 100 ms */
    public int capacityPerSlot() {
        return capacityPerSecond / 10;
    }
}
