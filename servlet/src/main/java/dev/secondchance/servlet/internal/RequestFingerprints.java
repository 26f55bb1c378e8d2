package dev.secondchance.servlet.internal;

import dev.secondchance.idempotency.Fingerprint;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fingerprint of an HTTP request: SHA-256 over the method, the path, the raw query, the kind of body and
 * the body, each length-prefixed so that no two requests share an input. A JSON body is hashed in its canonical
 * form when Jackson is present (and the body is strict JSON); a form body as its sorted parameters (read by the
 * container, so that the servlet can still read them); any other body byte for byte.
 */
public final class RequestFingerprints {

    private RequestFingerprints() {}

    /** Fingerprints a request whose body was read in full. */
    public static Fingerprint of(String method, String path, String query, String contentType, byte[] body,
            boolean canonicalJson) {
        MessageDigest digest = head(method, path, query);
        byte[] canonical = canonicalJson && isJson(contentType) ? JsonBodies.canonical(body) : null;
        if (canonical != null) {
            part(digest, "json");
            part(digest, canonical);
        } else {
            part(digest, "raw");
            part(digest, body);
        }
        return Fingerprint.ofHex(hex(digest.digest()));
    }

    /** Fingerprints a form request by its parameters, which the container parsed (query and body). */
    public static Fingerprint ofForm(String method, String path, String query, Map<String, String[]> parameters) {
        MessageDigest digest = head(method, path, query);
        part(digest, "form");
        for (Map.Entry<String, String[]> parameter : new TreeMap<>(parameters).entrySet()) {
            part(digest, parameter.getKey());
            digest.update(ByteBuffer.allocate(4).putInt(parameter.getValue().length).array());
            for (String value : parameter.getValue()) {
                part(digest, value);
            }
        }
        return Fingerprint.ofHex(hex(digest.digest()));
    }

    /** @return true for {@code application/x-www-form-urlencoded} */
    public static boolean isForm(String contentType) {
        return mediaType(contentType).equals("application/x-www-form-urlencoded");
    }

    static boolean isJson(String contentType) {
        String type = mediaType(contentType);
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private static MessageDigest head(String method, String path, String query) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        part(digest, method);
        part(digest, path);
        part(digest, query == null ? "" : query);
        return digest;
    }

    private static void part(MessageDigest digest, String text) {
        part(digest, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void part(MessageDigest digest, byte[] bytes) {
        digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        digest.update(bytes);
    }

    private static String hex(byte[] bytes) {
        StringBuilder hex = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return hex.toString();
    }
}
