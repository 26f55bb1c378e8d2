package dev.secondchance.examples.herd.simulated;

import dev.secondchance.retry.Backoff;
import java.util.Objects;

/**
 * A backoff schedule under test in the simulation.
 *
 * @param name the name for the CSV and the chart (no commas)
 * @param label a short label for the console tables
 * @param description what it is, for the help and the report
 * @param backoff the library backoff that computes every wait
 * @param library true for the library's own presets and candidate presets, which the target is about;
 *     false for Brooker's reference schedules
 */
public record Schedule(String name, String label, String description, Backoff backoff, boolean library) {

    /** Checks the fields. */
    public Schedule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(backoff, "backoff");
        if (name.contains(",")) {
            throw new IllegalArgumentException("name must not contain a comma: " + name);
        }
    }
}
