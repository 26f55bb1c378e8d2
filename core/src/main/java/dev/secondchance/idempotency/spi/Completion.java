package dev.secondchance.idempotency.spi;

import dev.secondchance.idempotency.OutcomeResolver;
import dev.secondchance.idempotency.OutcomeUnknownException;
import java.util.Objects;

/**
 * The recorded outcome of a completed operation: a result (encoded bytes and the codec that wrote them), a
 * final failure (class name and, if the executor keeps one, a short message), an unknown outcome (the run
 * failed in a way that may have taken effect), or the marker that the result was too large to store.
 * Immutable and thread-safe; byte arrays are copied in and out.
 */
public final class Completion {

    /** The longest failure message a store keeps, in characters; longer ones are shortened. */
    public static final int MAX_FAILURE_MESSAGE = 4096;

    /** What kind of outcome was recorded. */
    public enum Kind {
        /** The operation returned; {@link #result()} holds the encoded result, or null for a null result. */
        RESULT,
        /** The operation threw a failure its policy called final. */
        FAILURE,
        /** The operation returned a result too large for the store; only its size is kept. */
        RESULT_TOO_LARGE,
        /**
         * The operation failed in a way that may have taken effect; {@link #failureType()} names the failure.
         * Replayed as {@link OutcomeUnknownException}, never run again for the token unless an
         * {@link OutcomeResolver} settles it or the operation is downstream-idempotent.
         */
        OUTCOME_UNKNOWN
    }

    private final Kind kind;
    private final byte[] result;
    private final String codecId;
    private final int codecVersion;
    private final long resultSize;
    private final String failureType;
    private final String failureMessage;

    private Completion(Kind kind, byte[] result, String codecId, int codecVersion, long resultSize,
            String failureType, String failureMessage) {
        this.kind = kind;
        this.result = result;
        this.codecId = codecId;
        this.codecVersion = codecVersion;
        this.resultSize = resultSize;
        this.failureType = failureType;
        this.failureMessage = failureMessage;
    }

    /**
     * @param result the encoded result, or null for a null result
     * @param codecId the codec's id, not null
     * @param codecVersion the codec's version
     * @return a result completion
     */
    public static Completion result(byte[] result, String codecId, int codecVersion) {
        Objects.requireNonNull(codecId, "codecId must not be null");
        return new Completion(Kind.RESULT, result == null ? null : result.clone(), codecId, codecVersion,
                result == null ? 0 : result.length, null, null);
    }

    /**
     * @param failureType the failure's class name, not null
     * @param failureMessage its message, possibly null; shortened to {@value #MAX_FAILURE_MESSAGE} characters
     * @return a failure completion
     */
    public static Completion failure(String failureType, String failureMessage) {
        Objects.requireNonNull(failureType, "failureType must not be null");
        return new Completion(Kind.FAILURE, null, null, 0, 0, failureType, shorten(failureMessage));
    }

    /**
     * @param failureType the class name of the failure whose effect is unknown, or null if the run's holder
     *     lost its lease without an outcome
     * @param failureMessage its message, possibly null; shortened to {@value #MAX_FAILURE_MESSAGE} characters
     * @return an unknown-outcome completion
     */
    public static Completion outcomeUnknown(String failureType, String failureMessage) {
        return new Completion(Kind.OUTCOME_UNKNOWN, null, null, 0, 0, failureType, shorten(failureMessage));
    }

    private static String shorten(String message) {
        return message == null || message.length() <= MAX_FAILURE_MESSAGE
                ? message
                : message.substring(0, MAX_FAILURE_MESSAGE);
    }

    /**
     * @param resultSize the encoded result's size in bytes
     * @param codecId the codec's id, not null
     * @param codecVersion the codec's version
     * @return the marker of a result that did not fit
     */
    public static Completion resultTooLarge(long resultSize, String codecId, int codecVersion) {
        Objects.requireNonNull(codecId, "codecId must not be null");
        return new Completion(Kind.RESULT_TOO_LARGE, null, codecId, codecVersion, resultSize, null, null);
    }

    /** @return the kind of outcome */
    public Kind kind() {
        return kind;
    }

    /** @return a copy of the encoded result, or null if there is none (a null result, or another kind) */
    public byte[] result() {
        return result == null ? null : result.clone();
    }

    /** @return the codec id for {@link Kind#RESULT} and {@link Kind#RESULT_TOO_LARGE}, else null */
    public String codecId() {
        return codecId;
    }

    /** @return the codec version for {@link Kind#RESULT} and {@link Kind#RESULT_TOO_LARGE}, else 0 */
    public int codecVersion() {
        return codecVersion;
    }

    /** @return the encoded result's size in bytes (0 for a null result or a failure) */
    public long resultSize() {
        return resultSize;
    }

    /** @return the failure's class name for {@link Kind#FAILURE} and {@link Kind#OUTCOME_UNKNOWN}, else null */
    public String failureType() {
        return failureType;
    }

    /** @return the failure's message for {@link Kind#FAILURE} and {@link Kind#OUTCOME_UNKNOWN}, possibly null */
    public String failureMessage() {
        return failureMessage;
    }

    /**
     * Returns the result-too-large marker for this completion's result.
     *
     * @return the marker with this result's size and codec
     * @throws IllegalStateException if this is not a {@link Kind#RESULT}
     */
    public Completion tooLarge() {
        if (kind != Kind.RESULT) {
            throw new IllegalStateException("only a RESULT can be too large, not " + kind);
        }
        return resultTooLarge(resultSize, codecId, codecVersion);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case RESULT -> "RESULT(" + resultSize + " bytes, " + codecId + " v" + codecVersion + ")";
            case FAILURE -> "FAILURE(" + failureType + ")";
            case RESULT_TOO_LARGE -> "RESULT_TOO_LARGE(" + resultSize + " bytes)";
            case OUTCOME_UNKNOWN -> "OUTCOME_UNKNOWN(" + failureType + ")";
        };
    }
}
