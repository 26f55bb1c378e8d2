package dev.secondchance.examples.herd.scaled;

import dev.secondchance.examples.cli.ExampleMain;
import dev.secondchance.examples.cli.Option;
import dev.secondchance.examples.cli.Options;
import dev.secondchance.examples.herd.live.LiveMode;
import dev.secondchance.examples.herd.live.LiveResult;
import dev.secondchance.examples.herd.live.LiveStrategies;
import dev.secondchance.examples.report.Check;
import dev.secondchance.examples.report.CsvFile;
import dev.secondchance.examples.report.TextTable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The live herd at 100 × scale on virtual time ({@link ScaledHerdRun}): 100,000 clients, 20,000 requests/s,
 * down for 2 s, the library's rows shared, as a fleet of 5,000 processes × 20 and with hints. Prints a table,
 * writes {@code scaled.csv}, and compares its ratios (requests per client, peak per capacity, time to done per
 * floor) with the live rows of the same strategy and mode, when given.
 */
public final class ScaledHerd {

    /** How to start it, for the usage line. */
    public static final String COMMAND = "java -cp <classpath> " + ScaledHerd.class.getName();

    /** Two figures agree when they differ by at most this fraction. */
    public static final double AGREEMENT = 0.25;

    /** The scaled herd's file. */
    public static final String FILE_NAME = "scaled.csv";

    /**
     * The rows the demo runs at 100 ×. The shared adaptive row is left out: with 100,000 callers in one
     * process its limiter tells most of them to ask again every 100 ms, some 10^7 events (109 s of real time on
     * the 2-core build machine under load); the fleet has 20 callers per limiter.
     */
    public static final List<Map.Entry<String, LiveMode>> ROWS = List.of(
            Map.entry(LiveStrategies.DEFAULT_BACKOFF, LiveMode.SHARED),
            Map.entry(LiveStrategies.LIBRARY_DEFAULT, LiveMode.SHARED),
            Map.entry(LiveStrategies.DEFAULT_BACKOFF, LiveMode.FLEET),
            Map.entry(LiveStrategies.LIBRARY_DEFAULT, LiveMode.FLEET),
            Map.entry(LiveStrategies.ADAPTIVE, LiveMode.FLEET),
            Map.entry(LiveStrategies.ADAPTIVE_FLEET, LiveMode.FLEET),
            Map.entry(LiveStrategies.LIBRARY_DEFAULT, LiveMode.HINT));

    private ScaledHerd() {}

    /**
     * Runs the example.
     *
     * @param args the options; {@code --help} lists them
     */
    public static void main(String[] args) {
        ExampleMain.exitIfFailed(ExampleMain.run(COMMAND, "The live herd at 100 x scale on virtual time.", options(),
                args, options -> run(options.path("out"), options.integer("scale", 1), options.longValue("seed"),
                        List.of(), 0, System.out), System.out, System.err));
    }

    /** @return the options */
    public static List<Option> options() {
        return List.of(
                Option.value("out", "DIR", ExampleMain.DEFAULT_OUT.toString(), "folder for scaled.csv"),
                Option.value("scale", "FACTOR", "100", "clients and capacity times the live herd's"),
                Option.value("seed", "LONG", "2015", "seed of every random source"));
    }

