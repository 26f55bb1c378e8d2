package dev.secondchance.examples.payments;

import dev.secondchance.examples.report.Check;
import dev.secondchance.examples.report.TextTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The payments example's table, checks and summary. */
public final class PaymentsReport {

    private final String where;
    private final PaymentsSettings settings;
    private final List<ScenarioResult> results;

    /**
     * @param where where the records were kept, in a few words
     * @param settings the run's settings
     * @param results one result per scenario
     */
    public PaymentsReport(String where, PaymentsSettings settings, List<ScenarioResult> results) {
        this.where = where;
        this.settings = settings;
        this.results = List.copyOf(results);
    }

    /** @return one row per scenario */
    public String table() {
        TextTable table = new TextTable("scenario", "charges", "checks", "time (ms)");
        for (ScenarioResult result : results) {
            table.row(result.name(), result.charges(), result.holds() ? "hold" : "FAIL",
                    String.format(Locale.ROOT, "%,d", result.elapsed().toMillis()));
        }
        return table.render();
    }

    /** @return every scenario's checks, in order */
    public List<Check> checks() {
        return results.stream().flatMap(r -> r.checks().stream()).toList();
    }

    /** @return true if every check holds */
    public boolean allHold() {
        return results.stream().allMatch(ScenarioResult::holds);
    }

    /** @return the summary's lines */
    public List<String> summary() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "IDEMPOTENT PAYMENTS: records in %s, lease %,d ms, %s time:", where,
                settings.lease().toMillis(), settings.simulatedTime() ? "simulated" : "real"));
        for (ScenarioResult result : results) {
            lines.add(String.format(Locale.ROOT, "  %-25s %s", result.name(), result.outcome()));
        }
        lines.add(allHold()
                ? "  Every check holds: one charge per payment, whatever the retries, duplicates and crashes."
                : "  Some checks do NOT hold: see above.");
        return lines;
    }
}
