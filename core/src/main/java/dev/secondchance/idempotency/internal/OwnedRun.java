package dev.secondchance.idempotency.internal;

import dev.secondchance.idempotency.FailureDisposition;
import dev.secondchance.idempotency.IdempotentOperation;
import dev.secondchance.idempotency.IncompatibleResultException;
import dev.secondchance.idempotency.LeaseLostException;
import dev.secondchance.idempotency.OutcomeUnknownException;
import dev.secondchance.idempotency.Resolution;
import dev.secondchance.idempotency.ResultCodec;
import dev.secondchance.idempotency.ResultTooLargeException;
import dev.secondchance.idempotency.StoreUnavailableException;
import dev.secondchance.idempotency.spi.ClaimResult;
import dev.secondchance.idempotency.spi.CompleteResult;
import dev.secondchance.idempotency.spi.Completion;
import dev.secondchance.idempotency.spi.IdempotencyRecord;
import dev.secondchance.idempotency.spi.RecordStatus;
import dev.secondchance.internal.Sneaky;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The caller that owns the claim: settles an earlier unknown outcome if it took one over, runs the
 * operation, and writes its outcome through the fence. The listener hears the claim (when the run starts),
 * the resolver's answer and what became of the claim, for the blocking and the async run alike.
 */
final class OwnedRun<T> {

    private static final Logger LOG = LoggerFactory.getLogger(OwnedRun.class);

    private final ExecutorSettings<T> settings;
    private final StoreCalls storeCalls;
    private final String token;
    private final IdempotencyRecord claim;
    private final IdempotencyRecord previous;
    private final long claimedAtNanos;
    private final RunContext context;
    private Heartbeat heartbeat;

    OwnedRun(ExecutorSettings<T> settings, StoreCalls storeCalls, String token, ClaimResult acquired,
            long claimedAtNanos) {
        this.settings = settings;
        this.storeCalls = storeCalls;
        this.token = token;
        this.claim = acquired.record();
        this.previous = acquired.previous();
        this.claimedAtNanos = claimedAtNanos;
        this.context = new RunContext(token, claim.key(), claim.version());
    }

    /** The blocking run: {@link #start}, then the operation on this thread, then its outcome recorded. */
    <E extends Exception> T run(IdempotentOperation<? extends T, E> operation) throws E {
        Resolution<T> resolved = start();
        if (resolved != null) {
            return succeeded(resolved.result());
        }
        T result;
        try {
            result = operation.run(context);
        } catch (Throwable failure) { // every failure, Errors included, decides the claim's fate
            failed(failure);
            throw Sneaky.<E>rethrow(failure);
        }
        return succeeded(result);
    }

    /** @return the context to hand the operation */
    RunContext context() {
        return context;
    }

    /**
     * Starts the heartbeat and, if this claim took over an unknown outcome and a resolver is set, settles it.
     *
     * @return the resolver's APPLIED answer (then pass its result to {@link #succeeded}), or null: run the
     *     operation
     * @throws OutcomeUnknownException if the resolver could not settle it (the outcome stays unknown)
     */
    Resolution<T> start() {
        boolean tookOver = previous != null && previous.isOutcomeUnknown(settings.clock().millis());
        if (tookOver) {
            settings.listener().onTakenOver(token, previous.version());
        } else {
            settings.listener().onClaimed(token);
        }
        heartbeat = Heartbeat.start(settings, claim, context, claimedAtNanos);
        if (tookOver && settings.outcomeResolver() != null) {
            Resolution<T> resolution = resolve(context, heartbeat);
            if (resolution.kind() == Resolution.Kind.APPLIED) {
                return resolution;
            }
        }
        return null;
    }

    /**
     * The operation returned: records the result through the fence.
     *
     * @return the result
     * @throws IdempotencyException (a {@link LeaseLostException}, {@link ResultTooLargeException},
     *     {@link IncompatibleResultException} or {@link StoreUnavailableException}) if it cannot be recorded
     */
    T succeeded(T result) {
        heartbeat.stop();
        return record(result);
    }

    /** The operation failed: its failure policy decides the claim's fate; the caller rethrows it. */
    void failed(Throwable failure) {
        heartbeat.stop();
        settle(failure);
    }

    /**
     * Gives the claim back without running the operation (its caller went away first): an unknown outcome
     * this claim took over is put back; anything else is released, which is safe as nothing ran under it.
     */
    void abandon() {
        if (previous != null && previous.isOutcomeUnknown(settings.clock().millis())) {
            keep(unknownOfPrevious(), null);
            return;
        }
        try {
            release(false);
        } catch (StoreUnavailableException unavailable) {
            LOG.warn("could not release the unused claim on token '{}'; once its lease ends it counts as an unknown "
                    + "outcome", token, unavailable);
        }
    }