    /**
     * Runs the rows, prints the table and, given live rows, the agreement, and writes {@code scaled.csv}.
     *
     * @param out the output folder
     * @param scale the factor
     * @param seed the seed
     * @param live the live rows to compare with; may be empty
     * @param liveCapacityPerSlot the live server's capacity per 100 ms
     * @param console where the results go
     * @return the rows and the agreement check (empty without live rows)
     * @throws IOException if the file cannot be written
     */
    public static ScaledRun run(Path out, int scale, long seed, List<LiveResult> live, int liveCapacityPerSlot,
            PrintStream console)
            throws IOException {
        ScaledSettings settings = ScaledSettings.liveTimes(scale, seed);
        console.printf(Locale.ROOT, "%nScaled herd on virtual time: %,d clients, %,d requests per 100 ms, down for "
                + "%.1f s, bound %d s; fleet = %,d processes x %d%n", settings.clients(), settings.capacityPerSlot(),
                settings.outage().toMillis() / 1000.0, settings.timeLimit().toSeconds(),
                LiveMode.FLEET.processes(settings.clients()), LiveMode.CLIENTS_PER_PROCESS);
        List<ScaledRow> rows = new ArrayList<>();
        for (Map.Entry<String, LiveMode> row : ROWS) {
            rows.add(ScaledHerdRun.run(row.getKey(), row.getValue(), settings));
        }
        TextTable table = new TextTable("mode", "strategy", "requests", "per client", "peak/100ms after", "x capacity",
                "sample x capacity", "all done", "gave up", "early", "real time");
        List<String> csv = new ArrayList<>();
        for (ScaledRow row : rows) {
            table.row(row.mode().label(), row.strategy(), format("%,d", row.requests()),
                    format("%.2f", row.requestsPerClient()), format("%,d", row.peakAfterRecovery()),
                    format("%.2f", row.peakRatio()), format("%.2f", row.samplePeakRatio()), done(row), row.gaveUp(),
                    row.earlySends(),
                    format("%.1f s", row.realMillis() / 1000.0));
            csv.add(row.mode().label() + "," + row.strategy() + "," + row.clients() + "," + row.requests() + ","
                    + row.peakAfterRecovery() + "," + row.samplePeak() + ","
                    + (row.allDoneMs().isPresent() ? row.allDoneMs().getAsLong() : "") + "," + row.gaveUp() + ","
                    + row.earlySends());
        }
        console.print(table.render());
        Path file = out.resolve(FILE_NAME);
        CsvFile.write(file, "mode,strategy,clients,total_requests,peak_per_100ms_after_recovery,"
                + "sample_peak_per_100ms_after_recovery,all_done_ms,gave_up,early_sends", csv);
        Optional<Check> agreement = live.isEmpty() ? Optional.empty()
                : Optional.of(agreement(rows, live, liveCapacityPerSlot));
        agreement.ifPresent(check -> console.println(check.line()));
        return new ScaledRun(rows, agreement, file);
    }

    /**
     * Compares each scaled row with the live row of the same strategy and mode: requests per client, peak per
     * capacity and (when both got every client done) time to done, each within {@link #AGREEMENT}. The peak
     * compared is the sample's ({@link ScaledRow#samplePeak()}): a peak of 100 ms counts is their largest, and
     * the counts of 1,000 live clients vary by several requests from slot to slot (1,000 clients each sending once
     * at a uniformly random time in 5 s, the capacity on average, peak at about 1.5 × it), where the whole
     * scaled herd's vary by a few percent; the sample measures the scaled herd's shape as the live herd measures
     * its own.
     *
     * @param scaled the scaled rows
     * @param live the live rows
     * @param liveCapacityPerSlot the live server's capacity per 100 ms
     * @return the check, with every ratio
     */
    public static Check agreement(List<ScaledRow> scaled, List<LiveResult> live, int liveCapacityPerSlot) {
        StringBuilder evidence = new StringBuilder();
        boolean holds = true;
        int compared = 0;
        for (ScaledRow row : scaled) {
            Optional<LiveResult> match = live.stream()
                    .filter(l -> l.mode() == row.mode() && l.strategy().equals(row.strategy())).findFirst();
            if (match.isEmpty()) {
                continue;
            }
            LiveResult l = match.get();
            compared++;
            double livePeakRatio = (double) l.peakPer100msAfterRecovery() / liveCapacityPerSlot;
            boolean perClient = close(row.requestsPerClient(), l.requestsPerClient());
            boolean peak = close(row.samplePeakRatio(), livePeakRatio);
            boolean done = row.allDoneMs().isEmpty() || l.allDoneMs().isEmpty()
                    || close(row.allDoneMs().getAsLong(), l.allDoneMs().getAsLong());
            holds &= perClient && peak && done;
            evidence.append(format("%n        %-6s %-20s requests/client %.2f vs live %.2f %s, sample peak/capacity "
                    + "%.2f vs %.2f %s, done %s vs %s %s", row.mode().label(), row.strategy(), row.requestsPerClient(),
                    l.requestsPerClient(), mark(perClient), row.samplePeakRatio(), livePeakRatio, mark(peak),
                    done(row),
                    l.allDoneMs().isPresent() ? format("%.2f s", l.allDoneMs().getAsLong() / 1000.0) : "never",
                    mark(done)));
        }
        return new Check(format("the 100 x herd on virtual time agrees with the live rows within %.0f %%",
                AGREEMENT * 100), holds && compared > 0, compared == 0 ? "no row to compare" : evidence.toString());
    }

    private static boolean close(double scaled, double live) {
        if (live == 0) {
            return scaled == 0;
        }
        return Math.abs(scaled / live - 1) <= AGREEMENT;
    }

    private static String mark(boolean ok) {
        return ok ? "(ok)" : "(OFF)";
    }

    private static String done(ScaledRow row) {
        return row.allDoneMs().isPresent() ? format("%.2f s", row.allDoneMs().getAsLong() / 1000.0) : "never";
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
