package dev.secondchance.idempotency.internal;

import dev.secondchance.retry.RandomSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;
import java.util.function.LongSupplier;

/** UUID versions 5 and 7 as laid out in RFC 9562. */
public final class Uuids {

    private static final SecureRandom SECURE = new SecureRandom();
    private static final long MAX_UNIX_MILLIS = (1L << 48) - 1;

    private Uuids() {}

    /** 64 strongly random bits per call. */
    public static LongSupplier secureRandom() {
        return SECURE::nextLong;
    }

    /** 64 bits per call from two draws of 32 bits each. */
    public static LongSupplier fromRandomSource(RandomSource random) {
        return () -> ((long) (random.nextDouble() * 0x1p32) << 32) | (long) (random.nextDouble() * 0x1p32);
    }

    /** Version 7: unix_ts_ms (48) | ver (4) | rand_a (12) | var (2) | rand_b (62). */
    public static UUID v7(long unixMillis, LongSupplier random) {
        if (unixMillis < 0 || unixMillis > MAX_UNIX_MILLIS) {
            throw new IllegalArgumentException("clock millis must be in [0, 2^48), got " + unixMillis);
        }
        long msb = (unixMillis << 16) | 0x7000L | (random.getAsLong() & 0x0FFFL);
        long lsb = (random.getAsLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }

    /** Version 5: SHA-1 of namespace bytes then name bytes, truncated to 128 bits, version and variant set. */
    public static UUID v5(UUID namespace, String name) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java platform has SHA-1", impossible);
        }
        sha1.update(toBytes(namespace.getMostSignificantBits()));
        sha1.update(toBytes(namespace.getLeastSignificantBits()));
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        long msb = toLong(hash, 0);
        long lsb = toLong(hash, 8);
        msb = (msb & ~0xF000L) | 0x5000L;
        lsb = (lsb & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }

    private static byte[] toBytes(long value) {
        byte[] bytes = new byte[8];
        for (int i = 7; i >= 0; i--) {
            bytes[i] = (byte) value;
            value >>>= 8;
        }
        return bytes;
    }

    private static long toLong(byte[] bytes, int offset) {
        long value = 0;
        for (int i = offset; i < offset + 8; i++) {
            value = (value << 8) | (bytes[i] & 0xFF);
        }
        return value;
    }
}
