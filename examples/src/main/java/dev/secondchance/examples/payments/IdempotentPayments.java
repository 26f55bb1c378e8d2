package dev.secondchance.examples.payments;

import dev.secondchance.examples.cli.ExampleMain;
import dev.secondchance.examples.cli.Option;
import dev.secondchance.examples.cli.Options;
import dev.secondchance.examples.cli.UsageException;
import dev.secondchance.examples.report.Check;
import dev.secondchance.examples.report.Progress;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.regions.Region;

/**
 * Idempotent payments: a "charge the card" call made idempotent with a client token by the library's
 * {@code IdempotentExecutor}, its records in memory by default, or in a DynamoDB table when an endpoint
 * ({@code --endpoint}, or the system property {@value #ENDPOINT_PROPERTY}) or AWS ({@code --aws}) is given. It
 * runs four scenarios, prints each step, a table, the checks and a summary, and writes {@code payments.csv}.
 * About 2 s of real time (the crash scenario waits out a 1 s lease), or no waiting with
 * {@code --simulated-time}.
 */
public final class IdempotentPayments {

    /** How to start it, for the usage line. */
    public static final String COMMAND = "java -cp <classpath> " + IdempotentPayments.class.getName();

    /** The system property that gives a DynamoDB endpoint when {@code --endpoint} does not. */
    public static final String ENDPOINT_PROPERTY = "payments.dynamodb.endpoint";

    static final String ABOUT = """
            Idempotent payments: "charge the card" made idempotent with a client token (UUID v5 of the order id)
            by IdempotentExecutor, with its records in memory or in a DynamoDB table (DynamoDbIdempotencyStore).
              1. retry after a timeout: the reply is lost, the client retries with the same token: one charge
                 (and the same retry without a token: two);
              2. duplicate submission: the payment is posted twice, to two servers: the receipt is replayed;
              3. same token, other amount: refused with RequestMismatchException, nothing charged;
              4. crash mid-charge: server A claims the token and dies; server B takes it over after the lease.
            By default the records are in memory in this JVM (IdempotencyStore.inMemory: no network, no AWS
            account). --endpoint (or -Dpayments.dynamodb.endpoint=URL) keeps them in a DynamoDB reachable over
            HTTP, e.g. dynalite on loopback; --aws uses DynamoDB in --region with your default AWS credentials
            (it creates --table if absent: a few request units, items expire by TTL after 24 h).""";

    private IdempotentPayments() {}

    /**
     * Runs the example.
     *
     * @param args the options; {@code --help} lists them
     */
    public static void main(String[] args) {
        ExampleMain.exitIfFailed(ExampleMain.run(COMMAND, ABOUT, options(), args, IdempotentPayments::run,
                System.out, System.err));
    }

    /** @return the options this example knows */
    public static List<Option> options() {
        return List.of(
                Option.value("out", "DIR", ExampleMain.DEFAULT_OUT.toString(), "folder for payments.csv"),
                Option.value("endpoint", "URL", "", "a DynamoDB endpoint, e.g. http://127.0.0.1:8000 for dynalite; "
                        + "none: -D" + ENDPOINT_PROPERTY + " if set, else the records stay in memory"),
                Option.flag("aws", "use DynamoDB in --region with the default AWS credentials chain"),
                Option.value("region", "REGION", "us-east-1", "region of --aws (signed for, with --endpoint)"),
                Option.value("table", "NAME", "second-chance-payments", "table of the idempotency records"),
                Option.value("lease-ms", "MILLIS", "1000",
                        "lease of a claim, 100 to 10000; the library's default is 30 s"),
                Option.flag("simulated-time", "run on a simulated clock: waiting out the lease takes no real time"),
                Option.value("seed", "LONG", "2015", "seed of the client's retry jitter"));
    }

    /**
     * Reads the settings from parsed options.
     *
     * @param options the parsed options
     * @return the settings
     * @throws UsageException if a value is out of range
     */
    public static PaymentsSettings settings(Options options) {
        int lease = options.integer("lease-ms", 100);
        if (lease > 10_000) {
            throw new UsageException("--lease-ms must be at most 10000, got " + lease);
        }
        String endpoint = options.string("endpoint");
        if (endpoint == null || endpoint.isBlank()) {
            endpoint = System.getProperty(ENDPOINT_PROPERTY);
        }
        URI uri = null;
        if (endpoint != null && !endpoint.isBlank()) {
            try {
                uri = URI.create(endpoint.strip());
            } catch (IllegalArgumentException e) {
                throw new UsageException("--endpoint is not a URL: " + endpoint);
            }
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new UsageException("--endpoint needs a scheme and a host, e.g. http://localhost:8000");
            }
        }
        return new PaymentsSettings(options.path("out"), uri, options.flag("aws"), Region.of(options.string("region")),
                options.string("table"), Duration.ofMillis(lease), options.flag("simulated-time"),
                options.longValue("seed"));
    }

    private static void run(Options options) throws Exception {
        PaymentsRun run = run(settings(options), System.out, System.err);
        if (!run.report().allHold()) {
            throw new IllegalStateException("some checks do not hold");
        }
    }

    /** @return the four scenarios, in the order they run */
    public static List<PaymentScenario> scenarios() {
        return List.of(new RetryAfterTimeout(), new DuplicateSubmission(), new TokenReuse(), new CrashTakeover());
    }

    /**
     * Runs every scenario, prints the steps, the table, the checks and the summary to {@code out} and progress
     * to {@code err}, and writes the CSV file.
     *
     * @param settings what to run
     * @param out where the results go
     * @param err where progress goes
     * @return what the run produced
     * @throws Exception if the table cannot be reached or the file cannot be written
     */
    public static PaymentsRun run(PaymentsSettings settings, PrintStream out, PrintStream err) throws Exception {
        Progress progress = new Progress(err, "payments");
        PaymentsTime time = settings.simulatedTime() ? PaymentsTime.simulatedTime() : PaymentsTime.systemTime();
        progress.note(settings.inMemory() ? "records in memory" : "opening the table", true);
        List<ScenarioResult> results = new ArrayList<>();
        String where;
        try (RecordsStore records = RecordsStore.open(settings)) {
            where = records.description();
            out.printf(Locale.ROOT, "%nIdempotent payments: records in %s; lease %,d ms; %s time%n", where,
                    settings.lease().toMillis(), time.simulated() ? "simulated" : "real");
            PaymentsWorld world = new PaymentsWorld(settings, time, records);
            List<PaymentScenario> scenarios = scenarios();
            for (int i = 0; i < scenarios.size(); i++) {
                PaymentScenario scenario = scenarios.get(i);
                out.printf(Locale.ROOT, "%nScenario %d of %d, %s: %s.%n", i + 1, scenarios.size(), scenario.name(),
                        scenario.description());
                results.add(scenario.run(world, out));
            }
        }
        PaymentsReport report = new PaymentsReport(where, settings, results);
        out.println("\nResults:");
        out.print(report.table());
        out.println("\nChecks:");
        for (Check check : report.checks()) {
            out.println(check.line());
        }
        Path csv = PaymentsCsv.write(settings.out(), results);
        out.println();
        report.summary().forEach(out::println);
        out.println("  File: " + csv.toAbsolutePath().normalize());
        return new PaymentsRun(results, report, csv);
    }
}
