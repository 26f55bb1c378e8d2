package dev.secondchance.idempotency;

import dev.secondchance.idempotency.internal.PassThroughCodecs;

/**
 * Turns an operation's result into bytes for the store and back. The codec's {@link #id()} and
 * {@link #version()} are stored with each result; a replay through a codec with another id or version
 * fails with {@link IncompatibleResultException} instead of misreading the bytes. Null results are stored
 * as "no result" and never reach the codec.
 *
 * <p>Implementations must be thread-safe and deterministic. They report failures with a
 * {@link RuntimeException}.
 *
 * @param <T> the result type
 */
public interface ResultCodec<T> {

    /**
     * Names the format, such as {@code "utf-8"} or {@code "jackson-json"}.
     *
     * @return a short, stable, non-empty name
     */
    String id();

    /**
     * The version of the format; bump it when old bytes can no longer be decoded.
     *
     * @return a version, {@code >= 1}
     */
    int version();

    /**
     * Encodes a result.
     *
     * @param result the result, never null
     * @return the bytes to store
     */
    byte[] encode(T result);

    /**
     * Decodes a stored result.
     *
     * @param bytes the stored bytes, never null
     * @return the result
     */
    T decode(byte[] bytes);

    /**
     * Strings as UTF-8 bytes: id {@code "utf-8"}, version 1.
     *
     * @return the stateless codec
     */
    static ResultCodec<String> utf8() {
        return PassThroughCodecs.UTF_8;
    }

    /**
     * Byte arrays as they are (copied in both directions): id {@code "bytes"}, version 1.
     *
     * @return the stateless codec
     */
    static ResultCodec<byte[]> bytes() {
        return PassThroughCodecs.BYTES;
    }
}
