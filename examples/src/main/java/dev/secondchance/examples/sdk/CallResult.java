package dev.secondchance.examples.sdk;

import dev.secondchance.retry.EndReason;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What one {@code PutItem} call did, as the policy's listener and the proxy saw it.
 *
 * @param scenario what the proxy injected
 * @param style where the library retried
 * @param verdicts the verdict kind of each failed attempt, in order
 * @param waits the wait before each retry, in order
 * @param endReason why the policy ended the call
 * @param attempts attempts the policy counted
 * @param answers what the proxy answered, one per request it received
 * @param elapsed the call's wall-clock time
 */
public record CallResult(SdkScenario scenario, RetryStyle style, List<String> verdicts, List<Duration> waits,
        EndReason endReason, int attempts, List<ThrottlingProxy.Answer> answers, Duration elapsed) {

    /** Copies the lists. */
    public CallResult {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(style, "style");
        Objects.requireNonNull(endReason, "endReason");
        verdicts = List.copyOf(verdicts);
        waits = List.copyOf(waits);
        answers = List.copyOf(answers);
    }

    /** @return the waits in whole milliseconds, rounded up as the SDK sleeps them */
    public List<Long> waitsMillis() {
        return waits.stream().map(w -> (w.toNanos() + 999_999) / 1_000_000).toList();
    }

    /** @return requests the server side received: one per attempt unless something retried unseen */
    public int requests() {
        return answers.size();
    }

    /**
     * @param other the same scenario in the other style
     * @return true if the policy decided the same: verdicts, waits, end reason and attempts
     */
    public boolean sameDecisions(CallResult other) {
        return verdicts.equals(other.verdicts) && waitsMillis().equals(other.waitsMillis())
                && endReason == other.endReason && attempts == other.attempts;
    }
}
