package dev.secondchance.examples.herd.scaled;


import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The live {@code CapacityServer} as a model on virtual time: 503 during the outage and beyond the capacity
 * of each 100 ms slot, 200 otherwise, each answer after the latency but none before the start burst is over
 * ({@link ScaledSettings#START_BURST}). Counts the requests per slot as they are sent, for all clients and for
 * the sample, and the 503s. With a hint, the caller reads every 503 as carrying {@code Retry-After}. Runs on
 * the one thread that runs the virtual time; not thread-safe.
 */
final class ScaledServer {

    private final EventClock time;
    private final ScaledSettings settings;
    private final int outageSlots;
    private final int[] sentPerSlot;
    private final int[] admittedPerSlot;
    private final int[] sampledPerSlot;
    private final long firstAnswerNanos;
    private long requests;
    private long rejected;

    ScaledServer(EventClock time, ScaledSettings settings) {
        this.time = time;
        this.settings = settings;
        this.outageSlots = (int) (settings.outage().toNanos() / ScaledSettings.SLOT.toNanos());
        int slots = (int) (settings.timeLimit().plusSeconds(5).toNanos() / ScaledSettings.SLOT.toNanos());
        this.sentPerSlot = new int[slots];
        this.admittedPerSlot = new int[slots];
        this.sampledPerSlot = new int[slots];
        this.firstAnswerNanos = ScaledSettings.START_BURST.plus(settings.latency()).toNanos();
    }

    /**
     * @param sampled whether the client is one of the sample's
     * @return the answer's status, completed on virtual time after the latency
     */
    CompletableFuture<Integer> request(boolean sampled) {
        requests++;
        long now = time.nanoTime();
        int slot = (int) Math.min(sentPerSlot.length - 1, now / ScaledSettings.SLOT.toNanos());
        sentPerSlot[slot]++;
        if (sampled) {
            sampledPerSlot[slot]++;
        }
        int status;
        if (slot < outageSlots || admittedPerSlot[slot] >= settings.capacityPerSlot()) {
            rejected++;
            status = 503;
        } else {
            admittedPerSlot[slot]++;
            status = 200;
        }
        CompletableFuture<Integer> answer = new CompletableFuture<>();
        long delay = Math.max(settings.latency().toNanos(), firstAnswerNanos - now);
        time.schedule(() -> answer.complete(status), Duration.ofNanos(delay));
        return answer;
    }

    long requests() {
        return requests;
    }

    long rejected() {
        return rejected;
    }

    int peakAfterOutage() {
        return peakAfterOutage(sentPerSlot);
    }

    int samplePeakAfterOutage() {
        return peakAfterOutage(sampledPerSlot);
    }

    private int peakAfterOutage(int[] perSlot) {
        int peak = 0;
        for (int slot = outageSlots; slot < perSlot.length; slot++) {
            peak = Math.max(peak, perSlot[slot]);
        }
        return peak;
    }

    static Duration slot() {
        return ScaledSettings.SLOT;
    }
}