    /** Asks the resolver; on anything but an answer it keeps the outcome unknown under this claim and throws. */
    private Resolution<T> resolve(RunContext context, Heartbeat heartbeat) {
        Completion unknown = unknownOfPrevious();
        Resolution<T> resolution;
        try {
            resolution = settings.outcomeResolver().resolve(context);
        } catch (Exception resolverFailure) {
            settings.listener().onResolved(token, Resolution.Kind.UNKNOWN);
            heartbeat.stop();
            keep(unknown, resolverFailure);
            throw new OutcomeUnknownException(token, unknown.failureType(), resolverFailure);
        } catch (Error error) { // the claim must not keep renewing after the resolver died
            settings.listener().onResolved(token, Resolution.Kind.UNKNOWN);
            heartbeat.stop();
            keep(unknown, null);
            throw error;
        }
        settings.listener().onResolved(token, resolution == null ? Resolution.Kind.UNKNOWN : resolution.kind());
        if (resolution == null || resolution.kind() == Resolution.Kind.UNKNOWN) {
            heartbeat.stop();
            keep(unknown, null);
            throw new OutcomeUnknownException(token, unknown.failureType(), null);
        }
        return resolution;
    }

    private Completion unknownOfPrevious() {
        return previous.status() == RecordStatus.COMPLETED ? previous.completion() : Completion.outcomeUnknown(null, null);
    }

    private void keep(Completion unknown, Exception resolverFailure) {
        try {
            complete(unknown, false, null);
        } catch (StoreUnavailableException unavailable) {
            if (resolverFailure != null) {
                resolverFailure.addSuppressed(unavailable);
            }
            LOG.warn("could not put back the unknown outcome of token '{}'; it stays unknown once the lease ends",
                    token, unavailable);
        }
    }

    private T record(T result) {
        ResultCodec<T> codec = settings.codec();
        Completion completion;
        try {
            completion = Completion.result(result == null ? null : codec.encode(result), codec.id(), codec.version());
        } catch (RuntimeException encodeFailure) {
            IncompatibleResultException thrown = new IncompatibleResultException(token, "the result of type "
                    + result.getClass().getName() + " could not be encoded by codec " + codec.id()
                    + "; the failure is recorded so the operation will not run again for this token",
                    encodeFailure, result);
            settle(thrown, FailureDisposition.FINAL);
            throw thrown;
        }
        return switch (complete(completion, true, result)) {
            case STORED -> result;
            case RESULT_TOO_LARGE -> {
                settings.listener().onResultTooLarge(token, completion.resultSize());
                throw new ResultTooLargeException(token, completion.resultSize(), result);
            }
            case FENCED -> {
                settings.listener().onLeaseLost(token, claim.version());
                throw new LeaseLostException(token, claim.version(), result);
            }
        };
    }

    private void settle(Throwable failure) {
        FailureDisposition disposition;
        try {
            disposition = settings.failurePolicy().classify(failure);
        } catch (RuntimeException policyFailure) {
            failure.addSuppressed(policyFailure);
            disposition = null;
        }
        if (disposition == null) {
            disposition = FailureDisposition.OUTCOME_UNKNOWN;
        }
        if (disposition == FailureDisposition.OUTCOME_UNKNOWN && settings.downstreamIdempotent()) {
            disposition = FailureDisposition.RELEASE;
        }
        settle(failure, disposition);
    }

    private void settle(Throwable failure, FailureDisposition disposition) {
        try {
            switch (disposition) {
                case RELEASE -> {
                    if (release(true)) {
                        settings.listener().onReleased(token);
                    } else {
                        settings.listener().onLeaseLost(token, claim.version());
                    }
                }
                case FINAL -> recordFailure(failure, disposition, FailureRecords.finalFailure(settings, failure));
                case OUTCOME_UNKNOWN -> recordFailure(failure, disposition,
                        Completion.outcomeUnknown(failure.getClass().getName(),
                                FailureRecords.message(settings, failure)));
            }
        } catch (StoreUnavailableException unavailable) {
            failure.addSuppressed(unavailable);
        }
    }

    /** @return whether the claim was released; false if fenced (another caller took it over) */
    private boolean release(boolean operationRan) {
        boolean released = storeCalls.call(token, "release the claim", () -> settings.store().release(claim.key(),
                claim.owner(), claim.version()), operationRan, null);
        if (!released) {
            LOG.debug("release of token '{}' fenced: another caller already took it over", token);
        }
        return released;
    }

    private void recordFailure(Throwable failure, FailureDisposition disposition, Completion recorded) {
        if (complete(recorded, true, null) == CompleteResult.FENCED) {
            settings.listener().onLeaseLost(token, claim.version());
            failure.addSuppressed(new LeaseLostException(token, claim.version(), null));
        } else {
            settings.listener().onFailureRecorded(token, disposition);
        }
    }

    private CompleteResult complete(Completion completion, boolean operationRan, Object result) {
        return storeCalls.call(token, "record the outcome", () -> settings.store().complete(claim.key(),
                claim.owner(), claim.version(), completion, settings.ttl()), operationRan, result);
    }
}
