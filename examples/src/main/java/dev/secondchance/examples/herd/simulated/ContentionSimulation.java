package dev.secondchance.examples.herd.simulated;

import dev.secondchance.retry.Backoff;
import dev.secondchance.retry.RandomSource;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * One trial of Brooker's contention model, on virtual time. A server holds one row with a version; each of
 * N clients, all starting at time 0, reads the version and then writes the row back on condition that the
 * version is unchanged. A failed write makes the client wait for its backoff and try again (read, then
 * write), with no attempt limit; a successful one ends the client. Every message (request or reply) takes
 * {@code |Normal(10 ms, 2 ms)|}; the server answers at once.
 *
 * <p>The wait after the n-th failed write is {@code backoff.delay(n, previous, random)}, computed by the
 * library with a seeded {@link RandomSource}, and is added to the delay of the next read request, as in
 * Brooker's simulator. Brooker's {@code expo(n) = min(cap, base · 2^n)} counts n from 1 at the first
 * failure, exactly as {@link Backoff#exponential} does, so his parameters map one to one: base 5 ms,
 * multiplier 2, cap 2 s.
 *
 * <p>The run terminates: a write fails only if another write succeeded since the client's read, so a
 * client fails at most N times and the server sees at most N·(N + 1) writes.
 */
public final class ContentionSimulation {

    /** Mean one-way time of a message, in milliseconds. */
    public static final double MESSAGE_MEAN_MS = 10.0;

    /** Standard deviation of the time of a message, in milliseconds. */
    public static final double MESSAGE_SD_MS = 2.0;

    private static final int READ_ARRIVES = 0;
    private static final int READ_REPLY_ARRIVES = 1;
    private static final int WRITE_ARRIVES = 2;
    private static final int WRITE_ACCEPTED_REPLY_ARRIVES = 3;
    private static final int WRITE_REJECTED_REPLY_ARRIVES = 4;

    private ContentionSimulation() {}

    /**
     * Runs one trial.
     *
     * @param clients the number of clients, {@code >= 1}
     * @param backoff the wait after each failed write
     * @param seed the seed of both the network delays and the jitter
     * @return the writes and the completion time
     */
    public static TrialResult run(int clients, Backoff backoff, long seed) {
        if (clients < 1) {
            throw new IllegalArgumentException("clients must be >= 1, got " + clients);
        }
        SplittableRandom seeds = new SplittableRandom(seed);
        Random network = new Random(seeds.nextLong());
        RandomSource jitter = RandomSource.seeded(seeds.nextLong());

        EventQueue queue = new EventQueue(clients);
        int[] versionRead = new int[clients];
        int[] failures = new int[clients];
        Duration[] previousDelay = new Duration[clients];
        Arrays.fill(previousDelay, Duration.ZERO);
        for (int client = 0; client < clients; client++) {
            queue.add(messageTime(network), READ_ARRIVES, client);
        }

        int version = 0;
        long calls = 0;
        long maxCalls = (long) clients * (clients + 1);
        double completion = 0;
        while (!queue.isEmpty()) {
            double now = queue.firstTime();
            int kind = queue.firstKind();
            int client = queue.firstClient();
            queue.removeFirst();
            switch (kind) {
                case READ_ARRIVES -> {
                    versionRead[client] = version;
                    queue.add(now + messageTime(network), READ_REPLY_ARRIVES, client);
                }
                case READ_REPLY_ARRIVES -> queue.add(now + messageTime(network), WRITE_ARRIVES, client);
                case WRITE_ARRIVES -> {
                    calls++;
                    boolean accepted = versionRead[client] == version;
                    if (accepted) {
                        version++;
                    }
                    queue.add(now + messageTime(network),
                            accepted ? WRITE_ACCEPTED_REPLY_ARRIVES : WRITE_REJECTED_REPLY_ARRIVES, client);
                }
                case WRITE_ACCEPTED_REPLY_ARRIVES -> completion = now;
                case WRITE_REJECTED_REPLY_ARRIVES -> {
                    failures[client]++;
                    Duration delay = backoff.delay(failures[client], previousDelay[client], jitter);
                    previousDelay[client] = delay;
                    queue.add(now + messageTime(network) + delay.toNanos() / 1e6, READ_ARRIVES, client);
                }
                default -> throw new IllegalStateException("unknown message kind " + kind);
            }
            if (calls > maxCalls) {
                throw new IllegalStateException("more than N·(N + 1) writes: the model is broken");
            }
        }
        return new TrialResult(calls, completion);
    }

    private static double messageTime(Random network) {
        return Math.abs(MESSAGE_MEAN_MS + MESSAGE_SD_MS * network.nextGaussian());
    }
}
