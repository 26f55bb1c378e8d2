package dev.secondchance.idempotency;

import dev.secondchance.idempotency.internal.TypedFailureCodec;
import dev.secondchance.idempotency.spi.Completion;
import java.util.Objects;
import java.util.function.Function;

/**
 * Records a final failure (one the {@link FailurePolicy} called {@link FailureDisposition#FINAL}) as text and
 * rebuilds it when a later caller with the same token replays it, so that the duplicate gets an exception of
 * the original type instead of a {@link ReplayedFailureException}. The store keeps the failure's class name
 * and the text this codec makes (at most {@value Completion#MAX_FAILURE_MESSAGE} characters), never the
 * exception object: rebuilding arbitrary classes from a store would be unsafe, so only the types a codec knows
 * are rebuilt.
 *
 * <p>A rebuilt exception carries a suppressed {@link ReplayedFailureException}, which tells a replay from a
 * first run. The {@linkplain #none() default} knows no type: every final failure is recorded by class name
 * (and, with {@link IdempotentExecutorBuilder#failureMessageLength}, its message) and replayed as a
 * {@link ReplayedFailureException}.
 *
 * <p>Implementations must be thread-safe and deterministic; a codec that throws, or an encoding longer than
 * {@value Completion#MAX_FAILURE_MESSAGE} characters, falls back to the default record (and is logged).
 * What {@link #encode} returns is stored for the record's whole ttl, whatever
 * {@link IdempotentExecutorBuilder#failureMessageLength} says: keep personal data out of it.
 *
 * <pre>{@code
 * FailureCodec declines = FailureCodec.forType(CardDeclinedException.class,
 *         CardDeclinedException::declineCode, CardDeclinedException::new);
 * IdempotentExecutor.builder(store, codec).failureCodec(declines)
 *         .failurePolicy(FailurePolicy.finalWhen(CardDeclinedException.class::isInstance))...
 * }</pre>
 */
public interface FailureCodec {

    /**
     * Encodes a final failure.
     *
     * @param failure the failure the operation threw, never null
     * @return the text to record with the failure's class name, or null if this codec does not know the
     *     failure (it is then recorded as by default)
     */
    String encode(Throwable failure);

    /**
     * Rebuilds a recorded final failure.
     *
     * @param failureType the recorded class name
     * @param encoded the text {@link #encode} made
     * @return the exception to throw to the duplicate caller, or null if this codec does not know the type
     *     (the caller then gets a {@link ReplayedFailureException}). A checked exception must be one the
     *     operation may throw, since a blocking {@code execute} throws it as the operation's own
     */
    Exception decode(String failureType, String encoded);

    /**
     * The default codec: knows no type, so each final failure is replayed as a {@link ReplayedFailureException}.
     *
     * @return the stateless codec
     */
    static FailureCodec none() {
        return TypedFailureCodec.NONE;
    }

    /**
     * A codec for exactly one exception class (not its subclasses, whose class name differs).
     *
     * @param type the exception class
     * @param encode makes the text to record from a failure of that class (not null)
     * @param decode rebuilds the failure from that text
     * @param <X> the exception type
     * @return the codec; thread-safe if the two functions are
     * @throws NullPointerException if an argument is null
     */
    static <X extends Exception> FailureCodec forType(Class<X> type, Function<? super X, String> encode,
            Function<String, ? extends X> decode) {
        return new TypedFailureCodec<>(type, encode, decode);
    }

    /**
     * This codec, and {@code other} for the types this one does not know.
     *
     * @param other asked when this codec answers null
     * @return the combined codec; thread-safe if both are
     * @throws NullPointerException if {@code other} is null
     */
    default FailureCodec or(FailureCodec other) {
        Objects.requireNonNull(other, "other must not be null");
        FailureCodec first = this;
        return new FailureCodec() {
            @Override
            public String encode(Throwable failure) {
                String encoded = first.encode(failure);
                return encoded != null ? encoded : other.encode(failure);
            }

            @Override
            public Exception decode(String failureType, String encoded) {
                Exception decoded = first.decode(failureType, encoded);
                return decoded != null ? decoded : other.decode(failureType, encoded);
            }
        };
    }
}
