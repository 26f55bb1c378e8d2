package dev.secondchance.examples.herd.live;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a library row's Micrometer registry counted, summed over the row's policies (one per process in the
 * fleet), read back through the meters a dashboard would query (docs/observability.md): attempts, retries by
 * cause and how calls ended.
 *
 * @param attempts the attempts made ({@code secondchance.attempts}, every verdict)
 * @param retriesByCause the retries scheduled by cause ({@code secondchance.retries{cause}}), sorted by cause
 * @param endReasons how calls ended ({@code secondchance.calls{end.reason}}) in {@code EndReason} constant
 *     names, as {@link HerdCounts} counts the peers' rows; reasons never seen are left out
 */
public record RegistryCounts(long attempts, Map<String, Long> retriesByCause, Map<String, Integer> endReasons) {

    /** The retry causes the binding reports. */
    public static final String[] CAUSES = {"error", "throttled", "hint", "limiter"};

    /** Copies the maps. */
    public RegistryCounts {
        retriesByCause = Map.copyOf(retriesByCause);
        endReasons = Map.copyOf(endReasons);
    }

    /**
     * Reads the counts.
     *
     * @param registry the row's registry
     * @return the counts now
     */
    public static RegistryCounts read(MeterRegistry registry) {
        Map<String, Long> retries = new TreeMap<>();
        for (String cause : CAUSES) {
            retries.put(cause, retries(registry, cause));
        }
        Map<String, Integer> ends = new TreeMap<>();
        for (FunctionCounter calls : registry.find("secondchance.calls").functionCounters()) {
            long count = Math.round(calls.count());
            if (count > 0) {
                String reason = calls.getId().getTag("end.reason").toUpperCase(Locale.ROOT).replace('.', '_');
                ends.merge(reason, (int) count, Integer::sum);
            }
        }
        return new RegistryCounts(Math.round(sum(registry.find("secondchance.attempts"))), retries, ends);
    }

    /**
     * @param registry the row's registry
     * @param cause a retry cause
     * @return the retries scheduled so far for that cause, over every policy
     */
    static long retries(MeterRegistry registry, String cause) {
        return Math.round(sum(registry.find("secondchance.retries").tag("cause", cause)));
    }

    /**
     * @param registry the row's registry
     * @param name a gauge's name
     * @return the sum of the gauges of that name over every policy; NaN if there are none, infinite if one is
     */
    static double gauges(MeterRegistry registry, String name) {
        double sum = 0;
        boolean any = false;
        for (Gauge gauge : registry.find(name).gauges()) {
            sum += gauge.value();
            any = true;
        }
        return any ? sum : Double.NaN;
    }

    private static double sum(Search search) {
        double sum = 0;
        for (Meter meter : search.meters()) {
            sum += meter.measure().iterator().next().getValue();
        }
        return sum;
    }
}
