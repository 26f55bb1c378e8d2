package dev.secondchance.examples.herd.scaled;

import java.time.Duration;

/**
 * The model of one scaled run: the live herd's numbers times a scale factor.
 *
 * @param clients clients that start together
 * @param capacityPerSlot requests the server admits per 100 ms after the outage
 * @param outage how long the server answers only 503
 * @param timeLimit each call's deadline
 * @param latency how long the server takes to answer (a request's round trip)
 * @param seed the seed of every random source
 */
public record ScaledSettings(int clients, int capacityPerSlot, Duration outage, Duration timeLimit,
        Duration latency, long seed) {

    /** The length of a capacity slot: 100 ms, as the live server's. */
    public static final Duration SLOT = Duration.ofMillis(100);

    /**
     * Every client sends its first try within this time from the start, and the server answers none of them
     * before it has passed: live, the 1,000 clients leave the start line together and all their first tries
     * are out before the first answer comes back (an answer after 1 ms here would hold most of a process's
     * first tries back behind its rate limiter, which live never happens).
     */
    public static final Duration START_BURST = Duration.ofMillis(50);

    /** How many clients the sample peak counts, as many as the live herd has. */
    public static final int SAMPLE_CLIENTS = 1_000;

    /**
     * The live herd's model (1,000 clients, 20 per 100 ms, 2 s outage, 15 s bound, 1 ms answers) times
     * {@code scale} in clients and capacity.
     *
     * @param scale the factor, {@code >= 1}
     * @param seed the seed
     * @return the settings
     */
    public static ScaledSettings liveTimes(int scale, long seed) {
        if (scale < 1) {
            throw new IllegalArgumentException("scale must be >= 1, got " + scale);
        }
        return new ScaledSettings(1_000 * scale, 20 * scale, Duration.ofSeconds(2), Duration.ofSeconds(15),
                Duration.ofMillis(1), seed);
    }

    /** @return the least time in which every client can succeed: the outage, then clients / capacity */
    public Duration floor() {
        return outage.plus(SLOT.multipliedBy((clients + capacityPerSlot - 1) / capacityPerSlot));
    }

    /**
     * @return every how many clients (or processes, in a fleet) one is in the sample of {@link #SAMPLE_CLIENTS};
     *     every one in a smaller herd
     */
    public int sampleEvery() {
        return Math.max(1, clients / SAMPLE_CLIENTS);
    }
}
