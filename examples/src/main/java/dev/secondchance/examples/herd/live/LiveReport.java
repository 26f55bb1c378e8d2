package dev.secondchance.examples.herd.live;

import dev.secondchance.examples.herd.live.LiveStrategy.Role;
import dev.secondchance.examples.report.Check;
import dev.secondchance.examples.report.TextTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns the live herd's rows into what a person reads: a table, the targets as {@link Check}s
 * (each printed as met or not met), and a summary of a few lines.
 */
public final class LiveReport {

    /** Shared mode, best library strategy: peak after recovery at most this multiple of capacity... */
    public static final double SHARED_PEAK_RATIO = 1.2;
    /** ...every client done within this many ms... */
    public static final long SHARED_DONE_MS = 8_500;
    /** ...with at most this many requests per client. */
    public static final double SHARED_REQUESTS_PER_CLIENT = 2.2;
    /** Fleet mode, best library strategy: peak at most this multiple of capacity... */
    public static final double FLEET_PEAK_RATIO = 1.5;
    /** ...done within this many ms... */
    public static final long FLEET_DONE_MS = 14_000;
    /** ...with at most this many requests per client. */
    public static final double FLEET_REQUESTS_PER_CLIENT = 3.0;
    /** Hint scenario: the default policy's peak at most this multiple of capacity... */
    public static final double HINT_PEAK_RATIO = 2.0;
    /** ...where exact hint-honouring peaks above this multiple. */
    public static final double EXACT_HINT_PEAK_RATIO = 5.0;

    private final LiveSettings settings;
    private final List<LiveResult> results;

    /**
     * @param settings the run's settings
     * @param results one result per row
     */
    public LiveReport(LiveSettings settings, List<LiveResult> results) {
        this.settings = settings;
        this.results = List.copyOf(results);
    }

    /** @return one line per row, grouped by mode */
    public String table() {
        TextTable table = new TextTable("mode", "strategy", "requests", "per client", "rejected", "peak/100ms after",
                "all done", "gave up", "early", "how calls ended");
        for (LiveResult result : results) {
            table.row(result.mode().label(), result.strategy(), format("%,d", result.totalRequests()),
                    format("%.2f", result.requestsPerClient()), format("%,d", result.rejected()),
                    result.peakPer100msAfterRecovery(), allDone(result), result.gaveUp(),
                    result.mode() == LiveMode.HINT ? String.valueOf(result.earlySends()) : "-", endReasons(result));
        }
        return table.render();
    }

    /** @return the targets, each with its numbers; a target whose rows did not run is left out */
    public List<Check> checks() {
        List<Check> checks = new ArrayList<>();
        best(LiveMode.SHARED, SHARED_PEAK_RATIO, SHARED_DONE_MS, SHARED_REQUESTS_PER_CLIENT).ifPresent(checks::add);
        best(LiveMode.FLEET, FLEET_PEAK_RATIO, FLEET_DONE_MS, FLEET_REQUESTS_PER_CLIENT).ifPresent(checks::add);
        defaultBeatsPeerDefaults().ifPresent(checks::add);
        find(LiveMode.HINT, LiveStrategies.LIBRARY_DEFAULT).ifPresent(d -> {
            checks.add(new Check("hint: the default policy never sends before a hint has passed", d.earlySends() == 0,
                    format("%d early sends of %,d", d.earlySends(), d.totalRequests())));
            Optional<LiveResult> exact = find(LiveMode.HINT, LiveStrategies.HINT_EXACT);
            double limit = HINT_PEAK_RATIO * settings.capacityPerSlot();
            boolean exactHigh = exact.map(x -> x.peakPer100msAfterRecovery()
                    > EXACT_HINT_PEAK_RATIO * settings.capacityPerSlot()).orElse(true);
            checks.add(new Check(format("hint: the default policy's peak after recovery <= %.0f per 100 ms, where "
                    + "exact hint-honouring peaks above %.0f", limit,
                    EXACT_HINT_PEAK_RATIO * settings.capacityPerSlot()),
                    d.peakPer100msAfterRecovery() <= limit && exactHigh,
                    format("%d vs %s", d.peakPer100msAfterRecovery(), exact.map(x -> String.valueOf(
                            x.peakPer100msAfterRecovery())).orElse("(exact row not run)"))));
        });
        return checks;
    }

    /** @return the rows that meet their mode's best-strategy target */
    public List<LiveResult> meetingBestTarget() {
        List<LiveResult> meeting = new ArrayList<>();
        for (LiveResult result : results) {
            if (!result.role().library()) {
                continue;
            }
            if (result.mode() == LiveMode.SHARED
                    && meets(result, SHARED_PEAK_RATIO, SHARED_DONE_MS, SHARED_REQUESTS_PER_CLIENT)
                    || result.mode() == LiveMode.FLEET
                    && meets(result, FLEET_PEAK_RATIO, FLEET_DONE_MS, FLEET_REQUESTS_PER_CLIENT)) {
                meeting.add(result);
            }
        }
        return meeting;
    }

