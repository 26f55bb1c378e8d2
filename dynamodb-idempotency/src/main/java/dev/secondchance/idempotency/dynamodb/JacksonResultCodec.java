package dev.secondchance.idempotency.dynamodb;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.secondchance.idempotency.ResultCodec;
import dev.secondchance.idempotency.dynamodb.internal.JacksonCodec;
import java.util.Objects;

/**
 * Result codecs on Jackson: records, beans and generic types (through {@link TypeReference} or
 * {@link JavaType}) as JSON, with codec id {@code "jackson-json"}, version 1. {@code String} and
 * {@code byte[]} results pass through unchanged as {@link ResultCodec#utf8()} and {@link ResultCodec#bytes()}.
 * The codecs are thread-safe if the mapper is not reconfigured after it is handed over.
 */
public final class JacksonResultCodec {

    /** The codec id of JSON results. */
    public static final String ID = "jackson-json";

    private static final ObjectMapper DEFAULT_MAPPER = JsonMapper.builder().build();

    private JacksonResultCodec() {}

    /**
     * A codec for a plain class, with a default {@link JsonMapper}.
     *
     * @param type the result class
     * @param <T> the result type
     * @return a codec
     * @throws NullPointerException if {@code type} is null
     */
    public static <T> ResultCodec<T> of(Class<T> type) {
        return of(DEFAULT_MAPPER, type);
    }

    /**
     * A codec for a plain class.
     *
     * @param mapper the mapper, configured as the application needs (modules, naming)
     * @param type the result class
     * @param <T> the result type
     * @return a codec
     * @throws NullPointerException if an argument is null
     */
    public static <T> ResultCodec<T> of(ObjectMapper mapper, Class<T> type) {
        Objects.requireNonNull(type, "type must not be null");
        return of(mapper, Objects.requireNonNull(mapper, "mapper must not be null").constructType(type));
    }

    /**
     * A codec for a generic type, such as {@code new TypeReference<List<Receipt>>() {}}.
     *
     * @param mapper the mapper
     * @param type the result type
     * @param <T> the result type
     * @return a codec
     * @throws NullPointerException if an argument is null
     */
    public static <T> ResultCodec<T> of(ObjectMapper mapper, TypeReference<T> type) {
        Objects.requireNonNull(type, "type must not be null");
        return of(mapper, Objects.requireNonNull(mapper, "mapper must not be null").getTypeFactory().constructType(type));
    }

    /**
     * A codec for a type built with the mapper's {@code TypeFactory}.
     *
     * @param mapper the mapper
     * @param type the result type
     * @param <T> the result type, unchecked against {@code type}
     * @return a codec
     * @throws NullPointerException if an argument is null
     */
    @SuppressWarnings("unchecked")
    public static <T> ResultCodec<T> of(ObjectMapper mapper, JavaType type) {
        Objects.requireNonNull(mapper, "mapper must not be null");
        Objects.requireNonNull(type, "type must not be null");
        if (type.hasRawClass(String.class)) {
            return (ResultCodec<T>) ResultCodec.utf8();
        }
        if (type.hasRawClass(byte[].class)) {
            return (ResultCodec<T>) ResultCodec.bytes();
        }
        return new JacksonCodec<>(mapper, type);
    }
}
