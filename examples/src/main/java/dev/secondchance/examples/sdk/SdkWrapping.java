package dev.secondchance.examples.sdk;

import dev.secondchance.aws.AwsRetryPolicies;
import dev.secondchance.examples.cli.ExampleMain;
import dev.secondchance.examples.cli.Option;
import dev.secondchance.examples.cli.Options;
import dev.secondchance.examples.cli.UsageException;
import dev.secondchance.examples.dynamo.DynamoDbClients;
import dev.secondchance.examples.report.Check;
import dev.secondchance.testing.dynamodb.Dynalite;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * SDK wrapping: the same DynamoDB {@code PutItem}, made resilient by one policy in the two ways the AWS SDK
 * allows (wrapped, and as the client's {@code RetryStrategy}), against dynalite behind a proxy that
 * injects throttling in the real AWS error shape. It prints what each attempt did and why the policy
 * retried or stopped, a table, checks and a summary, and writes {@code sdk-wrapping.csv}. Loopback only;
 * about 15 s with the library's default throttling backoff.
 */
public final class SdkWrapping {

    /** How to start it, for the usage line. */
    public static final String COMMAND = "java -cp <classpath> " + SdkWrapping.class.getName();

    static final String ABOUT = """
            SDK wrapping: one DynamoDB PutItem, retried by one Second Chance policy in the two ways the AWS SDK v2
            allows, one after the other:
              wrapped   retry.call(() -> dynamo.putItem(...)) around a client whose own retries are off;
              strategy  the client's RetryStrategy is SecondChanceRetryStrategy.from(policy).
            A WireMock proxy on 127.0.0.1 in front of dynalite injects throttling in the real AWS JSON error
            shape. Scenarios: throttled twice, always throttled, an invalid request. A listener on the policy
            prints each failed attempt, its verdict and the wait drawn; the proxy counts the requests it saw.
            Both styles use the same seeded policy settings, so they should decide alike, to the millisecond.
            Needs no AWS account: dynalite (open-source DynamoDB emulator, test-dynamodb) runs as a child process
            on a loopback port (or give --endpoint).""";

    private SdkWrapping() {}

    /**
     * Runs the example.
     *
     * @param args the options; {@code --help} lists them
     */
    public static void main(String[] args) {
        ExampleMain.exitIfFailed(ExampleMain.run(COMMAND, ABOUT, options(), args, SdkWrapping::run, System.out,
                System.err));
    }

    /** @return the options this example knows */
    public static List<Option> options() {
        return List.of(
                Option.value("out", "DIR", ExampleMain.DEFAULT_OUT.toString(), "folder for sdk-wrapping.csv"),
                Option.value("endpoint", "URL", "",
                        "a DynamoDB (dynalite, say) already running on this machine, e.g. http://localhost:8000; "
                                + "none: start dynalite on a free loopback port"),
                Option.value("region", "REGION", "us-east-1", "region the client signs for"),
                Option.value("seed", "LONG", "2015", "seed of the jitter (both styles use it)"),
                Option.value("max-attempts", "COUNT", "3",
                        "the policy's attempt limit, first included, 3 to 10; the library's default is 3"),
                Option.value("throttling-base-ms", "MILLIS", "250",
                        "throttling waits are drawn from [0, min(5 s, base × 4^n)); the library's default is 250"));
    }

    /**
     * Reads the settings from parsed options.
     *
     * @param options the parsed options
     * @return the settings
     * @throws UsageException if a value is out of range, or the endpoint is not on loopback
     */
    public static SdkSettings settings(Options options) {
        int maxAttempts = options.integer("max-attempts", 3);
        if (maxAttempts > 10) {
            throw new UsageException("--max-attempts must be at most 10, got " + maxAttempts);
        }
        int base = options.integer("throttling-base-ms", 1);
        if (base > 1250) {
            throw new UsageException("--throttling-base-ms must be at most 1250, got " + base);
        }
        return new SdkSettings(options.path("out"), loopbackEndpoint(options.string("endpoint")),
                Region.of(options.string("region")), options.longValue("seed"), maxAttempts, Duration.ofMillis(base));
    }

    private static void run(Options options) throws Exception {
        SdkRun run = run(settings(options), System.out);
        if (!run.report().allHold()) {
            throw new IllegalStateException("some checks do not hold");
        }
    }

    /**
     * Runs every scenario in both styles, prints the attempts as they happen (they are the progress), the
     * table, the checks and the summary to {@code out}, and writes the CSV file.
     *
     * @param settings what to run
     * @param out where the results go
     * @return what the run produced
     * @throws Exception if dynalite or the proxy cannot start, or the file cannot be written
     */
    public static SdkRun run(SdkSettings settings, PrintStream out) throws Exception {
        out.printf(Locale.ROOT, "%nSDK wrapping: DynamoDB PutItem through a throttling proxy, at most %d attempts, "
                + "seed %d%n", settings.maxAttempts(), settings.seed());
        Dynalite server = null;
        List<CallResult> results = new ArrayList<>();
        try {
            URI upstream = settings.endpoint();
            if (upstream == null) {
                out.println("Starting dynalite (in memory, on 127.0.0.1) as a child process");
                server = Dynalite.start();
                upstream = server.endpoint();
            }
            try (DynamoDbClient direct = DynamoDbClients.local(upstream, settings.region())
                    .overrideConfiguration(o -> o.retryStrategy(AwsRetryPolicies.sdkRetriesOff())).build();
                    ThrottlingProxy proxy = new ThrottlingProxy(upstream)) {
                String table = OrdersTable.create(direct);
                out.printf(Locale.ROOT, "DynamoDB at %s, table %s; the clients send to the proxy at %s%n",
                        upstream, table, proxy.endpoint());
                results.addAll(runScenarios(settings, table, proxy, out));
                direct.deleteTable(b -> b.tableName(table));
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
        SdkReport report = new SdkReport(settings, results);
        out.println("\nResults (waits as the policy drew them; the SDK sleeps them rounded up to whole ms):");
        out.print(report.table());
        out.println("\nChecks:");
        for (Check check : report.checks()) {
            out.println(check.line());
        }
        Path csv = SdkCsv.write(settings.out(), results);
        out.println();
        report.summary().forEach(out::println);
        out.println("  File: " + csv.toAbsolutePath().normalize());
        return new SdkRun(results, report, csv);
    }

    private static List<CallResult> runScenarios(SdkSettings settings, String table, ThrottlingProxy proxy,
            PrintStream out) throws InterruptedException {
        Map<RetryStyle, AttemptLog> logs = new EnumMap<>(RetryStyle.class);
        Map<RetryStyle, StyledClient> clients = new EnumMap<>(RetryStyle.class);
        for (RetryStyle style : RetryStyle.values()) {
            AttemptLog log = new AttemptLog(out, settings);
            logs.put(style, log);
            clients.put(style, StyledClient.create(style, SdkPolicies.policy(settings, style, log), settings,
                    proxy.endpoint()));
        }
        List<CallResult> results = new ArrayList<>();
        try {
            SdkScenario[] scenarios = SdkScenario.values();
            for (int i = 0; i < scenarios.length; i++) {
                SdkScenario scenario = scenarios[i];
                out.printf(Locale.ROOT, "%nScenario %d of %d, %s: %s.%n", i + 1, scenarios.length, scenario.label(),
                        scenario.description());
                for (RetryStyle style : RetryStyle.values()) {
                    results.add(call(scenario, style, clients.get(style), logs.get(style), table, proxy, out));
                }
            }
        } finally {
            clients.values().forEach(StyledClient::close);
        }
        return results;
    }

    private static CallResult call(SdkScenario scenario, RetryStyle style, StyledClient client, AttemptLog log,
            String table, ThrottlingProxy proxy, PrintStream out) throws InterruptedException {
        out.printf(Locale.ROOT, "  %s: %s%n", style.label(), style.description());
        proxy.passEverythingThrough();
        proxy.takeAnswers(0, Duration.ZERO);
        scenario.arm(proxy);
        log.begin();
        long start = System.nanoTime();
        String ending;
        try {
            client.put(scenario.request(table, "order-" + scenario.ordinal() + "-" + style.label()));
            ending = "the item is stored";
        } catch (SdkException e) {
            ending = "the call throws " + e.getClass().getSimpleName();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        List<ThrottlingProxy.Answer> answers = proxy.takeAnswers(log.attempts(), Duration.ofSeconds(2));
        CallResult result = log.end(scenario, style, answers, elapsed);
        out.printf(Locale.ROOT, "    => %s after %d attempt(s) in %,d ms; %s. The proxy saw %d request(s): %s%n",
                result.endReason(), result.attempts(), elapsed.toMillis(), ending, answers.size(),
                answers.stream().map(ThrottlingProxy.Answer::describe).collect(Collectors.joining(", ")));
        return result;
    }

    private static URI loopbackEndpoint(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        URI uri;
        try {
            uri = URI.create(value.strip());
        } catch (IllegalArgumentException e) {
            throw new UsageException("--endpoint is not a URL: " + value);
        }
        if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new UsageException("--endpoint must be an http:// URL of a local DynamoDB, got " + value);
        }
        try {
            if (!InetAddress.getByName(uri.getHost()).isLoopbackAddress()) {
                throw new UsageException("--endpoint must be on this machine (loopback): the example injects "
                        + "faults through a local proxy and never talks to anything else, got " + value);
            }
        } catch (UnknownHostException e) {
            throw new UsageException("--endpoint's host is unknown: " + uri.getHost());
        }
        return uri;
    }
}
