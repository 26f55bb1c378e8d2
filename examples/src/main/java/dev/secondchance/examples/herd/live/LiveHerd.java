package dev.secondchance.examples.herd.live;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The live thundering herd: for each strategy, a fresh loopback server with a fixed capacity that is down
 * for its first seconds, and a thousand clients that start together, each making one logical request
 * through the library's {@link dev.secondchance.retry.http.RetryingHttpClient}. Prints a table and a
 * summary and writes {@code live.csv} and {@code live.png}. Talks only to 127.0.0.1 and stops by itself:
 * each client's retries end at the time bound.
 */
public final class LiveHerd {

    /** How to start it, for the usage line. */
    public static final String COMMAND = "java -cp <classpath> " + LiveHerd.class.getName();

    static final String ABOUT = """
            Live thundering herd: a real HTTP server on 127.0.0.1 (the JDK's HttpServer) admits a fixed number
            of requests per 100 ms and answers the rest with 503 at once; it is down (503) for its first
            seconds. The clients (virtual threads on JDK 21+) start together; each makes one logical GET
            through its process's retrying client (java.net.http), retrying until it succeeds or its time
            bound ends (attempt limits raised). Rows: the library's settings and contrasts beside its peers
            (the AWS SDK's standard and adaptive strategies with legacy and 2026 defaults, resilience4j,
            Failsafe), in three modes: shared (one policy for all), fleet (50 processes x 20, each with its
            own policy) and hint (the fleet, and every 503 carries Retry-After: 1). Counts total and rejected
            requests, the peak per 100 ms after recovery, when every client had succeeded, how many gave up
            and (hint) sends before a hint had passed. The library's rows record through the Micrometer
            binding; the summary reads their attempts, retries by cause and end reasons from the registry.
            Writes live.csv and live.png, live-fleet.png, live-hint.png, and what a dashboard would plot
            (meters-shared-adaptive-rate-limit.png, meters-hint-library-default.png) to the output folder.""";

    /** The rows whose sampled meters are drawn ({@link MeterChart}), if they ran: mode and strategy. */
    static final List<Map.Entry<LiveMode, String>> METER_CHART_ROWS = List.of(
            Map.entry(LiveMode.SHARED, LiveStrategies.ADAPTIVE),
            Map.entry(LiveMode.HINT, LiveStrategies.LIBRARY_DEFAULT));

    private LiveHerd() {}

    /**
     * Runs the example.
     *
     * @param args the options; {@code --help} lists them
     */
    public static void main(String[] args) {
        PngCharts.useHeadless();
        ExampleMain.exitIfFailed(ExampleMain.run(COMMAND, ABOUT, options(), args, LiveHerd::run, System.out,
                System.err));
    }

    /** @return the options this example knows */
    public static List<Option> options() {
        return List.of(
                Option.value("out", "DIR", ExampleMain.DEFAULT_OUT.toString(), "folder for live.csv and live.png"),
                Option.value("seed", "LONG", "2015", "seed of the jitter (the run itself is on real time)"),
                Option.value("clients", "COUNT", "1000", "clients that start together"),
                Option.value("capacity", "PER_SECOND", "200", "requests per second the server admits (multiple of 10)"),
                Option.value("outage-ms", "MILLIS", "2000", "how long the server is down at the start"),
                Option.value("time-limit-s", "SECONDS", "15", "time bound of each client's request (its deadline)"),
                Option.value("attempt-timeout-ms", "MILLIS", "2000", "timeout of each HTTP attempt"),
                Option.value("strategies", "NAMES", null,
                        "comma-separated strategies to run (default: all), from: " + LiveStrategies.names()),
                Option.value("modes", "NAMES", null, "comma-separated modes to run (default: shared,fleet,hint)"),
                Option.flag("platform-threads", "use platform threads even where virtual threads exist"),
                Option.flag("no-chart", "skip the PNG chart"));
    }

    /**
     * Reads the settings from parsed options.
     *
     * @param options the parsed options
     * @return the settings
     * @throws UsageException if a value is out of range
     */
    public static LiveSettings settings(Options options) {
        int capacity = options.integer("capacity", 10);
        if (capacity % 10 != 0) {
            throw new UsageException("--capacity must be a multiple of 10, got " + capacity);
        }
        int timeLimit = options.integer("time-limit-s", 1);
        if (timeLimit > 60) {
            throw new UsageException("--time-limit-s must be at most 60, got " + timeLimit);
        }
        return new LiveSettings(options.path("out"), options.longValue("seed"), options.integer("clients", 1),
                capacity, Duration.ofMillis(options.integer("outage-ms", 0)), Duration.ofSeconds(timeLimit),
                Duration.ofMillis(options.integer("attempt-timeout-ms", 1)),
                LiveStrategies.select(options.list("strategies")), modes(options.list("modes")),
                !options.flag("platform-threads"), !options.flag("no-chart"));
    }

