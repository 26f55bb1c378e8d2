package dev.secondchance.examples.herd.scaled;

import dev.secondchance.examples.herd.live.LiveMode;
import dev.secondchance.retry.RandomSource;
import dev.secondchance.retry.RetryPolicy;
import dev.secondchance.retry.RetryPolicyBuilder;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * Runs one row of the scaled herd on virtual time: one policy per process (one for all in the shared mode),
 * each with its own budget, limiter and seeded random source as its configuration creates them; every client
 * starts within {@link ScaledSettings#START_BURST} and makes one asynchronous call ({@code callAsync}) to the
 * model server.
 * Nothing sleeps: the virtual time jumps from event to event.
 */
public final class ScaledHerdRun {

    private ScaledHerdRun() {}

    /**
     * @param strategy a name of {@link ScaledStrategies#NAMES}
     * @param mode the mode
     * @param settings the model
     * @return what happened
     */
    public static ScaledRow run(String strategy, LiveMode mode, ScaledSettings settings) {
        long startedAt = System.nanoTime();
        EventClock time = new EventClock();
        ScaledServer server = new ScaledServer(time, settings);
        UnaryOperator<RetryPolicyBuilder> configure = ScaledStrategies.configure(strategy, mode, time);
        int clients = settings.clients();
        RetryPolicy[] processes = new RetryPolicy[mode.processes(clients)];
        for (int p = 0; p < processes.length; p++) {
            processes[p] = configure.apply(time.install(RetryPolicy.builder())
                            .name("scaled-" + p)
                            .maxAttempts(Integer.MAX_VALUE)
                            .deadline(settings.timeLimit())
                            .random(RandomSource.seeded(settings.seed() + p)))
                    .build();
        }
        long[] hintEnds = new long[clients];
        long hintNanos = mode.retryAfter() == null ? 0 : mode.retryAfter().toNanos();
        long[] early = new long[1];
        int[] succeeded = new int[1];
        long[] lastSuccess = new long[1];
        Random starts = new Random(settings.seed());
        int every = settings.sampleEvery();
        int sampleClients = 0;
        for (int i = 0; i < clients; i++) {
            int client = i;
            int process = (int) ((long) i * processes.length / clients);
            RetryPolicy policy = processes[process];
            // whole processes where there are enough, as the live herd groups its clients: a process paces its own
            boolean sampled = processes.length >= every ? process % every == 0 : client % every == 0;
            sampleClients += sampled ? 1 : 0;
            time.schedule(() -> policy.<Integer>callAsync(() -> {
                long now = time.nanoTime();
                if (now < hintEnds[client]) {
                    early[0]++;
                }
                return server.request(sampled).whenComplete((status, failure) -> {
                    if (hintNanos > 0 && Integer.valueOf(503).equals(status)) {
                        hintEnds[client] = time.nanoTime() + hintNanos;
                    }
                });
            }).whenComplete((status, failure) -> {
                if (Integer.valueOf(200).equals(status)) {
                    succeeded[0]++;
                    lastSuccess[0] = Math.max(lastSuccess[0], time.nanoTime());
                }
            }), Duration.ofNanos((long) (starts.nextDouble() * ScaledSettings.START_BURST.toNanos())));
        }
        time.run();
        OptionalLong allDone = succeeded[0] == clients
                ? OptionalLong.of(Duration.ofNanos(lastSuccess[0]).toMillis()) : OptionalLong.empty();
        return new ScaledRow(strategy, mode, clients, settings.capacityPerSlot(), server.requests(), server.rejected(),
                server.peakAfterOutage(), server.samplePeakAfterOutage(), sampleClients, allDone,
                clients - succeeded[0], early[0], Duration.ofNanos(System.nanoTime() - startedAt).toMillis());
    }
}
