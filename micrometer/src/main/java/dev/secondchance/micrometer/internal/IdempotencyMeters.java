package dev.secondchance.micrometer.internal;

import static dev.secondchance.internal.Telemetry.IDEMPOTENCY_REQUESTS;
import static dev.secondchance.internal.Telemetry.IDEMPOTENCY_WAIT;
import static dev.secondchance.internal.Telemetry.OUTCOME;

import dev.secondchance.idempotency.FailureDisposition;
import dev.secondchance.idempotency.IdempotencyListener;
import dev.secondchance.idempotency.Resolution;
import dev.secondchance.idempotency.StoreUnavailableException;
import dev.secondchance.idempotency.spi.Completion;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * An idempotent executor's meters, resolved once when bound: one {@code secondchance.idempotency.requests}
 * counter per outcome and the wait timer. Tokens are never tags.
 */
public final class IdempotencyMeters implements IdempotencyListener {

    private final Counter executed;
    private final Counter takenOver;
    private final Counter resolved;
    private final Counter replayed;
    private final Counter waited;
    private final Counter mismatch;
    private final Counter inProgress;
    private final Counter leaseLost;
    private final Counter released;
    private final Counter failureRecorded;
    private final Counter outcomeUnknown;
    private final Counter resultTooLarge;
    private final Counter storeRetried;
    private final Counter storeUnavailable;
    private final Counter failOpen;
    private final Counter clockSkew;
    private final Timer waits;

    /**
     * Registers the meters.
     *
     * @param registry where
     * @param tags the executor tag and the user's tags, put on every meter
     */
    public IdempotencyMeters(MeterRegistry registry, Tags tags) {
        executed = counter(registry, tags, "executed");
        takenOver = counter(registry, tags, "taken.over");
        resolved = counter(registry, tags, "resolved");
        replayed = counter(registry, tags, "replayed");
        waited = counter(registry, tags, "waited");
        mismatch = counter(registry, tags, "mismatch");
        inProgress = counter(registry, tags, "in.progress");
        leaseLost = counter(registry, tags, "lease.lost");
        released = counter(registry, tags, "released");
        failureRecorded = counter(registry, tags, "failure.recorded");
        outcomeUnknown = counter(registry, tags, "outcome.unknown");
        resultTooLarge = counter(registry, tags, "result.too.large");
        storeRetried = counter(registry, tags, "store.retried");
        storeUnavailable = counter(registry, tags, "store.unavailable");
        failOpen = counter(registry, tags, "fail.open");
        clockSkew = counter(registry, tags, "clock.skew");
        waits = Timer.builder(IDEMPOTENCY_WAIT).tags(tags)
                .description("Waits for another caller that held the token").register(registry);
    }

    private static Counter counter(MeterRegistry registry, Tags tags, String outcome) {
        return Counter.builder(IDEMPOTENCY_REQUESTS).tags(tags).tag(OUTCOME, outcome)
                .description("What the idempotent executor did, by outcome").register(registry);
    }

    @Override
    public void onClaimed(String token) {
        executed.increment();
    }

    @Override
    public void onTakenOver(String token, long previousVersion) {
        takenOver.increment();
    }

    @Override
    public void onResolved(String token, Resolution.Kind kind) {
        resolved.increment();
    }

    @Override
    public void onReplayed(String token, Completion.Kind recorded) {
        replayed.increment();
    }

    @Override
    public void onWaited(String token, long waitedNanos, int polls) {
        waited.increment();
        waits.record(waitedNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void onRequestMismatch(String token) {
        mismatch.increment();
    }

    @Override
    public void onInProgress(String token, boolean failFast) {
        inProgress.increment();
    }

    @Override
    public void onLeaseLost(String token, long version) {
        leaseLost.increment();
    }

    @Override
    public void onReleased(String token) {
        released.increment();
    }

    @Override
    public void onFailureRecorded(String token, FailureDisposition disposition) {
        (disposition == FailureDisposition.FINAL ? failureRecorded : outcomeUnknown).increment();
    }

    @Override
    public void onResultTooLarge(String token, long size) {
        resultTooLarge.increment();
    }

    @Override
    public void onStoreRetried(String token, int failedAttempts) {
        storeRetried.increment();
    }

    @Override
    public void onStoreUnavailable(String token, StoreUnavailableException failure, boolean runsUnprotected) {
        (runsUnprotected ? failOpen : storeUnavailable).increment();
    }

    @Override
    public void onClockSkew(String token, Duration ahead) {
        clockSkew.increment();
    }

    @Override
    public String toString() {
        return "IdempotencyMeters";
    }
}