    /** @return the summary's lines */
    public List<String> summary() {
        List<String> lines = new ArrayList<>();
        lines.add(format("LIVE HERD: %,d clients, capacity %d/s (%d per 100 ms), down for the first %.1f s, floor "
                + "%.1f s, time bound %.0f s; shared = one policy, fleet = %d processes x %d, hint = fleet + "
                + "Retry-After: 1:", settings.clients(), settings.capacityPerSecond(), settings.capacityPerSlot(),
                settings.outage().toMillis() / 1000.0, settings.floor().toMillis() / 1000.0,
                settings.timeLimit().toMillis() / 1000.0, LiveMode.FLEET.processes(settings.clients()),
                LiveMode.CLIENTS_PER_PROCESS));
        for (LiveResult result : results) {
            lines.add(format("  %-6s %-22s %,7d requests (%5.2f per client), peak %4d/100ms after recovery, %s",
                    result.mode().label(), result.strategy(), result.totalRequests(), result.requestsPerClient(),
                    result.peakPer100msAfterRecovery(),
                    result.gaveUp() == 0 ? "all done at " + allDone(result) : result.gaveUp() + " gave up"));
        }
        lines.add("  The library's rows as their Micrometer registries saw them (secondchance.attempts, "
                + ".retries{cause}, .calls{end.reason}):");
        for (LiveResult result : results) {
            result.meters().ifPresent(meters -> lines.add(format("  %-6s %-22s %,7d attempts (server: %,d), retries %s;"
                    + " ended %s", result.mode().label(), result.strategy(), meters.attempts(), result.totalRequests(),
                    retries(meters),
                    endReasons(result))));
        }
        for (Check check : checks()) {
            lines.add("  " + (check.holds() ? "met:     " : "NOT met: ") + check.claim());
        }
        return lines;
    }

    private Optional<Check> best(LiveMode mode, double peakRatio, long doneMs, double perClient) {
        List<LiveResult> library = results.stream().filter(r -> r.mode() == mode && r.role().library()).toList();
        if (library.isEmpty()) {
            return Optional.empty();
        }
        double peakLimit = peakRatio * settings.capacityPerSlot();
        StringBuilder evidence = new StringBuilder();
        boolean any = false;
        for (LiveResult result : library) {
            boolean meets = meets(result, peakRatio, doneMs, perClient);
            any |= meets;
            evidence.append(format("%n        %-22s peak %d %s, %s %s, %.2f requests/client %s", result.strategy(),
                    result.peakPer100msAfterRecovery(), mark(result.peakPer100msAfterRecovery() <= peakLimit),
                    result.gaveUp() == 0 ? "all done at " + allDone(result) : result.gaveUp() + " gave up",
                    mark(result.gaveUp() == 0 && result.allDoneMs().getAsLong() <= doneMs),
                    result.requestsPerClient(), mark(result.requestsPerClient() <= perClient)));
        }
        return Optional.of(new Check(format("%s, best library strategy: peak after recovery <= %.0f per 100 ms, every "
                + "client done within %.1f s, <= %.1f requests per client, nobody gives up", mode.label(), peakLimit,
                doneMs / 1000.0, perClient), any, evidence.toString()));
    }

    private Optional<Check> defaultBeatsPeerDefaults() {
        Optional<LiveResult> ours = find(LiveMode.FLEET, LiveStrategies.LIBRARY_DEFAULT);
        List<LiveResult> peers = results.stream()
                .filter(r -> r.mode() == LiveMode.FLEET && r.role() == Role.PEER_DEFAULT).toList();
        if (ours.isEmpty() || peers.isEmpty()) {
            return Optional.empty();
        }
        LiveResult d = ours.get();
        // fewer requests only count when nobody gave up: a row whose clients give up is not better for sending less
        boolean holds = d.gaveUp() == 0 && peers.stream().allMatch(p -> p.gaveUp() > 0
                || d.totalRequests() < p.totalRequests() && d.peakPer100msAfterRecovery() < p.peakPer100msAfterRecovery());
        String evidence = format("%s %,d requests, peak %d, gave up %,d; ", d.strategy(), d.totalRequests(),
                d.peakPer100msAfterRecovery(), d.gaveUp()) + peers.stream()
                .sorted(Comparator.comparing(LiveResult::strategy))
                .map(p -> format("%s %,d, %d, gave up %,d", p.strategy(), p.totalRequests(),
                        p.peakPer100msAfterRecovery(), p.gaveUp()))
                .collect(Collectors.joining("; "));
        return Optional.of(new Check("fleet: the library's default policy gets everyone done, and sends fewer requests "
                + "with a lower peak than every peer's default row that also gets everyone done", holds, evidence));
    }

    private boolean meets(LiveResult result, double peakRatio, long doneMs, double perClient) {
        return result.gaveUp() == 0 && result.allDoneMs().isPresent()
                && result.allDoneMs().getAsLong() <= doneMs && result.requestsPerClient() <= perClient
                && result.peakPer100msAfterRecovery() <= peakRatio * settings.capacityPerSlot();
    }

    private Optional<LiveResult> find(LiveMode mode, String name) {
        return results.stream().filter(r -> r.mode() == mode && r.strategy().equals(name)).findFirst();
    }

    private static String mark(boolean ok) {
        return ok ? "(ok)" : "(MISSED)";
    }

    static String allDone(LiveResult result) {
        return result.allDoneMs().isPresent() ? format("%.2f s", result.allDoneMs().getAsLong() / 1000.0) : "never";
    }

    private static String endReasons(LiveResult result) {
        return result.endReasons().entrySet().stream()
                .map(entry -> entry.getKey().toLowerCase(Locale.ROOT).replace('_', ' ') + " " + entry.getValue())
                .collect(Collectors.joining(", "));
    }

    private static String retries(RegistryCounts meters) {
        String byCause = meters.retriesByCause().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> format("%s %,d", e.getKey(), e.getValue())).collect(Collectors.joining(", "));
        return byCause.isEmpty() ? "none" : byCause;
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
