package dev.secondchance.retry.internal;

import dev.secondchance.internal.Causes;
import dev.secondchance.retry.Outcome;
import dev.secondchance.retry.RetryDecision;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The non-blocking loop: each wait is a task on the policy's scheduler, each attempt a stage. When the
 * caller's future is cancelled, the scheduled retry and the attempt in flight are cancelled too.
 */
final class AsyncRetry<T> {

    private final PolicyConfig config;
    private final Supplier<? extends CompletionStage<T>> operation;
    private final CompletableFuture<?> caller;
    private final Consumer<Outcome<T>> onEnd;
    private final RetryCall<T> call;
    private volatile Future<?> timer;
    private volatile CompletableFuture<T> inFlight;

    private AsyncRetry(PolicyConfig config, PolicyMetrics metrics, Duration deadline,
            Supplier<? extends CompletionStage<T>> operation, CompletableFuture<?> caller, Consumer<Outcome<T>> onEnd) {
        this.config = config;
        this.operation = operation;
        this.caller = caller;
        this.onEnd = onEnd;
        this.call = RetryCall.forAsyncLoop(config, metrics, deadline);
    }

    /** Starts the loop; {@code onEnd} receives the outcome unless {@code caller} is cancelled first. */
    static <T> void start(PolicyConfig config, PolicyMetrics metrics, Duration deadline,
            Supplier<? extends CompletionStage<T>> operation, CompletableFuture<?> caller, Consumer<Outcome<T>> onEnd) {
        AsyncRetry<T> retry = new AsyncRetry<>(config, metrics, deadline, operation, caller, onEnd);
        caller.whenComplete((ignored, failure) -> {
            if (caller.isCancelled()) {
                retry.cancel();
            }
        });
        retry.pace();
    }

    /** Asks the rate limiter, if there is one, then attempts now or after a scheduled wait. */
    private void pace() {
        if (caller.isDone()) {
            return;
        }
        if (config.rateLimiter() == null) {
            attempt();
            return;
        }
        LimiterAnswer<T> answer = call.beforeSend();
        if (answer.ended() != null) {
            onEnd.accept(answer.ended());
        } else if (!answer.slotHeld()) {
            schedule(this::pace, answer.delay());
        } else if (answer.delay().isZero()) {
            attempt();
        } else {
            schedule(this::attempt, answer.delay());
        }
    }

    /** Every retry goes through the scheduler, even at zero delay, so that the stack never grows. */
    private void schedule(Runnable task, Duration delay) {
        timer = config.scheduler().schedule(task, delay);
        if (caller.isDone()) {
            timer.cancel(false);
        }
    }

    private void attempt() {
        if (caller.isDone()) {
            return;
        }
        call.attemptStarting();
        CompletableFuture<T> attempt;
        try {
            attempt = operation.get().toCompletableFuture();
        } catch (Throwable thrown) { // a synchronous throw is a failed attempt
            handle(null, thrown);
            return;
        }
        inFlight = attempt;
        if (caller.isDone()) {
            attempt.cancel(true);
            return;
        }
        attempt.whenComplete((result, failure) -> handle(result, Causes.unwrapAsync(failure)));
    }

    private void handle(T result, Throwable failure) {
        if (caller.isDone()) {
            return;
        }
        RetryDecision<T> step = call.afterAttempt(result, failure, null);
        if (!step.isRetry()) {
            onEnd.accept(step.outcome());
        } else {
            schedule(this::pace, step.delay());
        }
    }

    private void cancel() {
        Future<?> scheduled = timer;
        if (scheduled != null) {
            scheduled.cancel(false);
        }
        CompletableFuture<T> running = inFlight;
        if (running != null) {
            running.cancel(true);
        }
        call.cancel(new CancellationException("cancelled by the caller"));
    }

}
