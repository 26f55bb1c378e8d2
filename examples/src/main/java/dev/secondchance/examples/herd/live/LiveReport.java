package dev.secondchance.examples.herd.live;

import dev.secondchance.examples.report.Check;
import dev.secondchance.examples.report.TextTable;
import dev.secondchance.retry.EndReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns the live herd's results into what a person reads: a table, the targets as
 * {@link Check}s, and a summary of a few lines.
 */
public final class LiveReport {

    /** The best strategy's peak after recovery may be at most this multiple of capacity per 100 ms. */
    public static final double TARGET_PEAK_RATIO = 1.5;

    /** ...it must get every client done within this multiple of the floor... */
    public static final double TARGET_TIME_RATIO = 2.0;

    /** ...and send at most this many requests per client. */
    public static final double TARGET_REQUESTS_PER_CLIENT = 2.5;

    private final LiveSettings settings;
    private final List<LiveResult> results;

    /**
     * @param settings the run's settings
     * @param results one result per strategy
     */
    public LiveReport(LiveSettings settings, List<LiveResult> results) {
        this.settings = settings;
        this.results = List.copyOf(results);
    }

    /** @return one row per strategy */
    public String table() {
        TextTable table = new TextTable("strategy", "requests", "per client", "rejected", "peak/100ms after",
                "all done", "gave up", "how calls ended");
        for (LiveResult result : results) {
            table.row(result.strategy(), format("%,d", result.totalRequests()),
                    format("%.2f", result.requestsPerClient()), format("%,d", result.rejected()),
                    result.peakPer100msAfterRecovery(), allDone(result), result.gaveUp(), endReasons(result));
        }
        return table.render();
    }

    /** @return the targets, each with its numbers */
    public List<Check> checks() {
        List<Check> checks = new ArrayList<>();
        Optional<LiveResult> standard = find(LiveStrategies.DEFAULT_BACKOFF);
        Optional<LiveResult> none = find(LiveStrategies.NO_BACKOFF);
        Optional<LiveResult> expo = find(LiveStrategies.EXPONENTIAL_NO_JITTER);
        if (standard.isPresent() && none.isPresent() && expo.isPresent()) {
            LiveResult d = standard.get();
            LiveResult n = none.get();
            LiveResult x = expo.get();
            checks.add(new Check("the default backoff gets every client done", d.gaveUp() == 0,
                    format("%d gave up, %s", d.gaveUp(), allDone(d))));
            checks.add(new Check("...with fewer requests than no backoff and exponential without jitter",
                    d.totalRequests() < n.totalRequests() && d.totalRequests() < x.totalRequests(),
                    format("%,d vs %,d and %,d", d.totalRequests(), n.totalRequests(), x.totalRequests())));
            checks.add(new Check("...and a lower peak after recovery than both",
                    d.peakPer100msAfterRecovery() < n.peakPer100msAfterRecovery()
                            && d.peakPer100msAfterRecovery() < x.peakPer100msAfterRecovery(),
                    format("%d vs %d and %d per 100 ms", d.peakPer100msAfterRecovery(),
                            n.peakPer100msAfterRecovery(), x.peakPer100msAfterRecovery())));
        }
        checks.add(bestTarget());
        return checks;
    }

    /** @return the library strategies that meet all three targets for the best strategy */
    public List<LiveResult> meetingBestTarget() {
        List<LiveResult> meeting = new ArrayList<>();
        for (LiveResult result : results) {
            if (isLibrary(result) && meetsBestTarget(result)) {
                meeting.add(result);
            }
        }
        return meeting;
    }

    /** @return the summary's lines */
    public List<String> summary() {
        List<String> lines = new ArrayList<>();
        lines.add(format("LIVE HERD: %,d clients, capacity %d/s (%d per 100 ms), down for the first %.1f s, "
                + "floor %.1f s, time bound %.0f s:", settings.clients(), settings.capacityPerSecond(),
                settings.capacityPerSlot(), settings.outage().toMillis() / 1000.0, settings.floor().toMillis() / 1000.0,
                settings.timeLimit().toMillis() / 1000.0));
        for (LiveResult result : results) {
            lines.add(format("  %-22s %,9d requests (%6.2f per client), peak %5d/100ms after recovery, %s",
                    result.strategy(), result.totalRequests(), result.requestsPerClient(),
                    result.peakPer100msAfterRecovery(),
                    result.gaveUp() == 0 ? "all done at " + allDone(result) : result.gaveUp() + " gave up"));
        }
        List<LiveResult> meeting = meetingBestTarget();
        lines.add(meeting.isEmpty()
                ? format("  Best-strategy target (peak <= %.0f/100ms, all done <= %.0f s, <= %.1f requests/client): "
                        + "NOT met by any library strategy.", peakLimit(), timeLimitMs() / 1000.0,
                        TARGET_REQUESTS_PER_CLIENT)
                : format("  Best-strategy target met by %s.",
                        meeting.stream().map(LiveResult::strategy).collect(Collectors.joining(", "))));
        return lines;
    }

    private Check bestTarget() {
        StringBuilder evidence = new StringBuilder();
        boolean any = false;
        for (LiveResult result : results) {
            if (!isLibrary(result)) {
                continue;
            }
            boolean meets = meetsBestTarget(result);
            any |= meets;
            evidence.append(format("%n        %-22s peak %d %s, %s %s, %.2f requests/client %s", result.strategy(),
                    result.peakPer100msAfterRecovery(), mark(result.peakPer100msAfterRecovery() <= peakLimit()),
                    result.gaveUp() == 0 ? "all done at " + allDone(result) : result.gaveUp() + " gave up",
                    mark(result.gaveUp() == 0 && result.allDoneMs().getAsLong() <= timeLimitMs()),
                    result.requestsPerClient(), mark(result.requestsPerClient() <= TARGET_REQUESTS_PER_CLIENT)));
        }
        return new Check(format("best library strategy: peak after recovery <= %.0f per 100 ms, every client done "
                + "within %.1f s, <= %.1f requests per client", peakLimit(), timeLimitMs() / 1000.0,
                TARGET_REQUESTS_PER_CLIENT), any, evidence.toString());
    }

    private boolean meetsBestTarget(LiveResult result) {
        return result.peakPer100msAfterRecovery() <= peakLimit()
                && result.gaveUp() == 0 && result.allDoneMs().isPresent()
                && result.allDoneMs().getAsLong() <= timeLimitMs()
                && result.requestsPerClient() <= TARGET_REQUESTS_PER_CLIENT;
    }

    private double peakLimit() {
        return TARGET_PEAK_RATIO * settings.capacityPerSlot();
    }

    private long timeLimitMs() {
        return Math.round(TARGET_TIME_RATIO * settings.floor().toMillis());
    }

    private boolean isLibrary(LiveResult result) {
        return settings.strategies().stream().anyMatch(s -> s.name().equals(result.strategy()) && s.library());
    }

    private Optional<LiveResult> find(String name) {
        return results.stream().filter(result -> result.strategy().equals(name)).findFirst();
    }

    private static String mark(boolean ok) {
        return ok ? "(ok)" : "(MISSED)";
    }

    static String allDone(LiveResult result) {
        return result.allDoneMs().isPresent() ? format("%.2f s", result.allDoneMs().getAsLong() / 1000.0) : "never";
    }

    private static String endReasons(LiveResult result) {
        return result.endReasons().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(entry -> name(entry.getKey()) + " " + entry.getValue())
                .collect(Collectors.joining(", "));
    }

    private static String name(EndReason reason) {
        return reason.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
