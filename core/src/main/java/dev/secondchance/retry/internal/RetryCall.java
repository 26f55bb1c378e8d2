package dev.secondchance.retry.internal;

import dev.secondchance.internal.Checks;
import dev.secondchance.internal.Durations;
import dev.secondchance.retry.CallTracker;
import dev.secondchance.retry.DeadlineExceededException;
import dev.secondchance.retry.EndReason;
import dev.secondchance.retry.Outcome;
import dev.secondchance.retry.RetryDecision;
import dev.secondchance.retry.RetryListener;
import dev.secondchance.retry.SendSlot;
import dev.secondchance.retry.Verdict;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The decisions of one call, shared by the sync and async loops: classify an attempt's outcome, then
 * either end the call or compute the wait before the next attempt (backoff or server hint, deadline,
 * budget, rate limiter). Attempts of one call run one after another; only {@link #finish} may race with
 * a cancellation, and it lets exactly one end through.
 */
final class RetryCall<T> implements CallTracker<T> {

    private static final Logger LOG = LoggerFactory.getLogger(RetryCall.class);
    private static final VarHandle ENDED;

    static {
        try {
            ENDED = MethodHandles.lookup().findVarHandle(RetryCall.class, "ended", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final PolicyConfig config;
    private final PolicyMetrics metrics;
    private final long startNanos;
    private final Duration deadline;
    private final long deadlineNanos;
    private final boolean hasListeners;
    private final boolean loopAsksLimiter;
    @SuppressWarnings("unused") // set through ENDED
    private volatile boolean ended;
    private int attempts;
    private Duration previousDelay = Duration.ZERO;
    private T lastResult;
    private Throwable lastFailure;

    private RetryCall(PolicyConfig config, PolicyMetrics metrics, Duration deadline, long startNanos,
            boolean loopAsksLimiter) {
        this.config = config;
        this.metrics = metrics;
        this.deadline = deadline;
        this.deadlineNanos = deadline == null ? Long.MAX_VALUE : Durations.saturatedNanos(deadline);
        this.startNanos = startNanos;
        this.hasListeners = !config.listeners().isEmpty();
        this.loopAsksLimiter = loopAsksLimiter;
        metrics.callStarted();
    }

    /**
     * Starts a call of the blocking or the async loop: tells the budget, starts the clock, and leaves the rate
     * limiter to {@link #beforeSend()}, which the loop asks right before each attempt.
     *
     * @param deadline the call's deadline (the policy's, or the shorter of it and the call's own), or null
     */
    static <T> RetryCall<T> forLoop(PolicyConfig config, PolicyMetrics metrics, Duration deadline) {
        config.budget().onCall();
        return new RetryCall<>(config, metrics, deadline, config.ticker().nanoTime(), true);
    }

    /**
     * Continues a fast-path call (no deadline, no limiter, no listener) whose first attempt, already counted
     * by the budget, did not succeed; the clock starts now, and the attempt is counted.
     */
    static <T> RetryCall<T> afterFastFirstAttempt(PolicyConfig config, PolicyMetrics metrics) {
        RetryCall<T> call = new RetryCall<>(config, metrics, null, config.ticker().nanoTime(), true);
        call.attemptStarting();
        return call;
    }

    /**
     * Starts a call whose attempts and waits a pipeline makes ({@link CallTracker}): tells the budget, starts
     * the clock, and reserves the rate limiter's slot when a retry is planned, since the pipeline waits only
     * once per attempt.
     */
    static <T> RetryCall<T> forTracker(PolicyConfig config, PolicyMetrics metrics) {
        config.budget().onCall();
        return new RetryCall<>(config, metrics, config.deadline(), config.ticker().nanoTime(), false);
    }

    /** How long the rate limiter holds the first attempt back; later attempts include it in their delay. */
    @Override
    public Duration firstAttemptDelay() {
        return config.rateLimiter() == null ? Duration.ZERO : config.rateLimiter().reserve();
    }

    /**
     * Asks the rate limiter right before an attempt (loops only, with a limiter): send or ask again after a
     * wait, or the end of the call if the wait would pass the deadline.
     */
    LimiterAnswer<T> beforeSend() {
        SendSlot slot = config.rateLimiter().acquire();
        if (!passesDeadline(slot.waitTime())) {
            return slot.isHeld() ? LimiterAnswer.sendAfter(slot.waitTime()) : LimiterAnswer.askAgainAfter(slot.waitTime());
        }
        if (attempts == 0) {
            lastFailure = new DeadlineExceededException("the rate limiter would hold the first attempt back "
                    + "past the deadline of " + deadline.toMillis() + " ms");
        }
        return LimiterAnswer.ended(end(EndReason.DEADLINE_EXCEEDED).outcome());
    }

    /** Counts the attempt about to start. */
    void attemptStarting() {
        attempts++;
        metrics.attemptStarted(attempts);
    }

    @Override
    public RetryDecision<T> onFailure(Throwable failure, Duration serverHint) {
        Checks.notNull(failure, "failure");
        requireOpen();
        attemptStarting();
        return afterAttempt(null, failure, serverHint);
    }

    @Override
    public RetryDecision<T> onResult(T result) {
        requireOpen();
        attemptStarting();
        return afterAttempt(result, null, null);
    }

    @Override
    public int attempts() {
        return attempts;
    }

    private void requireOpen() {
        if (ended) {
            throw new IllegalStateException("the call has ended; start another with RetryPolicy.track()");
        }
    }

    /**
     * Classifies the attempt that just ended and decides; exactly one of {@code result} and {@code failure}
     * matters, and {@code extraHint} (nullable) is a server hint the caller read itself.
     */
    RetryDecision<T> afterAttempt(T result, Throwable failure, Duration extraHint) {
        lastResult = failure == null ? result : null;
        lastFailure = failure;
        if (failure != null && Interruptions.isInterruption(failure)) {
            return end(EndReason.INTERRUPTED);
        }
        Verdict verdict = config.classifiers().classify(result, failure);
        if (config.rateLimiter() != null) {
            if (verdict.kind() == Verdict.Kind.THROTTLED) {
                config.rateLimiter().onThrottled();
            } else if (verdict.kind() == Verdict.Kind.SUCCESS) {
                config.rateLimiter().onSuccess();
            }
        }
        if (verdict.kind() == Verdict.Kind.SUCCESS) {
            config.budget().onSuccess();
            return end(EndReason.SUCCESS);
        }
        if (hasListeners) {
            int attempt = attempts;
            T returned = lastResult;
            notify(listener -> listener.onAttemptFailed(attempt, returned, failure, verdict));
        }
        return verdict.isRetry() ? planRetry(verdict, extraHint) : end(EndReason.NON_RETRYABLE);
    }

    private RetryDecision<T> planRetry(Verdict verdict, Duration extraHint) {
        if (attempts >= config.maxAttempts()) {
            return end(EndReason.ATTEMPTS_EXHAUSTED);
        }
        boolean throttled = verdict.kind() == Verdict.Kind.THROTTLED;
        Duration delay = (throttled ? config.throttlingBackoff() : config.backoff())
                .delay(attempts, previousDelay, config.random());
        Duration hint = verdict.hasServerHint() ? verdict.serverDelay(config.wallClock().instant()) : null;
        if (extraHint != null && !extraHint.isNegative() && !extraHint.isZero()) {
            hint = hint == null ? extraHint : Durations.longer(hint, extraHint);
        }
        if (hint != null) {
            if (hint.compareTo(config.maxRetryAfter()) > 0) {
                return end(EndReason.HINT_TOO_LONG);
            }
            delay = Durations.roundUpToMillis(Durations.longer(delay, hint));
        }
        if (passesDeadline(delay)) {
            return end(EndReason.DEADLINE_EXCEEDED);
        }
        if (!config.budget().tryAcquireRetry()) {
            return end(EndReason.BUDGET_EXHAUSTED);
        }
        if (config.rateLimiter() != null && !loopAsksLimiter) { // a tracker's pipeline waits only once
            delay = Durations.longer(delay, config.rateLimiter().reserve());
            if (passesDeadline(delay)) {
                return end(EndReason.DEADLINE_EXCEEDED);
            }
        }
        previousDelay = delay;
        if (hasListeners) {
            int next = attempts + 1;
            Duration wait = delay;
            notify(listener -> listener.onRetryScheduled(next, wait, verdict.reason()));
        }
        if (LOG.isDebugEnabled()) {
            LOG.atDebug().setMessage("{}: attempt {} failed ({}), retrying in {} ms").addArgument(config.name())
                    .addArgument(attempts).addArgument(verdict.reason()).addArgument(delay.toMillis()).log();
        }
        return RetryDecision.retryAfter(delay);
    }

    /** Ends the call now, for a reason found outside the classification (interrupt, cancellation). */
    RetryDecision<T> end(EndReason reason) {
        Duration elapsed = Duration.ofNanos(elapsedNanos());
        Outcome<T> outcome = lastFailure != null
                ? Outcome.ofFailure(lastFailure, attempts, reason, elapsed)
                : Outcome.ofResult(lastResult, attempts, reason, elapsed);
        finish(outcome);
        return RetryDecision.end(outcome);
    }

    /** Ends a cancelled call; {@code cancellation} stands in as its failure if no attempt failed yet. */
    void cancel(CancellationException cancellation) {
        if (lastFailure == null && lastResult == null) {
            lastFailure = cancellation;
        }
        end(EndReason.CANCELLED);
    }

    private void finish(Outcome<T> outcome) {
        if (!ENDED.compareAndSet(this, false, true)) {
            return;
        }
        metrics.callEnded(outcome.endReason());
        if (hasListeners) {
            notify(listener -> listener.onEnd(outcome));
        }
        LOG.debug("{}: {}", config.name(), outcome);
    }

    private boolean passesDeadline(Duration delay) {
        return deadline != null && Durations.saturatedNanos(delay) > deadlineNanos - elapsedNanos();
    }

    private long elapsedNanos() {
        return config.ticker().nanoTime() - startNanos;
    }

    private void notify(Consumer<RetryListener> event) {
        for (RetryListener listener : config.listeners()) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                LOG.warn("{}: listener {} threw; ignored", config.name(), listener, e);
            }
        }
    }

}
