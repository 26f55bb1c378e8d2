package dev.secondchance.retry.internal;

import dev.secondchance.internal.Checks;
import dev.secondchance.retry.AdaptiveRateLimiter;
import dev.secondchance.retry.CallOptions;
import dev.secondchance.retry.CallTracker;
import dev.secondchance.retry.CheckedRunnable;
import dev.secondchance.retry.CheckedSupplier;
import dev.secondchance.retry.EndReason;
import dev.secondchance.retry.Outcome;
import dev.secondchance.retry.RetryBudget;
import dev.secondchance.retry.RetryClassifier;
import dev.secondchance.retry.RetryListener;
import dev.secondchance.retry.RetryMetrics;
import dev.secondchance.retry.RetryPolicy;
import dev.secondchance.retry.RetryPolicyBuilder;
import dev.secondchance.retry.Verdict;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/** The policy: immutable settings plus thread-safe counters; each call gets its own {@link RetryCall}. */
public final class DefaultRetryPolicy implements RetryPolicy {

    private final PolicyConfig config;
    private final PolicyMetrics metrics;
    private final boolean fastPath;
    /** On the fast path: whether a listener must see the call from its start (else from its first failure). */
    private final boolean listenersSeeFirstAttempt;
    private final RetryBudget budget;

    public DefaultRetryPolicy(PolicyConfig config) {
        this(config, new PolicyMetrics(config.recordMetrics()));
    }

    private DefaultRetryPolicy(PolicyConfig config, PolicyMetrics metrics) {
        this.config = config;
        this.metrics = metrics;
        this.fastPath = config.deadline() == null && config.rateLimiter() == null;
        this.listenersSeeFirstAttempt = config.listeners().stream()
                .anyMatch(RetryListener::observesFirstAttemptSuccesses);
        this.budget = config.budget();
    }


    @Override
    public <T, E extends Exception> T call(CheckedSupplier<T, E> operation) throws E {
        Checks.notNull(operation, "operation");
        if (!fastPath) {
            return SyncRetry.run(config, metrics, config.deadline(), operation).resultOrThrow();
        }
        if (listenersSeeFirstAttempt) {
            return callSeen(config.listener().onCallStarted(), operation);
        }
        // Nothing to time, limit or report before the first attempt: make it without allocating or reading the
        // ticker. Should it not succeed, listeners hear of the call and time it from then on
        // (RetryListener#observesFirstAttemptSuccesses); without listeners it is never timed (Outcome#elapsed).
        budget.onCall();
        T result;
        try {
            result = operation.get();
        } catch (Throwable failure) {
            return resume(operation, null, failure);
        }
        if (config.classifiers().ofResult(result).kind() == Verdict.Kind.SUCCESS) {
            budget.onSuccess();
            metrics.firstTrySucceeded();
            return result;
        }
        return resume(operation, result, null);
    }

    /** Continues a fast-path call whose first attempt did not succeed; its listeners hear of it from now. */
    private <T, E extends Exception> T resume(CheckedSupplier<T, E> operation, T result, Throwable failure) throws E {
        RetryListener listener = null;
        long start = 0;
        if (config.listener() != null) {
            listener = config.listener().onCallStarted();
            start = config.ticker().nanoTime();
            listener.onAttemptStarted(1, 0);
        }
        return SyncRetry.resume(config, metrics, operation, result, failure, listener, start).resultOrThrow();
    }

    /** The fast path with listeners: two ticker reads and the events, still without allocating. */
    private <T, E extends Exception> T callSeen(RetryListener listener, CheckedSupplier<T, E> operation) throws E {
        long start = config.ticker().nanoTime();
        budget.onCall();
        listener.onAttemptStarted(1, 0);
        T result;
        try {
            result = operation.get();
        } catch (Throwable failure) {
            return SyncRetry.resume(config, metrics, operation, null, failure, listener, start).resultOrThrow();
        }
        Verdict verdict = config.classifiers().ofResult(result);
        if (verdict.kind() != Verdict.Kind.SUCCESS) {
            return SyncRetry.resume(config, metrics, operation, result, null, listener, start).resultOrThrow();
        }
        budget.onSuccess();
        metrics.firstTrySucceeded();
        long elapsed = config.ticker().nanoTime() - start;
        listener.onAttemptEnded(1, elapsed, verdict, result, null);
        listener.onCallEnded(EndReason.SUCCESS, 1, elapsed, result, null);
        return result;
    }

