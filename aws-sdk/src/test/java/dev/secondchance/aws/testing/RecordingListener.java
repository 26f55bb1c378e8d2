package dev.secondchance.aws.testing;

import dev.secondchance.retry.Outcome;
import dev.secondchance.retry.RetryListener;
import dev.secondchance.retry.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what a strategy or policy reports. Thread-safe. */
public final class RecordingListener implements RetryListener {

    /** One event, as text, for simple assertions. */
    public final List<String> events = new CopyOnWriteArrayList<>();
    /** The delays of scheduled retries, in order. */
    public final List<Duration> delays = new CopyOnWriteArrayList<>();
    /** The verdicts of failed attempts, in order. */
    public final List<Verdict> verdicts = new CopyOnWriteArrayList<>();
    /** The outcomes of ended calls, in order. */
    public final List<Outcome<?>> outcomes = new CopyOnWriteArrayList<>();

    @Override
    public void onAttemptFailed(int attempt, Object result, Throwable failure, Verdict verdict) {
        verdicts.add(verdict);
        events.add("failed " + attempt + " " + verdict.kind());
    }

    @Override
    public void onRetryScheduled(int nextAttempt, Duration delay, String reason) {
        delays.add(delay);
        events.add("retry " + nextAttempt + " after " + delay.toMillis() + " ms");
    }

    @Override
    public void onEnd(Outcome<?> outcome) {
        outcomes.add(outcome);
        events.add("end " + outcome.endReason() + " after " + outcome.attempts());
    }
}
