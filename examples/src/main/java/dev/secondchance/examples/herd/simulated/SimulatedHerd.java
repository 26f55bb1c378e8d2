package dev.secondchance.examples.herd.simulated;

import dev.secondchance.examples.chart.PngCharts;
import dev.secondchance.examples.cli.ExampleMain;
import dev.secondchance.examples.cli.Option;
import dev.secondchance.examples.cli.Options;
import dev.secondchance.examples.cli.UsageException;
import dev.secondchance.examples.report.Check;
import dev.secondchance.examples.report.Progress;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The simulated thundering herd: sweeps Brooker's contention model over the number of clients for every
 * schedule, prints tables and a summary, and writes {@code simulation.csv} and {@code simulation.png}.
 * Deterministic: the same seed, trials and clients give the same numbers, whatever the threads.
 */
public final class SimulatedHerd {

    /** How to start it, for the usage line. */
    public static final String COMMAND = "java -cp <classpath> " + SimulatedHerd.class.getName();

    /** The seed used when none is given. */
    public static final String DEFAULT_SEED = "2015";

    static final String ABOUT = """
            Simulated thundering herd: Brooker's contention model ("Exponential Backoff And Jitter", AWS
            Architecture Blog, 2015) on virtual time. N clients each read a version and write it back on
            condition that it is unchanged; every message takes |Normal(10 ms, 2 ms)|; a failed write is
            retried (read, then write) after the schedule's backoff, with no attempt limit. Counts the writes
            ("calls") and the time when the last client has its successful reply, averaged over trials, for
            no backoff, Brooker's exponential, full, equal and decorrelated jitter (base 5 ms, cap 2 s, 2^n)
            and the library's Backoff.classic() and Backoff.contention(). Every delay is computed by the
            library's Backoff with a seeded RandomSource.
            Writes simulation.csv and simulation.png to the output folder.""";

    private SimulatedHerd() {}

    /**
     * Runs the example.
     *
     * @param args the options; {@code --help} lists them
     */
    public static void main(String[] args) {
        PngCharts.useHeadless();
        ExampleMain.exitIfFailed(ExampleMain.run(COMMAND, ABOUT, options(), args, SimulatedHerd::run, System.out,
                System.err));
    }

    /** @return the options this example knows */
    public static List<Option> options() {
        return List.of(
                Option.value("out", "DIR", ExampleMain.DEFAULT_OUT.toString(), "folder for simulation.csv and .png"),
                Option.value("seed", "LONG", DEFAULT_SEED, "seed of the network delays and the jitter"),
                Option.value("trials", "COUNT", "100", "trials per schedule and number of clients"),
                Option.value("clients", "FROM..TO:STEP", "10..200:10", "numbers of clients (or a list: 10,50,100)"),
                Option.value("reference-clients", "N", "100", "the N of the close-up and the targets"),
                Option.value("threads", "COUNT", String.valueOf(Runtime.getRuntime().availableProcessors()),
                        "worker threads (results do not depend on it)"),
                Option.flag("candidates", "also simulate candidate presets (full jitter, base x 4^n, other caps)"),
                Option.flag("no-chart", "skip the PNG chart"));
    }

    /**
     * Reads the settings from parsed options.
     *
     * @param options the parsed options
     * @return the settings
     * @throws UsageException if a value is out of range
     */
    public static SimulationSettings settings(Options options) {
        List<Integer> clients = ClientCounts.parse(options.string("clients"));
        int reference = options.integer("reference-clients", 1);
        if (!clients.contains(reference)) {
            reference = clients.get(clients.size() - 1);
        }
        return new SimulationSettings(options.path("out"), options.longValue("seed"), options.integer("trials", 1),
                clients, reference, options.integer("threads", 1), options.flag("candidates"),
                !options.flag("no-chart"));
    }

    private static void run(Options options) throws IOException, InterruptedException {
        run(settings(options), System.out, System.err);
    }

