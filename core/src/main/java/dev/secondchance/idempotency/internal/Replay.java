package dev.secondchance.idempotency.internal;

import dev.secondchance.idempotency.IncompatibleResultException;
import dev.secondchance.idempotency.OutcomeUnknownException;
import dev.secondchance.idempotency.ReplayedFailureException;
import dev.secondchance.idempotency.ResultCodec;
import dev.secondchance.idempotency.ResultTooLargeException;
import dev.secondchance.idempotency.spi.Completion;
import dev.secondchance.idempotency.spi.IdempotencyRecord;

/** Turns a COMPLETED record back into the outcome of the first run. */
final class Replay<T> {

    private final ResultCodec<T> codec;
    private final String token;

    Replay(ResultCodec<T> codec, String token) {
        this.codec = codec;
        this.token = token;
    }

    T outcome(IdempotencyRecord completed) {
        Completion completion = completed.completion();
        return switch (completion.kind()) {
            case FAILURE -> throw new ReplayedFailureException(token, completion.failureType(),
                    completion.failureMessage());
            case RESULT_TOO_LARGE -> throw new ResultTooLargeException(token, completion.resultSize(), null);
            case OUTCOME_UNKNOWN -> throw new OutcomeUnknownException(token, completion.failureType(), null);
            case RESULT -> decode(completion);
        };
    }

    private T decode(Completion completion) {
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
