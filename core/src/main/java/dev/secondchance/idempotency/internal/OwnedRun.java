package dev.secondchance.idempotency.internal;

import dev.secondchance.idempotency.CompleteResult;
import dev.secondchance.idempotency.Completion;
import dev.secondchance.idempotency.FailureDisposition;
import dev.secondchance.idempotency.IdempotencyRecord;
import dev.secondchance.idempotency.IncompatibleResultException;
import dev.secondchance.idempotency.LeaseLostException;
import dev.secondchance.idempotency.ResultCodec;
import dev.secondchance.idempotency.ResultTooLargeException;
import dev.secondchance.idempotency.StoreFailureMode;
import dev.secondchance.idempotency.StoreUnavailableException;
import dev.secondchance.retry.CheckedSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The operation run by the caller that owns the claim, and the fenced write of its outcome. */
final class OwnedRun<T, E extends Exception> {

    private static final Logger LOG = LoggerFactory.getLogger(OwnedRun.class);

    private final ExecutorSettings<T> settings;
    private final StoreCalls storeCalls;
    private final String token;
    private final CheckedSupplier<? extends T, E> operation;
    private final IdempotencyRecord claim;

    OwnedRun(ExecutorSettings<T> settings, StoreCalls storeCalls, String token,
            CheckedSupplier<? extends T, E> operation, IdempotencyRecord claim) {
        this.settings = settings;
        this.storeCalls = storeCalls;
        this.token = token;
        this.operation = operation;
        this.claim = claim;
    }

    T run() throws E {
        Heartbeat heartbeat = Heartbeat.start(settings, claim);
        T result;
        try {
            result = operation.get();
        } catch (Throwable failure) { // every failure, Errors included, decides the claim's fate
            heartbeat.stop();
            settle(failure);
            throw Rethrow.<E>unchecked(failure);
        }
        heartbeat.stop();
        return record(result);
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
        CompleteResult answer;
        try {
            answer = complete(completion, true, result);
        } catch (StoreUnavailableException unavailable) {
            if (settings.storeFailureMode() == StoreFailureMode.FAIL_OPEN) {
                LOG.warn("idempotency store unavailable; returning the unrecorded result for token '{}' (FAIL_OPEN)",
                        token, unavailable);
                return result;
            }
            throw unavailable;
        }
        return switch (answer) {
            case STORED -> result;
            case RESULT_TOO_LARGE -> throw new ResultTooLargeException(token, completion.resultSize(), result);
            case FENCED -> throw new LeaseLostException(token, claim.version(), result);
        };
    }

    private void settle(Throwable failure) {
        FailureDisposition disposition;
        try {
            disposition = settings.failurePolicy().classify(failure);
        } catch (RuntimeException policyFailure) {
            failure.addSuppressed(policyFailure);
            disposition = FailureDisposition.AMBIGUOUS;
        }
        settle(failure, disposition == null ? FailureDisposition.AMBIGUOUS : disposition);
    }

    private void settle(Throwable failure, FailureDisposition disposition) {
        try {
            switch (disposition) {
                case RELEASE -> {
                    if (!storeCalls.call(token, "release the claim", () -> settings.store().release(claim.key(),
                            claim.owner(), claim.version()), true, null)) {
                        LOG.debug("release of token '{}' fenced: another caller already took it over", token);
                    }
                }
                case FINAL -> {
                    Completion recorded = Completion.failure(failure.getClass().getName(), failure.getMessage());
                    if (complete(recorded, true, null) == CompleteResult.FENCED) {
                        failure.addSuppressed(new LeaseLostException(token, claim.version(), null));
                    }
                }
                case AMBIGUOUS -> LOG.debug("outcome of token '{}' is ambiguous; its claim is kept until the lease ends",
                        token);
            }
        } catch (StoreUnavailableException unavailable) {
            failure.addSuppressed(unavailable);
        }
    }

    private CompleteResult complete(Completion completion, boolean operationRan, Object result) {
        return storeCalls.call(token, "record the outcome", () -> settings.store().complete(claim.key(),
                claim.owner(), claim.version(), completion, settings.ttl()), operationRan, result);
    }
}
