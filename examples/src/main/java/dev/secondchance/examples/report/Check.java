package dev.secondchance.examples.report;

import java.util.Objects;

/**
 * A claim about the measured results, whether it holds, and the numbers behind it.
 *
 * @param claim what is claimed, for example "full jitter needs less than half the calls of exponential"
 * @param holds whether the measurements support it
 * @param evidence the numbers, for example "796 vs 1,862 (0.43 x)"
 */
public record Check(String claim, boolean holds, String evidence) {

    /** Checks the fields. */
    public Check {
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(evidence, "evidence");
    }

    /** @return one line: a mark, the claim and the evidence */
    public String line() {
        return (holds ? "  [yes] " : "  [NO]  ") + claim + ": " + evidence;
    }
}
