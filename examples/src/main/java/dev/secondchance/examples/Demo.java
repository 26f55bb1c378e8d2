package dev.secondchance.examples;

import dev.secondchance.examples.chart.PngCharts;
import dev.secondchance.examples.cli.ExampleMain;
import dev.secondchance.examples.cli.Option;
import dev.secondchance.examples.cli.Options;
import dev.secondchance.examples.herd.live.LiveHerd;
import dev.secondchance.examples.herd.live.LiveRun;
import dev.secondchance.examples.herd.live.LiveSettings;
import dev.secondchance.examples.herd.scaled.ScaledHerd;
import dev.secondchance.examples.herd.scaled.ScaledRun;
import dev.secondchance.examples.herd.simulated.SimulatedHerd;
import dev.secondchance.examples.herd.simulated.SimulationRun;
import dev.secondchance.examples.herd.simulated.SimulationSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The main demo: the simulated thundering herd, then the live one, with their default settings, writing
 * their files to one folder; it ends with both summaries together. Each example also runs on its own
 * ({@link SimulatedHerd}, {@link LiveHerd}), with more options.
 *
 * <p>Every example follows the same frame: a class with a {@code main} that calls
 * {@link ExampleMain#run} with its {@link Option}s (so it has {@code --help} and {@code --out}), a
 * {@code settings(Options)} and a {@code run(settings, out, err)} that returns what it produced, and a
 * summary of a few lines at the end. Later examples (idempotent payments, SDK wrapping) get their own
 * package and {@code main} the same way; this demo runs the two herd examples only.
 * The others: {@link dev.secondchance.examples.payments.IdempotentPayments} and
 * {@link dev.secondchance.examples.sdk.SdkWrapping} (docs/examples.md).
 */
public final class Demo {

    /** How to start it, for the usage line. */
    public static final String COMMAND = "java -cp <classpath> " + Demo.class.getName();

    static final String ABOUT = """
            The Second Chance demo: thundering-herd avoidance, simulated and live.
              1. Simulated herd: Brooker's contention model on virtual time, N = 10..200, every schedule's
                 calls and completion time (SimulatedHerd --help for its options).
              2. Live herd: 1,000 clients against a loopback HTTP server with 200 requests/s of capacity that
                 is down for its first 2 s, the library's rows beside its peers', shared, as a fleet and
                 with Retry-After hints (LiveHerd --help for its options).
              3. The herd at 100 x scale on virtual time: the library's policies, 100,000 clients,
                 shared and fleet, compared with the live figures (ScaledHerd --help).
            Writes simulation.csv/png, live.csv, live*.png and scaled.csv to the output folder.""";

    private Demo() {}

    /**
     * Runs the demo.
     *
     * @param args the options; {@code --help} lists them
     */
    public static void main(String[] args) {
        PngCharts.useHeadless();
        ExampleMain.exitIfFailed(ExampleMain.run(COMMAND, ABOUT, options(), args, Demo::run, System.out,
                System.err));
    }

    /** @return the options of the demo: a few shared ones; the examples' own have their defaults */
    public static List<Option> options() {
        return List.of(
                Option.value("out", "DIR", ExampleMain.DEFAULT_OUT.toString(), "folder for the CSV files and charts"),
                Option.value("seed", "LONG", SimulatedHerd.DEFAULT_SEED, "seed of both examples"),
                Option.value("trials", "COUNT", "100", "simulated trials per schedule and number of clients"),
                Option.value("clients", "COUNT", "1000", "clients of the live herd"),
                Option.value("time-limit-s", "SECONDS", "15", "time bound of each live client's request"),
                Option.flag("skip-simulation", "run only the live herd"),
                Option.flag("skip-live", "run only the simulated herd"),
                Option.flag("skip-scaled", "skip the herd at 100 x scale on virtual time (runs after the live one)"));
    }

    private static void run(Options options) throws IOException, InterruptedException {
        String out = options.string("out");
        String seed = options.string("seed");
        List<String> summary = new ArrayList<>();
        if (!options.flag("skip-simulation")) {
            SimulationSettings simulation = SimulatedHerd.settings(Options.parse(SimulatedHerd.COMMAND, "",
                    SimulatedHerd.options(), "--out", out, "--seed", seed, "--trials", options.string("trials")));
            SimulationRun run = SimulatedHerd.run(simulation, System.out, System.err);
            summary.addAll(run.summary());
        }
        if (!options.flag("skip-live")) {
            LiveSettings live = LiveHerd.settings(Options.parse(LiveHerd.COMMAND, "", LiveHerd.options(),
                    "--out", out, "--seed", seed, "--clients", options.string("clients"),
                    "--time-limit-s", options.string("time-limit-s")));
            LiveRun run = LiveHerd.run(live, System.out, System.err);
            summary.add("");
            summary.addAll(run.report().summary());
            if (!options.flag("skip-scaled")) {
                ScaledRun scaled = ScaledHerd.run(Path.of(out), 100, Long.parseLong(seed), run.results(),
                        live.capacityPerSlot(), System.out);
                scaled.agreement().ifPresent(check -> summary.add("  " + (check.holds() ? "met:     " : "NOT met: ")
                        + check.claim() + " (" + scaled.csv().toAbsolutePath().normalize() + ")"));
            }
            summary.add("  Clients ran on " + run.threads() + ".");
            summary.add("  Files: " + run.csv().toAbsolutePath().normalize() + run.charts().stream()
                    .map(chart -> ", " + chart.toAbsolutePath().normalize()).reduce("", String::concat));
        }
        System.out.println();
        System.out.println("=".repeat(100));
        System.out.println("DEMO SUMMARY");
        summary.forEach(System.out::println);
        System.out.println("=".repeat(100));
    }
}