    @Override
    public <T, E extends Exception> T call(CallOptions options, CheckedSupplier<T, E> operation) throws E {
        Checks.notNull(options, "options");
        if (options.deadline() == null) {
            return call(operation);
        }
        Checks.notNull(operation, "operation");
        return SyncRetry.run(config, metrics, options.deadlineWithin(config.deadline()), operation).resultOrThrow();
    }

    @Override
    public <E extends Exception> void run(CheckedRunnable<E> operation) throws E {
        Checks.notNull(operation, "operation");
        call(() -> {
            operation.run();
            return null;
        });
    }

    @Override
    public <T> Outcome<T> execute(CallOptions options, CheckedSupplier<T, ? extends Exception> operation) {
        Checks.notNull(options, "options");
        Checks.notNull(operation, "operation");
        return SyncRetry.run(config, metrics, options.deadlineWithin(config.deadline()), operation).outcome();
    }

    @Override
    public <T> CompletableFuture<T> callAsync(CallOptions options, Supplier<? extends CompletionStage<T>> operation) {
        Checks.notNull(options, "options");
        Checks.notNull(operation, "operation");
        CompletableFuture<T> future = new CompletableFuture<>();
        AsyncRetry.start(config, metrics, options.deadlineWithin(config.deadline()), operation, future, outcome -> {
            if (outcome.isFailure()) {
                future.completeExceptionally(
                        RetryCall.withRecord(outcome.failure(), outcome.attempts(), outcome.endReason()));
            } else {
                future.complete(outcome.result());
            }
        });
        return future;
    }

    @Override
    public <T> CompletableFuture<Outcome<T>> executeAsync(CallOptions options,
            Supplier<? extends CompletionStage<T>> operation) {
        Checks.notNull(options, "options");
        Checks.notNull(operation, "operation");
        CompletableFuture<Outcome<T>> future = new CompletableFuture<>();
        AsyncRetry.start(config, metrics, options.deadlineWithin(config.deadline()), operation, future,
                future::complete);
        return future;
    }

    /**
     * A policy that asks other classifiers but shares everything else with this one: settings, budget, rate
     * limiter, listeners and counters (its calls show in this policy's {@link #metrics()}).
     *
     * @param classifiers the classifiers to ask instead
     * @return the derived policy
     */
    public RetryPolicy withClassifiers(List<RetryClassifier> classifiers) {
        return new DefaultRetryPolicy(config.withClassifiers(ClassifierChain.of(classifiers)), metrics);
    }

    @Override
    public <T> CallTracker<T> track() {
        return RetryCall.forTracker(config, metrics);
    }

    @Override
    public int maxAttempts() {
        return config.maxAttempts();
    }

    @Override
    public List<RetryClassifier> classifiers() {
        return config.classifiers().all();
    }

    @Override
    public RetryMetrics metrics() {
        return metrics.snapshot();
    }

    @Override
    public RetryBudget budget() {
        return budget;
    }

    @Override
    public Optional<AdaptiveRateLimiter> rateLimiter() {
        return Optional.ofNullable(config.rateLimiter());
    }

    @Override
    public String name() {
        return config.name();
    }

    @Override
    public RetryPolicyBuilder toBuilder() {
        return config.toBuilder();
    }

    @Override
    public String toString() {
        return "RetryPolicy[" + config.name() + ", maxAttempts=" + config.maxAttempts() + ", backoff="
                + config.backoff() + "]";
    }
}
