package dev.secondchance.opentelemetry.internal;

import dev.secondchance.idempotency.FailureDisposition;
import dev.secondchance.idempotency.IdempotencyListener;
import dev.secondchance.idempotency.Resolution;
import dev.secondchance.idempotency.StoreUnavailableException;
import dev.secondchance.idempotency.spi.Completion;
import dev.secondchance.internal.Telemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import java.time.Duration;

/**
 * An idempotent executor's instruments, under the same names and attributes as the Micrometer binding's
 * meters; each event is also an event {@code secondchance.idempotency} (with its outcome) on the span current on the calling
 * thread, when that span records. Tokens are never attributes.
 */
public final class IdempotencyInstruments implements IdempotencyListener {

    /** The span event's name. */
    static final String EVENT = "secondchance.idempotency";
    private static final AttributeKey<String> OUTCOME = AttributeKey.stringKey(Telemetry.OUTCOME);

    private final LongCounter requests;
    private final DoubleHistogram waits;
    private final Attributes executor;

    /**
     * Creates the instruments.
     *
     * @param meter where
     * @param executor the executor attribute and the user's attributes, put on every measurement
     */
    public IdempotencyInstruments(Meter meter, Attributes executor) {
        this.executor = executor;
        requests = meter.counterBuilder(Telemetry.IDEMPOTENCY_REQUESTS).setUnit("{event}")
                .setDescription("What the idempotent executor did, by outcome").build();
        waits = meter.histogramBuilder(Telemetry.IDEMPOTENCY_WAIT).setUnit("s")
                .setDescription("Waits for another caller that held the token")
                .setExplicitBucketBoundariesAdvice(RetryInstruments.SECONDS_BUCKETS).build();
    }

    private void count(String outcome) {
        requests.add(1, executor.toBuilder().put(OUTCOME, outcome).build());
        Span current = Span.current();
        if (current.isRecording()) {
            current.addEvent(EVENT, Attributes.of(OUTCOME, outcome));
        }
    }

    @Override
    public void onClaimed(String token) {
        count("executed");
    }

    @Override
    public void onTakenOver(String token, long previousVersion) {
        count("taken.over");
    }

    @Override
    public void onResolved(String token, Resolution.Kind kind) {
        count("resolved");
    }

    @Override
    public void onReplayed(String token, Completion.Kind recorded) {
        count("replayed");
    }

    @Override
    public void onWaited(String token, long waitedNanos, int polls) {
        count("waited");
        waits.record(waitedNanos / 1e9, executor);
    }

    @Override
    public void onRequestMismatch(String token) {
        count("mismatch");
    }

    @Override
    public void onInProgress(String token, boolean failFast) {
        count("in.progress");
    }

    @Override
    public void onLeaseLost(String token, long version) {
        count("lease.lost");
    }

    @Override
    public void onReleased(String token) {
        count("released");
    }

    @Override
    public void onFailureRecorded(String token, FailureDisposition disposition) {
        count(disposition == FailureDisposition.FINAL ? "failure.recorded" : "outcome.unknown");
    }

    @Override
    public void onResultTooLarge(String token, long size) {
        count("result.too.large");
    }

    @Override
    public void onStoreRetried(String token, int failedAttempts) {
        count("store.retried");
    }

    @Override
    public void onStoreUnavailable(String token, StoreUnavailableException failure, boolean runsUnprotected) {
        count(runsUnprotected ? "fail.open" : "store.unavailable");
    }

    @Override
    public void onClockSkew(String token, Duration ahead) {
        count("clock.skew");
    }

    @Override
    public String toString() {
        return "IdempotencyInstruments";
    }
}
