package dev.secondchance.examples.sdk;

import dev.secondchance.examples.report.Check;
import dev.secondchance.examples.report.TextTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The SDK example's table, checks and summary, from the calls it made. */
public final class SdkReport {

    private final SdkSettings settings;
    private final List<CallResult> results;

    /**
     * @param settings the run's settings
     * @param results one result per scenario and style
     */
    public SdkReport(SdkSettings settings, List<CallResult> results) {
        this.settings = settings;
        this.results = List.copyOf(results);
    }

    /** @return one row per call */
    public String table() {
        TextTable table = new TextTable("scenario", "style", "attempts", "requests seen", "waits (ms)", "ended",
                "time (ms)");
        for (CallResult result : results) {
            table.row(result.scenario().label(), result.style().label(), result.attempts(), result.requests(),
                    waits(result), result.endReason(), String.format(Locale.ROOT, "%,d", result.elapsed().toMillis()));
        }
        return table.render();
    }

    /** @return the claims the run checks, with their evidence */
    public List<Check> checks() {
        List<Check> checks = new ArrayList<>();
        List<String> differing = new ArrayList<>();
        for (Map.Entry<SdkScenario, List<CallResult>> entry : byScenario().entrySet()) {
            List<CallResult> calls = entry.getValue();
            for (int i = 1; i < calls.size(); i++) {
                if (!calls.get(0).sameDecisions(calls.get(i))) {
                    differing.add(entry.getKey().label());
                }
            }
        }
        checks.add(new Check("both styles made the same decisions (verdicts, waits, attempts, end)",
                differing.isEmpty(), differing.isEmpty() ? "all " + byScenario().size() + " scenarios"
                        : "differ in " + String.join(", ", differing)));
        List<String> hidden = results.stream().filter(r -> r.requests() != r.attempts())
                .map(r -> r.scenario().label() + "/" + r.style().label() + " " + r.requests() + " vs " + r.attempts())
                .toList();
        checks.add(new Check("the server saw one request per attempt (no retries hidden in the SDK)",
                hidden.isEmpty(), hidden.isEmpty() ? results.stream().mapToInt(CallResult::requests).sum()
                        + " requests for " + results.stream().mapToInt(CallResult::attempts).sum() + " attempts"
                        : String.join("; ", hidden)));
        for (SdkScenario scenario : byScenario().keySet()) {
            SdkScenario.Expected expected = scenario.expected(settings.maxAttempts());
            List<CallResult> calls = byScenario().get(scenario);
            boolean holds = calls.stream().allMatch(r -> r.endReason() == expected.endReason()
                    && r.attempts() == expected.attempts());
            checks.add(new Check(scenario.label() + ": " + expected.endReason() + " after " + expected.attempts()
                    + " attempt(s)", holds, calls.stream()
                    .map(r -> r.style().label() + " " + r.endReason() + " after " + r.attempts())
                    .collect(Collectors.joining(", "))));
        }
        return checks;
    }

    /** @return true if every check holds */
    public boolean allHold() {
        return checks().stream().allMatch(Check::holds);
    }

    /** @return the summary's lines */
    public List<String> summary() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "SDK WRAPPING: PutItem on DynamoDB (dynalite) behind a throttling proxy, "
                + "at most %d attempts, throttling waits from [0, min(5 s, %,d ms × 4^(n-1))), seed %d:",
                settings.maxAttempts(), settings.throttlingBase().toMillis() * 4, settings.seed()));
        for (Map.Entry<SdkScenario, List<CallResult>> entry : byScenario().entrySet()) {
            CallResult first = entry.getValue().get(0);
            boolean same = entry.getValue().stream().allMatch(first::sameDecisions);
            lines.add(String.format(Locale.ROOT, "  %-17s %s after %d attempt(s)%s; %s", entry.getKey().label(),
                    first.endReason(), first.attempts(),
                    first.waits().isEmpty() ? "" : ", waited " + waits(first).replace(", ", " + ") + " ms",
                    same ? "the same in both styles" : "the styles DIFFER: see the table"));
        }
        lines.add(allHold() ? "  Every check holds: wrapping the call and plugging the policy into the SDK decide "
                + "alike, and only once." : "  Some checks do NOT hold: see above.");
        return lines;
    }

    private Map<SdkScenario, List<CallResult>> byScenario() {
        return results.stream().collect(Collectors.groupingBy(CallResult::scenario,
                () -> new java.util.EnumMap<>(SdkScenario.class), Collectors.toList()));
    }

    private static String waits(CallResult result) {
        return result.waitsMillis().isEmpty() ? "-"
                : result.waitsMillis().stream().map(w -> String.format(Locale.ROOT, "%,d", w))
                        .collect(Collectors.joining(", "));
    }
}
