package dev.secondchance.retry.internal;

import dev.secondchance.internal.Checks;
import dev.secondchance.internal.Durations;
import dev.secondchance.internal.Sneaky;
import dev.secondchance.retry.Backoff;
import dev.secondchance.retry.CallTracker;
import dev.secondchance.retry.DeadlineExceededException;
import dev.secondchance.retry.DelaySource;
import dev.secondchance.retry.EndReason;
import dev.secondchance.retry.HintRule;
import dev.secondchance.retry.Outcome;
import dev.secondchance.retry.RetriesEnded;
import dev.secondchance.retry.RetryDecision;
import dev.secondchance.retry.RetryInterruptedException;
import dev.secondchance.retry.RetryListener;
import dev.secondchance.retry.SendSlot;
import dev.secondchance.retry.Verdict;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The decisions of one call, shared by the sync and async loops and the tracker: classify an attempt's
 * outcome, then either end the call or compute the wait before the next attempt (backoff or server hint,
 * deadline, budget, rate limiter). Attempts of one call run one after another; only {@link #endNow} may race
 * with a cancellation, and it lets exactly one end through.
 *
 * <p>The loops speak in nanoseconds ({@link #decide} answers a delay or {@link #ENDED}) and build an
 * {@link Outcome} only when someone asks for it, so a blocking call allocates nothing but this object.
 */
final class RetryCall<T> implements CallTracker<T> {

    /** What {@link #decide} answers when the call has ended. */
    static final long ENDED = -1L;

    private static final Logger LOG = LoggerFactory.getLogger(RetryCall.class);
    private static final VarHandle FINISHED;

    static {
        try {
            FINISHED = MethodHandles.lookup().findVarHandle(RetryCall.class, "finished", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final PolicyConfig config;
    private final PolicyMetrics metrics;
    /** This call's listener (the policy's listeners as one, or what they answered to the call's start), or null. */
    private final RetryListener listener;
    /** With a listener: when the current attempt started (for a tracker, when the previous one was decided). */
    private long attemptStartNanos;
    /**
     * The ticker's reading at the start; once the call has ended, its elapsed time (one field, not two). An
     * untimed call adds up its completed waits here instead.
     */
    private long startNanos;
    private final long deadlineNanos;
    private final boolean loopAsksLimiter;
    /**
     * True on the fast path without listener, whose outcome only a {@code RetryInterruptedException} shows:
     * such a call reads no clock, and reports the waits it completed as its elapsed time.
     */
    private boolean untimed;
    /** Set once, by {@link #endNow}; atomically (FINISHED) where a cancellation may race with the end. */
    private boolean finished;
    private final boolean endMayRace;
    private int attempts;
    private long previousDelayNanos;
    private T lastResult;
    private Throwable lastFailure;
    private EndReason endReason;

    private RetryCall(PolicyConfig config, PolicyMetrics metrics, Duration deadline, long startNanos,
            boolean loopAsksLimiter, boolean endMayRace, RetryListener listener) {
        this.config = config;
        this.listener = listener;
        this.attemptStartNanos = startNanos;
        this.endMayRace = endMayRace;
        this.metrics = metrics;
        this.deadlineNanos = deadline == null ? Long.MAX_VALUE : Durations.saturatedNanos(deadline);
        this.startNanos = startNanos;
        this.loopAsksLimiter = loopAsksLimiter;
        metrics.callStarted();
    }

    /**
     * Starts a call of the blocking loop: tells the budget, starts the clock, and leaves the rate limiter to
     * {@link #beforeSend()}, which the loop asks right before each attempt. One thread makes every step.
     *
     * @param deadline the call's deadline (the policy's, or the shorter of it and the call's own), or null
     */
    static <T> RetryCall<T> forBlockingLoop(PolicyConfig config, PolicyMetrics metrics, Duration deadline) {
        config.budget().onCall();
        return new RetryCall<>(config, metrics, deadline, config.ticker().nanoTime(), true, false, started(config));
    }

    /**
     * Starts a call of the non-blocking loop, as {@link #forBlockingLoop}, whose end may race with the caller's
     * cancellation on another thread.
     */
    static <T> RetryCall<T> forAsyncLoop(PolicyConfig config, PolicyMetrics metrics, Duration deadline) {
        config.budget().onCall();
        return new RetryCall<>(config, metrics, deadline, config.ticker().nanoTime(), true, true, started(config));
    }

    /**
     * Continues a fast-path call (no deadline, no limiter) whose first attempt, already counted by the budget,
     * did not succeed; the attempt is counted. With listeners ({@code listener}, already told of the call's
     * start and of its first attempt) the clock started at {@code startNanos}; without, the call is untimed.
     */
    static <T> RetryCall<T> afterFastFirstAttempt(PolicyConfig config, PolicyMetrics metrics, RetryListener listener,
            long startNanos) {
        RetryCall<T> call = new RetryCall<>(config, metrics, null, listener == null ? 0 : startNanos, true, false,
                listener);
        call.untimed = listener == null;
        call.attempts = 1;
        metrics.attemptStarted(1);
        return call;
    }

    private static RetryListener started(PolicyConfig config) {
        return config.listener() == null ? null : config.listener().onCallStarted();
    }

    /**
     * Starts a call whose attempts and waits a pipeline makes ({@link CallTracker}): tells the budget, starts
     * the clock, and reserves the rate limiter's slot when a retry is planned, since the pipeline waits only
     * once per attempt.
     */
    static <T> RetryCall<T> forTracker(PolicyConfig config, PolicyMetrics metrics) {
        config.budget().onCall();
        return new RetryCall<>(config, metrics, config.deadline(), config.ticker().nanoTime(), false, true,
                started(config));
    }

    /** How long the rate limiter holds the first attempt back; later attempts include it in their delay. */
    @Override
    public Duration firstAttemptDelay() {
        return config.rateLimiter() == null ? Duration.ZERO : config.rateLimiter().reserve(config.random());
    }

    /**
     * Asks the rate limiter right before an attempt (loops only, with a limiter): send or ask again after a
     * wait, or the end of the call if the wait would pass the deadline.
     */
    LimiterAnswer<T> beforeSend() {
        SendSlot slot = config.rateLimiter().acquire(config.random());
        long waitNanos = Durations.saturatedNanos(slot.waitTime());
        if (!passesDeadline(waitNanos)) {
            if (listener != null && waitNanos > 0) {
                listener.onLimiterWait(attempts + 1, waitNanos, slot.isHeld());
            }
            return slot.isHeld() ? LimiterAnswer.sendAfter(slot.waitTime()) : LimiterAnswer.askAgainAfter(slot.waitTime());
        }
        if (attempts == 0) {
            lastFailure = new DeadlineExceededException("the rate limiter would hold the first attempt back "
                    + "past the deadline of " + Duration.ofNanos(deadlineNanos).toMillis() + " ms");
        }
        endNow(EndReason.DEADLINE_EXCEEDED);
        return LimiterAnswer.ended(outcome());
    }

    /** Counts the attempt about to start. */
    void attemptStarting() {
        if (listener != null) {
            attemptStartNanos = config.ticker().nanoTime();
        }
        attemptCounted();
    }

    private void attemptCounted() {
        attempts++;
        metrics.attemptStarted(attempts);
        if (listener != null) {
            listener.onAttemptStarted(attempts, previousDelayNanos);
        }
    }

    @Override
    public RetryDecision<T> onFailure(Throwable failure, Duration serverHint) {
        Checks.notNull(failure, "failure");
        requireOpen();
        attemptCounted();
        return afterAttempt(null, failure, serverHint);
    }

    @Override
    public RetryDecision<T> onResult(T result) {
        requireOpen();
        attemptCounted();
        return afterAttempt(result, null, null);
    }

    @Override
    public int attempts() {
        return attempts;
    }

    private void requireOpen() {
        if ((boolean) FINISHED.getVolatile(this)) {
            throw new IllegalStateException("the call has ended; start another with RetryPolicy.track()");
        }
    }

    /** {@link #decide} as a {@link RetryDecision}, for the tracker and the async loop. */
    RetryDecision<T> afterAttempt(T result, Throwable failure, Duration extraHint) {
        long delay = decide(result, failure, extraHint);
        return delay == ENDED ? RetryDecision.end(outcome()) : RetryDecision.retryAfter(Duration.ofNanos(delay));
    }

    /**
     * Classifies the attempt that just ended and decides; exactly one of {@code result} and {@code failure}
     * matters, and {@code extraHint} (nullable) is a server hint the caller read itself.
     *
     * @return the wait before the next attempt in nanoseconds, or {@link #ENDED}
     */
    long decide(T result, Throwable failure, Duration extraHint) {
        lastResult = failure == null ? result : null;
        lastFailure = failure;
        if (failure != null && Interruptions.isInterruption(failure)) {
            return endNow(EndReason.INTERRUPTED);
        }
        Verdict verdict = config.classifiers().classify(result, failure);
        if (listener != null) {
            long now = config.ticker().nanoTime();
            listener.onAttemptEnded(attempts, now - attemptStartNanos, verdict, lastResult, failure);
            attemptStartNanos = now;
        }
        if (config.rateLimiter() != null) {
            if (verdict.kind() == Verdict.Kind.THROTTLED) {
                config.rateLimiter().onThrottled();
            } else if (verdict.kind() == Verdict.Kind.SUCCESS) {
                config.rateLimiter().onSuccess();
            }
        }
        if (verdict.kind() == Verdict.Kind.SUCCESS) {
            config.budget().onSuccess();
            return endNow(EndReason.SUCCESS);
        }
        return verdict.isRetry() ? planRetry(verdict, extraHint) : endNow(EndReason.NON_RETRYABLE);
    }

    private long planRetry(Verdict verdict, Duration extraHint) {
        if (attempts >= config.maxAttempts()) {
            return endNow(EndReason.ATTEMPTS_EXHAUSTED);
        }
        Duration hint = verdict.hasServerHint() ? verdict.serverDelay(config.wallClock().instant()) : null;
        if (extraHint != null && !extraHint.isNegative() && !extraHint.isZero()) {
            hint = hint == null ? extraHint : Durations.longer(hint, extraHint);
        }
        boolean spread = hint != null && config.hintRule() == HintRule.SPREAD;
        long delay = spread ? spreadNanos() : backoffNanos(verdict.kind() == Verdict.Kind.THROTTLED
                ? config.throttlingBackoff() : config.backoff());
        DelaySource source = verdict.kind() == Verdict.Kind.THROTTLED ? DelaySource.THROTTLING_BACKOFF : DelaySource.BACKOFF;
        if (hint != null) {
            if (hint.compareTo(config.maxRetryAfter()) > 0) {
                return endNow(EndReason.HINT_TOO_LONG);
            }
            if (config.hintRule() == HintRule.SPREAD || Durations.saturatedNanos(hint) > delay) {
                source = DelaySource.SERVER_HINT;
            }
            Duration hinted = config.hintRule().delay(Duration.ofNanos(delay), hint);
            delay = Durations.saturatedNanos(Durations.roundUpToMillis(hinted));
        }
        if (passesDeadline(delay)) {
            return endNow(EndReason.DEADLINE_EXCEEDED);
        }
        if (!config.budget().tryAcquireRetry(verdict.kind())) {
            return endNow(EndReason.BUDGET_EXHAUSTED);
        }
        if (config.rateLimiter() != null && !loopAsksLimiter) { // a tracker's pipeline waits only once
            long reserved = Durations.saturatedNanos(config.rateLimiter().reserve(config.random()));
            source = reserved > delay ? DelaySource.RATE_LIMITER : source;
            delay = Math.max(delay, reserved);
            if (passesDeadline(delay)) {
                return endNow(EndReason.DEADLINE_EXCEEDED);
            }
        }
        previousDelayNanos = delay;
        if (listener != null) {
            listener.onRetryScheduled(attempts + 1, delay, source, verdict);
        }
        if (LOG.isDebugEnabled()) {
            LOG.atDebug().setMessage("{}: attempt {} failed ({}), retrying in {} ms").addArgument(config.name())
                    .addArgument(attempts).addArgument(verdict.reason()).addArgument(delay / 1_000_000).log();
        }
        return delay;
    }

    /**
     * The spread after a hint under {@link HintRule#SPREAD}: uniform over the throttling backoff's longest delay.
     * Every client rejected in the same moment got the same hint, and after an outage that is all of them, so
     * the spread must not depend on how many failures this call has seen.
     */
    private long spreadNanos() {
        long window = Durations.saturatedNanos(config.throttlingBackoff().maxDelay());
        return (long) (config.random().nextDouble() * window);
    }

    private long backoffNanos(Backoff backoff) {
        if (backoff instanceof ExponentialBackoff exponential) {
            return exponential.delayNanos(attempts, config.random());
        }
        Duration previous = previousDelayNanos == 0 || backoff instanceof FixedBackoff
                ? Duration.ZERO : Duration.ofNanos(previousDelayNanos);
        return Durations.saturatedNanos(backoff.delay(attempts, previous, config.random()));
    }

    /**
     * Ends the call now with {@code reason} (a decision, or an interrupt or cancellation found outside the
     * classification); a call that has already ended keeps its first end.
     *
     * @return {@link #ENDED}
     */
    long endNow(EndReason reason) {
        if (endMayRace ? FINISHED.compareAndSet(this, false, true) : !finished && (finished = true)) {
            endReason = reason;
            if (!untimed) {
                startNanos = config.ticker().nanoTime() - startNanos;
            }
            report(LOG.isDebugEnabled());
        }
        return ENDED;
    }

    /** Tells the call that a wait of the loop's has passed: an untimed call counts it as elapsed time. */
    void waited(long delayNanos) {
        if (untimed) {
            startNanos = Math.max(startNanos, startNanos + delayNanos); // saturates instead of overflowing
        }
    }

    /** Ends a cancelled call; {@code cancellation} stands in as its failure if no attempt failed yet. */
    void cancel(CancellationException cancellation) {
        if (lastFailure == null && lastResult == null) {
            lastFailure = cancellation;
        }
        endNow(EndReason.CANCELLED);
    }

    /** @return the ended call's outcome, built on demand */
    Outcome<T> outcome() {
        Duration elapsed = Duration.ofNanos(startNanos);
        return lastFailure != null
                ? Outcome.ofFailure(lastFailure, attempts, endReason, elapsed)
                : Outcome.ofResult(lastResult, attempts, endReason, elapsed);
    }

    /**
     * The ended call's answer to {@code call}: its result, or its last failure thrown as it is, carrying a
     * {@link RetriesEnded} record; an interrupt between attempts is a {@link RetryInterruptedException}.
     */
    T resultOrThrow() {
        boolean operationInterrupted = lastFailure != null && Interruptions.isInterruption(lastFailure);
        if (endReason == EndReason.INTERRUPTED && !operationInterrupted) {
            throw new RetryInterruptedException(outcome());
        }
        if (lastFailure == null) {
            return lastResult;
        }
        throw Sneaky.<RuntimeException>rethrow(withRecord(lastFailure, attempts, endReason));
    }

    /** {@code failure}, carrying a {@link RetriesEnded} record unless it already has one. */
    static Throwable withRecord(Throwable failure, int attempts, EndReason reason) {
        if (RetriesEnded.of(failure).isEmpty()) {
            failure.addSuppressed(new RetriesEnded(attempts, reason));
        }
        return failure;
    }

    private void report(boolean debug) {
        metrics.callEnded(endReason);
        if (listener != null) {
            listener.onCallEnded(endReason, attempts, startNanos, lastFailure == null ? lastResult : null, lastFailure);
        }
        if (debug) {
            LOG.debug("{}: {}", config.name(), outcome());
        }
    }

    private boolean passesDeadline(long delayNanos) {
        return deadlineNanos != Long.MAX_VALUE && delayNanos > deadlineNanos - elapsedNanos();
    }

    private long elapsedNanos() {
        return config.ticker().nanoTime() - startNanos;
    }
}