    /**
     * Runs the sweep, prints the tables and the summary to {@code out} and progress to {@code err}, and
     * writes the files.
     *
     * @param settings what to run
     * @param out where the results go
     * @param err where progress goes
     * @return what the run produced
     * @throws IOException if a file cannot be written
     * @throws InterruptedException if interrupted
     */
    public static SimulationRun run(SimulationSettings settings, PrintStream out, PrintStream err)
            throws IOException, InterruptedException {
        List<Schedule> schedules = settings.schedules();
        int total = schedules.size() * settings.clientCounts().size();
        out.printf(Locale.ROOT, "%nSimulated herd: %d schedules x %d client counts x %d trials, seed %d, %d threads%n",
                schedules.size(), settings.clientCounts().size(), settings.trials(), settings.seed(),
                settings.threads());
        Progress progress = new Progress(err, "simulation");
        List<PointResult> points = SimulationSweep.run(schedules, settings.clientCounts(), settings.trials(),
                settings.seed(), settings.threads(), done -> progress.update(done, total, "points"));
        double seconds = progress.elapsedSeconds();

        SimulationReport report = new SimulationReport(schedules, points, settings.referenceClients());
        out.println("\nSchedules:");
        out.print(report.legend());
        out.println("\nMean calls (writes) per run:");
        out.print(report.callsTable());
        out.println("\nMean time until the last client succeeded, ms:");
        out.print(report.completionTable());
        out.printf(Locale.ROOT, "%nAt N = %d (mean of %d trials, ± standard error):%n", report.referenceClients(),
                settings.trials());
        out.print(report.referenceTable());
        List<Check> checks = report.checks();
        if (!checks.isEmpty()) {
            out.printf(Locale.ROOT, "%nPublished shape and target at N = %d:%n", report.referenceClients());
            checks.forEach(check -> out.println(check.line()));
        }

        Path csv = SimulationCsv.write(settings.out(), points);
        Path chart = settings.charts()
                ? SimulationChart.write(settings.out(), schedules, points, settings.trials())
                : null;
        List<String> summary = summary(settings, report, checks, csv, chart, seconds);
        out.println();
        summary.forEach(out::println);
        return new SimulationRun(points, report, summary, csv, chart);
    }

    private static List<String> summary(SimulationSettings settings, SimulationReport report, List<Check> checks,
            Path csv, Path chart, double seconds) {
        List<String> lines = new ArrayList<>();
        int n = report.referenceClients();
        lines.add(String.format(Locale.ROOT, "SIMULATED HERD, N = %d, %d trials, seed %d (%.1f s):", n,
                settings.trials(), settings.seed(), seconds));
        for (Schedule schedule : settings.schedules()) {
            PointResult point = report.at(schedule.name()).orElseThrow();
            lines.add(String.format(Locale.ROOT, "  %-28s %9.0f calls  %8.2f s", schedule.name(), point.meanCalls(),
                    point.meanCompletionMs() / 1000));
        }
        if (!checks.isEmpty()) {
            long shapeHolds = checks.stream().limit(checks.size() - 1).filter(Check::holds).count();
            lines.add(String.format(Locale.ROOT, "  Published shape: %d of %d checks hold.", shapeHolds,
                    checks.size() - 1));
            List<PointResult> meeting = report.meetingTarget();
            PointResult full = report.at(Schedules.FULL_JITTER).orElseThrow();
            lines.add(meeting.isEmpty()
                    ? "  Target (<= 0.6 x calls of full jitter in <= 0.85 x its time): NOT met by any library schedule."
                    : String.format(Locale.ROOT,
                            "  Target (<= 0.6 x calls of full jitter in <= 0.85 x its time): met by %s "
                                    + "(%.2f x calls, %.2f x time).",
                            meeting.get(0).schedule(), meeting.get(0).meanCalls() / full.meanCalls(),
                            meeting.get(0).meanCompletionMs() / full.meanCompletionMs()));
        }
        lines.add("  Files: " + csv.toAbsolutePath().normalize()
                + (chart == null ? "" : ", " + chart.toAbsolutePath().normalize()));
        return lines;
    }
}
