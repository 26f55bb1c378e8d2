package dev.secondchance.idempotency.internal;

import dev.secondchance.idempotency.Fingerprint;
import dev.secondchance.idempotency.OperationContext;
import dev.secondchance.idempotency.Resolution;
import dev.secondchance.idempotency.StoreUnavailableException;
import dev.secondchance.internal.Causes;
import dev.secondchance.internal.Sneaky;
import dev.secondchance.retry.Scheduler;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * One call of {@code executeAsync}: makes the store calls and waits that {@link ClaimSteps} decides without
 * parking a thread (store calls run as tasks of the executor's scheduler, waits are scheduled), then owns the
 * claim through {@link OwnedRun} or replays, as {@link Call} does.
 *
 * <p>Cancelling the caller's future stops a wait, and gives back a claim acquired after the cancellation
 * before the operation started. Once the operation has started it is never cancelled from here, and its
 * outcome is recorded as usual: the claim is never released while its effect is unknown.
 */
final class AsyncCall<T> {

    private final ExecutorSettings<T> settings;
    private final StoreCalls storeCalls;
    private final String token;
    private final Function<? super OperationContext, ? extends CompletionStage<? extends T>> operation;
    private final ClaimSteps steps;
    private final CompletableFuture<T> caller = new CompletableFuture<>();
    private final Executor storeThreads;
    private volatile Future<?> poll;

    AsyncCall(ExecutorSettings<T> settings, StoreCalls storeCalls, ClockSkew skew, String token, Fingerprint request,
            Function<? super OperationContext, ? extends CompletionStage<? extends T>> operation) {
        this.settings = settings;
        this.storeCalls = storeCalls;
        this.token = token;
        this.operation = operation;
        this.steps = new ClaimSteps(settings, storeCalls, skew, token, request);
        Scheduler scheduler = settings.scheduler();
        this.storeThreads = task -> scheduler.schedule(task, Duration.ZERO);
    }

    CompletableFuture<T> start() {
        caller.whenComplete((result, failure) -> {
            Future<?> scheduled = poll;
            if (caller.isCancelled() && scheduled != null) {
                scheduled.cancel(false);
            }
            steps.waitEnded(); // a store failure or a cancellation ended the wait
        });
        claim(true);
        return caller;
    }

    private void claim(boolean first) {
        storeCalls.callAsync(token, StoreCalls.CLAIM, steps.claim(), storeThreads, first)
                .whenComplete((claim, failure) -> guard(() -> {
                    ClaimSteps.Next next;
                    try {
                        next = steps.afterClaim(answer(claim, failure));
                    } catch (StoreUnavailableException unavailable) {
                        if (!first) {
                            throw unavailable;
                        }
                        steps.onFirstClaimUnavailable(unavailable);
                        if (!caller.isDone()) {
                            pipe(invoke(new RunContext(token, steps.key(), 0)));
                        }
                        return;
                    }
                    proceed(next);
                }));
    }

    private void read() {
        storeCalls.callAsync(token, StoreCalls.READ, steps.read(), storeThreads, false)
                .whenComplete((record, failure) -> guard(() -> proceed(steps.afterRead(answer(record, failure)))));
    }

    private void proceed(ClaimSteps.Next next) {
        switch (next.kind()) {
            case CLAIM -> {
                if (!caller.isDone()) {
                    claim(false);
                }
            }
            case READ_AFTER -> {
                if (!caller.isDone()) {
                    poll = settings.scheduler().schedule(this::read, next.delay());
                }
            }
            case DONE -> {
                if (next.claim().acquired()) {
                    own(new OwnedRun<>(settings, storeCalls, token, next.claim(), steps.lastClaimSentAt()));
                } else {
                    caller.complete(new Replay<>(settings, token).outcome(next.claim().record()));
                }
            }
        }
    }

    /** @return the store's answer, or throws the store call's failure (a {@link StoreUnavailableException}) */
    private static <R> R answer(R answer, Throwable failure) {
        if (failure != null) {
            throw Sneaky.<RuntimeException>rethrow(Causes.unwrapAsync(failure));
        }
        return answer;
    }

    /** Runs as owner; here on a store thread, since starting may settle an earlier outcome in the store. */
    private void own(OwnedRun<T> run) {
        if (caller.isDone()) {
            run.abandon();
            return;
        }
        Resolution<T> resolved = run.start();
        if (resolved != null) {
            caller.complete(run.succeeded(resolved.result()));
            return;
        }
        CompletionStage<? extends T> stage;
        try {
            stage = invoke(run.context());
        } catch (Throwable failure) { // the operation may have begun before it threw
            run.failed(failure);
            caller.completeExceptionally(failure);
            return;
        }
        stage.whenComplete((result, failure) -> onStoreThread(() -> guard(() -> {
            if (failure != null) {
                Throwable cause = Causes.unwrapAsync(failure);
                run.failed(cause);
                caller.completeExceptionally(cause);
            } else {
                caller.complete(run.succeeded(result));
            }
        })));
    }

    /**
     * Records an outcome on a store thread; if the scheduler refuses the task (shut down), here, since an
     * operation that ran must have its outcome recorded.
     */
    private void onStoreThread(Runnable record) {
        try {
            storeThreads.execute(record);
        } catch (RuntimeException refused) {
            record.run();
        }
    }

    private CompletionStage<? extends T> invoke(RunContext context) {
        return Objects.requireNonNull(operation.apply(context), "the operation returned a null CompletionStage");
    }

    private void pipe(CompletionStage<? extends T> unprotected) {
        unprotected.whenComplete((result, failure) -> {
            if (failure != null) {
                caller.completeExceptionally(Causes.unwrapAsync(failure));
            } else {
                caller.complete(result);
            }
        });
    }

    /** Completes the caller with whatever a step throws, Errors included, so no failure is lost on a pool. */
    private void guard(Runnable step) {
        try {
            step.run();
        } catch (Throwable failure) {
            caller.completeExceptionally(failure);
        }
    }
}
