package dev.secondchance.idempotency.dynamodb.internal;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.secondchance.idempotency.ResultCodec;
import dev.secondchance.idempotency.dynamodb.JacksonResultCodec;
import java.io.IOException;
import java.io.UncheckedIOException;

/** JSON results through an {@link ObjectMapper}. */
public final class JacksonCodec<T> implements ResultCodec<T> {

    private final ObjectMapper mapper;
    private final JavaType type;

    /**
     * @param mapper the mapper
     * @param type the result type
     */
    public JacksonCodec(ObjectMapper mapper, JavaType type) {
        this.mapper = mapper;
        this.type = type;
    }

    @Override
    public String id() {
        return JacksonResultCodec.ID;
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public byte[] encode(T result) {
        try {
            return mapper.writerFor(type).writeValueAsBytes(result);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + type + " as JSON", e);
        }
    }

    @Override
    public T decode(byte[] bytes) {
        try {
            return mapper.readValue(bytes, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + type + " from JSON", e);
        }
    }

    @Override
    public String toString() {
        return "JacksonCodec[" + type + "]";
    }
}
