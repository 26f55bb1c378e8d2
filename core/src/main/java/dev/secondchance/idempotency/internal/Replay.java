package dev.secondchance.idempotency.internal;

import dev.secondchance.idempotency.IncompatibleResultException;
import dev.secondchance.idempotency.OutcomeUnknownException;
import dev.secondchance.idempotency.ResultCodec;
import dev.secondchance.idempotency.ResultTooLargeException;
import dev.secondchance.idempotency.spi.Completion;
import dev.secondchance.idempotency.spi.IdempotencyRecord;
import dev.secondchance.internal.Sneaky;

/** Turns a COMPLETED record back into the outcome of the first run. */
final class Replay<T> {

    private final ExecutorSettings<T> settings;
    private final String token;

    Replay(ExecutorSettings<T> settings, String token) {
        this.settings = settings;
        this.token = token;
    }

    /**
     * @return the recorded result
     * @throws Exception the recorded failure as {@link FailureRecords#replay} rebuilds it, or the exception of
     *     an outcome that cannot be replayed (unknown, too large, unreadable)
     */
    T outcome(IdempotencyRecord completed) {
        Completion completion = completed.completion();
        return switch (completion.kind()) {
            case FAILURE -> throw Sneaky.<RuntimeException>rethrow(FailureRecords.replay(settings, token, completion));
            case RESULT_TOO_LARGE -> throw new ResultTooLargeException(token, completion.resultSize(), null);
            case OUTCOME_UNKNOWN -> throw new OutcomeUnknownException(token, completion.failureType(), null);
            case RESULT -> decode(completion);
        };
    }

    private T decode(Completion completion) {
        ResultCodec<T> codec = settings.codec();
        byte[] bytes = completion.result();
        if (bytes == null) {
            return null;
        }
        if (!codec.id().equals(completion.codecId()) || codec.version() != completion.codecVersion()) {
            throw new IncompatibleResultException(token, "the result for token '" + token + "' was stored by codec "
                    + completion.codecId() + " v" + completion.codecVersion() + " and cannot be read by codec "
                    + codec.id() + " v" + codec.version() + "; the operation will not run again for this token",
                    null, null);
        }
        try {
            return codec.decode(bytes);
        } catch (RuntimeException decodeFailure) {
            throw new IncompatibleResultException(token, "the stored result for token '" + token
                    + "' could not be decoded by codec " + codec.id() + " v" + codec.version(), decodeFailure, null);
        }
    }
}