    private static List<LiveMode> modes(List<String> names) {
        if (names.isEmpty()) {
            return List.of(LiveMode.values());
        }
        List<LiveMode> modes = new ArrayList<>();
        for (String name : names) {
            try {
                modes.add(LiveMode.valueOf(name.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new UsageException("unknown mode '" + name + "'; known: shared, fleet, hint");
            }
        }
        return modes;
    }

    private static void run(Options options) throws IOException, InterruptedException {
        run(settings(options), System.out, System.err);
    }

    /**
     * Runs every strategy in turn, prints the table and the summary to {@code out} and progress to
     * {@code err}, and writes the files.
     *
     * @param settings what to run
     * @param out where the results go
     * @param err where progress goes
     * @return what the run produced
     * @throws IOException if the server cannot start or a file cannot be written
     * @throws InterruptedException if interrupted
     */
    public static LiveRun run(LiveSettings settings, PrintStream out, PrintStream err)
            throws IOException, InterruptedException {
        ClientThreads threads = ClientThreads.detect(settings.preferVirtualThreads());
        out.printf(Locale.ROOT, "%nLive herd: %,d clients on %s; server on 127.0.0.1, capacity %d/s, down for the "
                + "first %.1f s; time bound %d s per client%n", settings.clients(), threads.describe(),
                settings.capacityPerSecond(), settings.outage().toMillis() / 1000.0,
                settings.timeLimit().toSeconds());
        Progress progress = new Progress(err, "live");
        WarmUp.run();
        List<LiveResult> results = new ArrayList<>();
        for (LiveMode mode : settings.modes()) {
            for (LiveStrategy strategy : settings.strategies()) {
                if (strategy.modes().contains(mode)) {
                    progress.note(mode.label() + ", " + strategy.name() + ": " + strategy.description(), true);
                    results.add(ClientHerd.run(strategy, mode, settings, threads, progress));
                }
            }
        }
        if (results.isEmpty()) {
            throw new UsageException("none of the strategies runs in the modes " + settings.modes());
        }

        LiveReport report = new LiveReport(settings, results);
        out.println("\nStrategies:");
        settings.strategies().forEach(s -> out.printf(Locale.ROOT, "  %-22s %s%n", s.name(), s.description()));
        out.println("\nResults (time in seconds since the server opened; 'early' = sends before a Retry-After "
                + "had passed):");
        out.print(report.table());
        out.println("\nTargets:");
        for (Check check : report.checks()) {
            out.println(check.line());
        }

        Path csv = LiveCsv.write(settings.out(), results);
        List<Path> charts = new ArrayList<>();
        if (settings.charts()) {
            for (LiveMode mode : settings.modes()) {
                List<LiveResult> rows = results.stream().filter(r -> r.mode() == mode).toList();
                if (!rows.isEmpty()) {
                    charts.add(LiveChart.write(settings.out(), rows, settings.capacityPerSlot(),
                            chartSeconds(settings, rows)));
                }
            }
            for (LiveResult result : results) {
                if (result.samples().isPresent()
                        && METER_CHART_ROWS.contains(Map.entry(result.mode(), result.strategy()))) {
                    charts.add(MeterChart.write(settings.out(), result, chartSeconds(settings, List.of(result))));
                }
            }
        }
        out.println();
        report.summary().forEach(out::println);
        out.println("  Files: " + csv.toAbsolutePath().normalize() + charts.stream()
                .map(chart -> ", " + chart.toAbsolutePath().normalize()).reduce("", String::concat));
        return new LiveRun(results, report, threads.describe(), csv, charts);
    }

    private static double chartSeconds(LiveSettings settings, List<LiveResult> results) {
        long lastEnd = results.stream().mapToLong(LiveResult::lastEndMs).max().orElse(0);
        double seconds = Math.max(settings.floor().toMillis(), lastEnd) / 1000.0 + 0.5;
        return Math.min(Math.ceil(seconds), settings.timeLimit().toSeconds() + 3.0);
    }
}
