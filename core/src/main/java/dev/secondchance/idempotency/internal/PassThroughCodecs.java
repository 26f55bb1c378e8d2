package dev.secondchance.idempotency.internal;

import dev.secondchance.idempotency.ResultCodec;
import java.nio.charset.StandardCharsets;

/** The codecs that need no library: UTF-8 strings and raw bytes. */
public final class PassThroughCodecs {

    /** Strings as UTF-8. */
    public static final ResultCodec<String> UTF_8 = new ResultCodec<>() {
        @Override
        public String id() {
            return "utf-8";
        }

        @Override
        public int version() {
            return 1;
        }

        @Override
        public byte[] encode(String result) {
            return result.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String decode(byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    };

    /** Bytes as they are; copies so callers cannot change a stored result. */
    public static final ResultCodec<byte[]> BYTES = new ResultCodec<>() {
        @Override
        public String id() {
            return "bytes";
        }

        @Override
        public int version() {
            return 1;
        }

        @Override
        public byte[] encode(byte[] result) {
            return result.clone();
        }

        @Override
        public byte[] decode(byte[] bytes) {
            return bytes.clone();
        }
    };

    private PassThroughCodecs() {}
}
