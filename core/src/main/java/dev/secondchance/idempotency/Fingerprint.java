package dev.secondchance.idempotency;

import dev.secondchance.idempotency.internal.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Identifies the request a token stands for: the SHA-256 of a canonical form of the request, kept as 64
 * lower-case hex digits. Reusing a token with a request of another fingerprint fails with
 * {@link RequestMismatchException}. Immutable and thread-safe.
 *
 * <p>The bytes must be canonical: two requests that mean the same must give the same bytes. Hash a stable
 * encoding (sorted keys, no timestamps or nonces); for Jackson-serializable requests the DynamoDB module's
 * {@code JacksonFingerprints} writes a canonical JSON with sorted keys.
 */
public final class Fingerprint {

    private final String hex;

    private Fingerprint(String hex) {
        this.hex = hex;
    }

    /**
     * Hashes a canonical request.
     *
     * @param canonicalRequest the request's canonical bytes; may be empty
     * @return the fingerprint
     * @throws NullPointerException if {@code canonicalRequest} is null
     */
    public static Fingerprint sha256(byte[] canonicalRequest) {
        Objects.requireNonNull(canonicalRequest, "canonicalRequest must not be null");
        return new Fingerprint(Sha256.hex(canonicalRequest));
    }

    /**
     * Hashes a canonical request given as text, encoded as UTF-8.
     *
     * @param canonicalRequest the request's canonical text; may be empty
     * @return the fingerprint
     * @throws NullPointerException if {@code canonicalRequest} is null
     */
    public static Fingerprint sha256(String canonicalRequest) {
        Objects.requireNonNull(canonicalRequest, "canonicalRequest must not be null");
        return sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Wraps a SHA-256 computed elsewhere.
     *
     * @param hex 64 hex digits, either case; kept in lower case
     * @return the fingerprint
     * @throws IllegalArgumentException if {@code hex} is not 64 hex digits
     * @throws NullPointerException if {@code hex} is null
     */
    public static Fingerprint ofHex(String hex) {
        Objects.requireNonNull(hex, "hex must not be null");
        if (hex.length() != 64 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("hex must be 64 hex digits (a SHA-256), got '" + hex + "'");
        }
        return new Fingerprint(hex.toLowerCase(java.util.Locale.ROOT));
    }

    /** @return the 64 lower-case hex digits */
    public String hex() {
        return hex;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Fingerprint f && hex.equals(f.hex);
    }

    @Override
    public int hashCode() {
        return hex.hashCode();
    }

    @Override
    public String toString() {
        return "sha256:" + hex;
    }
}
