package dev.secondchance.examples.herd.live;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Samples a library row's registry every {@link #PERIOD} while the row runs, stamped on the herd's clock
 * (time since the server opened), as a metrics backend scrapes: the retries counters by cause, the rate
 * limiter's send rate and the budget's tokens, summed over the row's policies. One daemon thread; not
 * reusable.
 */
final class MeterSampler implements AutoCloseable {

    /** How often it samples. */
    static final Duration PERIOD = Duration.ofMillis(100);

    /** Over how many samples a counter becomes a rate. */
    static final int RATE_WINDOW = 10;

    private final MeterRegistry registry;
    private final LongSupplier elapsedNanos;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "herd-meter-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private final List<double[]> rows = new ArrayList<>();

    /**
     * @param registry the row's registry
     * @param elapsedNanos the herd's clock: ns since the server opened
     */
    MeterSampler(MeterRegistry registry, LongSupplier elapsedNanos) {
        this.registry = registry;
        this.elapsedNanos = elapsedNanos;
    }

    /** Starts sampling, at once and then every period. */
    void start() {
        timer.scheduleAtFixedRate(this::sample, 0, PERIOD.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void sample() {
        double[] row = new double[3 + RegistryCounts.CAUSES.length];
        row[0] = elapsedNanos.getAsLong() / 1e9;
        row[1] = RegistryCounts.gauges(registry, "secondchance.ratelimiter.rate");
        row[2] = RegistryCounts.gauges(registry, "secondchance.budget.tokens");
        for (int c = 0; c < RegistryCounts.CAUSES.length; c++) {
            row[3 + c] = RegistryCounts.retries(registry, RegistryCounts.CAUSES[c]);
        }
        synchronized (rows) {
            rows.add(row);
        }
    }

    /** Stops sampling and waits for a sample under way. */
    @Override
    public void close() throws InterruptedException {
        timer.shutdownNow();
        timer.awaitTermination(5, TimeUnit.SECONDS);
    }

    /**
     * @return the samples so far, with the counters turned into rates per second over the trailing
     *     {@link #RATE_WINDOW} samples (about a second, as a dashboard's {@code rate(...[1s])}: a sample taken
     *     late under load would otherwise make a spike)
     */
    MeterSamples samples() {
        List<double[]> taken;
        synchronized (rows) {
            taken = List.copyOf(rows);
        }
        int n = taken.size();
        double[] seconds = new double[n];
        double[] rate = new double[n];
        double[] tokens = new double[n];
        Map<String, double[]> retries = new LinkedHashMap<>();
        for (String cause : RegistryCounts.CAUSES) {
            retries.put(cause, new double[n]);
        }
        for (int i = 0; i < n; i++) {
            double[] row = taken.get(i);
            seconds[i] = row[0];
            rate[i] = row[1];
            tokens[i] = row[2];
            double[] before = taken.get(Math.max(0, i - RATE_WINDOW));
            double dt = row[0] - before[0];
            for (int c = 0; c < RegistryCounts.CAUSES.length; c++) {
                retries.get(RegistryCounts.CAUSES[c])[i] = dt <= 0 ? 0 : (row[3 + c] - before[3 + c]) / dt;
            }
        }
        return new MeterSamples(seconds, retries, rate, tokens);
    }
}
