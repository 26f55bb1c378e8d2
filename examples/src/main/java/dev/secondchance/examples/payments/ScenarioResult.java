package dev.secondchance.examples.payments;

import dev.secondchance.examples.report.Check;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What one payments scenario showed.
 *
 * @param name the scenario's name
 * @param charges how many times the scenario's order was charged
 * @param outcome one line for the summary
 * @param checks the claims it checks
 * @param elapsed how long it took on the run's time line
 */
public record ScenarioResult(String name, int charges, String outcome, List<Check> checks, Duration elapsed) {

    /** Copies the list. */
    public ScenarioResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(elapsed, "elapsed");
        checks = List.copyOf(checks);
    }

    /** @return true if every check holds */
    public boolean holds() {
        return checks.stream().allMatch(Check::holds);
    }
}
