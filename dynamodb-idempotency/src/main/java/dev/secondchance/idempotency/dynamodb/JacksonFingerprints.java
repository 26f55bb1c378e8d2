package dev.secondchance.idempotency.dynamodb;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.secondchance.idempotency.Fingerprint;
import dev.secondchance.idempotency.dynamodb.internal.CanonicalJson;
import java.util.Objects;

/**
 * Fingerprints of Jackson-serializable requests: the SHA-256 of a canonical JSON, that is the request
 * serialized to a tree and written with the keys of every object sorted (by UTF-16 code units) and no
 * whitespace. Two requests equal as JSON trees get the same fingerprint whatever their property or map
 * order. Numbers keep Jackson's form ({@code 1} and {@code 1.0} differ). Stateless and thread-safe.
 */
public final class JacksonFingerprints {

    private static final ObjectMapper DEFAULT_MAPPER = JsonMapper.builder().build();

    private JacksonFingerprints() {}

    /**
     * @param request the request, serialized by a default {@link JsonMapper}
     * @return its fingerprint
     * @throws IllegalArgumentException if Jackson cannot serialize the request
     */
    public static Fingerprint of(Object request) {
        return of(DEFAULT_MAPPER, request);
    }

    /**
     * @param mapper the mapper that serializes requests (use the application's, for its modules)
     * @param request the request, possibly null (JSON {@code null})
     * @return its fingerprint
     * @throws IllegalArgumentException if Jackson cannot serialize the request
     * @throws NullPointerException if {@code mapper} is null
     */
    public static Fingerprint of(ObjectMapper mapper, Object request) {
        Objects.requireNonNull(mapper, "mapper must not be null");
        return Fingerprint.sha256(CanonicalJson.write(mapper, request));
    }

    /**
     * The canonical JSON itself, for logs and for checking what the fingerprint covers.
     *
     * @param mapper the mapper
     * @param request the request
     * @return the canonical JSON text
     * @throws IllegalArgumentException if Jackson cannot serialize the request
     */
    public static String canonicalJson(ObjectMapper mapper, Object request) {
        Objects.requireNonNull(mapper, "mapper must not be null");
        return new String(CanonicalJson.write(mapper, request), java.nio.charset.StandardCharsets.UTF_8);
    }
}
