package dev.secondchance.idempotency.internal;

import dev.secondchance.idempotency.Fingerprint;
import dev.secondchance.idempotency.IdempotentExecutor;
import dev.secondchance.idempotency.IdempotentExecutorBuilder;
import dev.secondchance.idempotency.IdempotentOperation;
import dev.secondchance.idempotency.OperationContext;
import dev.secondchance.idempotency.StoreFailureMode;
import dev.secondchance.retry.CheckedSupplier;
import dev.secondchance.retry.Classifiers;
import dev.secondchance.retry.RetryPolicy;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/** The executor: validates the call, then hands it to a {@link Call}. */
public final class DefaultIdempotentExecutor<T> implements IdempotentExecutor<T> {

    private final ExecutorSettings<T> settings;
    private final StoreCalls storeCalls;
    private final ClockSkew skew;
    private final Function<ExecutorSettings<T>, IdempotentExecutorBuilder<T>> toBuilder;

    /**
     * @param settings the validated settings
     * @param toBuilder turns the settings back into a builder
     */
    public DefaultIdempotentExecutor(ExecutorSettings<T> settings,
            Function<ExecutorSettings<T>, IdempotentExecutorBuilder<T>> toBuilder) {
        this.settings = settings;
        this.toBuilder = toBuilder;
        RetryPolicy policy = settings.customStoreRetryPolicy() != null
                ? settings.customStoreRetryPolicy()
                : defaultStorePolicy(settings);
        this.storeCalls = new StoreCalls(policy, settings.listener(),
                settings.storeFailureMode() == StoreFailureMode.FAIL_OPEN);
        this.skew = new ClockSkew(settings.lease(), settings.listener());
    }

    private static RetryPolicy defaultStorePolicy(ExecutorSettings<?> settings) {
        return RetryPolicy.builder()
                .name("idempotency-store")
                .classifiers(List.of(settings.store().retryClassifier(), Classifiers.transientIo()))
                .ticker(settings.ticker())
                .wallClock(settings.clock())
                .sleeper(settings.sleeper())
                .scheduler(settings.scheduler())
                .random(settings.random())
                .build();
    }

    @Override
    public <E extends Exception> T execute(String token, Fingerprint request,
            CheckedSupplier<? extends T, E> operation) throws E {
        Objects.requireNonNull(operation, "operation must not be null");
        return execute(token, request, (IdempotentOperation<? extends T, E>) context -> operation.get());
    }

    @Override
    public <E extends Exception> T execute(String token, Fingerprint request,
            IdempotentOperation<? extends T, E> operation) throws E {
        TokenRules.validate(token, settings.maxTokenLength());
        Objects.requireNonNull(request, "request must not be null");
        Objects.requireNonNull(operation, "operation must not be null");
        return new Call<T, E>(settings, storeCalls, skew, token, request, operation).run();
    }

    @Override
    public CompletableFuture<T> executeAsync(String token, Fingerprint request,
            Supplier<? extends CompletionStage<? extends T>> operation) {
        Objects.requireNonNull(operation, "operation must not be null");
        return executeAsync(token, request, context -> operation.get());
    }

    @Override
    public CompletableFuture<T> executeAsync(String token, Fingerprint request,
            Function<? super OperationContext, ? extends CompletionStage<? extends T>> operation) {
        TokenRules.validate(token, settings.maxTokenLength());
        Objects.requireNonNull(request, "request must not be null");
        Objects.requireNonNull(operation, "operation must not be null");
        return new AsyncCall<>(settings, storeCalls, skew, token, request, operation).start();
    }

    @Override
    public IdempotentExecutorBuilder<T> toBuilder() {
        return toBuilder.apply(settings);
    }

    @Override
    public String toString() {
        return "IdempotentExecutor[" + settings.store() + ", codec=" + settings.codec().id() + " v"
                + settings.codec().version() + ", lease=" + settings.lease() + ", " + settings.whenInProgress() + "]";
    }
}
