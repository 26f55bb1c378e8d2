package dev.secondchance.examples.sdk;

import dev.secondchance.retry.EndReason;
import dev.secondchance.retry.Outcome;
import dev.secondchance.retry.RetryListener;
import dev.secondchance.retry.Verdict;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * A {@link RetryListener} that prints, as it happens, what each attempt of the current call did and why the
 * policy retried or stopped, and records it for the summary. One call at a time: {@link #begin()} before it,
 * {@link #end} after it. Thread-safe (a short lock).
 */
public final class AttemptLog implements RetryListener {

    private final PrintStream out;
    private final SdkSettings settings;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<String> verdicts = new ArrayList<>();
    private final List<Duration> waits = new ArrayList<>();
    private long start;
    private String pending;
    private Verdict.Kind pendingKind;
    private Outcome<?> outcome;

    /**
     * @param out where the attempts are printed
     * @param settings the example's settings, to explain the waits
     */
    public AttemptLog(PrintStream out, SdkSettings settings) {
        this.out = out;
        this.settings = settings;
    }

    /** Starts recording a call. */
    public void begin() {
        lock.lock();
        try {
            verdicts.clear();
            waits.clear();
            pending = null;
            outcome = null;
            start = System.nanoTime();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void onAttemptFailed(int attempt, Object result, Throwable failure, Verdict verdict) {
        lock.lock();
        try {
            verdicts.add(verdict.kind().name());
            pending = String.format(Locale.ROOT, "    %s  attempt %d: %-46s -> %s (%s)", at(), attempt,
                    describe(failure), verdict.kind(), verdict.reason());
            pendingKind = verdict.kind();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void onRetryScheduled(int nextAttempt, Duration delay, String reason) {
        lock.lock();
        try {
            waits.add(delay);
            int failures = nextAttempt - 1;
            out.println(pending);
            out.printf(Locale.ROOT, "    %s             wait %,d ms, drawn from [0, %,d ms): %s, failure %d%n",
                    " ".repeat(at().length()), millis(delay),
                    SdkPolicies.window(settings, pendingKind, failures).toMillis(),
                    pendingKind == Verdict.Kind.THROTTLED ? "throttling backoff" : "backoff", failures);
            pending = null;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void onEnd(Outcome<?> ended) {
        lock.lock();
        try {
            outcome = ended;
            if (pending != null) {
                out.println(pending);
                out.printf(Locale.ROOT, "    %s             no retry: %s%n", " ".repeat(at().length()),
                        why(ended.endReason()));
                pending = null;
            } else if (ended.isSuccess()) {
                out.printf(Locale.ROOT, "    %s  attempt %d: %-46s -> SUCCESS%n", at(), ended.attempts(), "HTTP 200");
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Ends the record of the current call.
     *
     * @param scenario the scenario it ran
     * @param style the style it ran in
     * @param answers what the proxy answered
     * @param elapsed how long the call took
     * @return the call's result
     * @throws IllegalStateException if the policy did not report the call's end
     */
    public CallResult end(SdkScenario scenario, RetryStyle style, List<ThrottlingProxy.Answer> answers,
            Duration elapsed) {
        lock.lock();
        try {
            if (outcome == null) {
                throw new IllegalStateException("the policy did not report the end of the call");
            }
            return new CallResult(scenario, style, verdicts, waits, outcome.endReason(), outcome.attempts(), answers,
                    elapsed);
        } finally {
            lock.unlock();
        }
    }

    /** @return the number of attempts the policy reported for the current call so far */
    public int attempts() {
        lock.lock();
        try {
            return outcome != null ? outcome.attempts() : verdicts.size();
        } finally {
            lock.unlock();
        }
    }

    private String at() {
        return String.format(Locale.ROOT, "+%,6d ms", (System.nanoTime() - start) / 1_000_000);
    }

    private static long millis(Duration delay) {
        return (delay.toNanos() + 999_999) / 1_000_000;
    }

    private static String describe(Throwable failure) {
        if (failure instanceof AwsServiceException e) {
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            return "HTTP " + e.statusCode() + (code == null ? "" : " " + code);
        }
        return failure == null ? "a retryable result" : failure.getClass().getSimpleName();
    }

    private static String why(EndReason reason) {
        return switch (reason) {
            case ATTEMPTS_EXHAUSTED -> "ATTEMPTS_EXHAUSTED, the attempt limit is reached";
            case NON_RETRYABLE -> "NON_RETRYABLE, a retry cannot help";
            case BUDGET_EXHAUSTED -> "BUDGET_EXHAUSTED, the shared retry budget is spent";
            case DEADLINE_EXCEEDED -> "DEADLINE_EXCEEDED, the next wait would end after the deadline";
            case HINT_TOO_LONG -> "HINT_TOO_LONG, the server asked for a longer wait than allowed";
            default -> reason.name();
        };
    }
}
