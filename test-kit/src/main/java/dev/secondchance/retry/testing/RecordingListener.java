package dev.secondchance.retry.testing;

import dev.secondchance.retry.Outcome;
import dev.secondchance.retry.RetryListener;
import dev.secondchance.retry.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link RetryListener} that records what a policy reports, for assertions: add it with
 * {@code builder.listener(listener)}, run the code under test, then look at {@link #events()},
 * {@link #delays()}, {@link #verdicts()} or {@link #outcomes()}. Thread-safe; the lists are snapshots in the
 * order the policy reported.
 *
 * <pre>{@code
 * assertEquals(List.of("failed 1 RETRY", "retry 2 after 100 ms", "end SUCCESS after 2"), listener.events());
 * }</pre>
 */
public final class RecordingListener implements RetryListener {

    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<Duration> delays = new CopyOnWriteArrayList<>();
    private final List<Verdict> verdicts = new CopyOnWriteArrayList<>();
    private final List<Outcome<?>> outcomes = new CopyOnWriteArrayList<>();

    /** Makes a listener that has recorded nothing yet. */
    public RecordingListener() {}

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

    /**
     * Every event as one line of text: {@code "failed <attempt> <verdict kind>"},
     * {@code "retry <next attempt> after <delay> ms"} and {@code "end <end reason> after <attempts>"}.
     *
     * @return the events so far, in order
     */
    public List<String> events() {
        return List.copyOf(events);
    }

    /**
     * The waits of the scheduled retries, as the policy computed them (backoff, server hint, rate limiter).
     *
     * @return the delays so far, in order
     */
    public List<Duration> delays() {
        return List.copyOf(delays);
    }

    /**
     * How each failed attempt was classified.
     *
     * @return the verdicts so far, in order
     */
    public List<Verdict> verdicts() {
        return List.copyOf(verdicts);
    }

    /**
     * How each call ended, with its attempts and end reason.
     *
     * @return the outcomes so far, in order
     */
    public List<Outcome<?>> outcomes() {
        return List.copyOf(outcomes);
    }

    /**
     * The outcome of the last call that ended.
     *
     * @return the last outcome
     * @throws IllegalStateException if no call has ended yet
     */
    public Outcome<?> lastOutcome() {
        List<Outcome<?>> ended = outcomes();
        if (ended.isEmpty()) {
            throw new IllegalStateException("no call has ended yet");
        }
        return ended.get(ended.size() - 1);
    }

    /** Forgets everything recorded so far. */
    public void clear() {
        events.clear();
        delays.clear();
        verdicts.clear();
        outcomes.clear();
    }
}
