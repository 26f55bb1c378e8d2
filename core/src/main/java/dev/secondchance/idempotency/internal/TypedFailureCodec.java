package dev.secondchance.idempotency.internal;

import dev.secondchance.idempotency.FailureCodec;
import java.util.Objects;
import java.util.function.Function;

/**
 * A {@link FailureCodec} for exactly one exception class; {@link #NONE} knows none.
 *
 * @param <X> the exception type
 */
public final class TypedFailureCodec<X extends Exception> implements FailureCodec {

    /** The default: knows no type. */
    public static final FailureCodec NONE = new FailureCodec() {
        @Override
        public String encode(Throwable failure) {
            return null;
        }

        @Override
        public Exception decode(String failureType, String encoded) {
            return null;
        }

        @Override
        public String toString() {
            return "FailureCodec.none()";
        }
    };

    private final Class<X> type;
    private final Function<? super X, String> encode;
    private final Function<String, ? extends X> decode;

    /**
     * @param type the exception class
     * @param encode its encoder
     * @param decode its decoder
     */
    public TypedFailureCodec(Class<X> type, Function<? super X, String> encode, Function<String, ? extends X> decode) {
        this.type = Objects.requireNonNull(type, "type must not be null");
        this.encode = Objects.requireNonNull(encode, "encode must not be null");
        this.decode = Objects.requireNonNull(decode, "decode must not be null");
    }

    @Override
    public String encode(Throwable failure) {
        return failure.getClass() == type ? encode.apply(type.cast(failure)) : null;
    }

    @Override
    public Exception decode(String failureType, String encoded) {
        return type.getName().equals(failureType) ? decode.apply(encoded) : null;
    }

    @Override
    public String toString() {
        return "FailureCodec.forType(" + type.getName() + ")";
    }
}
