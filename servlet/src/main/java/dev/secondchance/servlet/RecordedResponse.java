package dev.secondchance.servlet;

import dev.secondchance.idempotency.ResultCodec;
import dev.secondchance.servlet.internal.RecordedResponseCodec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The HTTP response an {@link IdempotencyFilter} records for a key and replays to every later request with it:
 * the status, the headers worth replaying (see {@link IdempotencyFilterBuilder#replayHeaders(String...)}) and
 * the body bytes. Immutable and thread-safe.
 */
public final class RecordedResponse {

    private final int status;
    private final Map<String, List<String>> headers;
    private final byte[] body;

    private RecordedResponse(int status, Map<String, List<String>> headers, byte[] body) {
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    /**
     * Makes a recorded response.
     *
     * @param status the HTTP status, in {@code [100, 999]}
     * @param headers header names to their values in the order they were set; copied
     * @param body the body bytes, possibly empty; copied
     * @return the response
     * @throws IllegalArgumentException if the status is out of range, or a header name or value is empty
     *     where it must not be or holds a line break
     * @throws NullPointerException if an argument, a name, a value list or a value is null
     */
    public static RecordedResponse of(int status, Map<String, List<String>> headers, byte[] body) {
        if (status < 100 || status > 999) {
            throw new IllegalArgumentException("status must be in [100, 999], got " + status);
        }
        Objects.requireNonNull(headers, "headers must not be null");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((name, values) -> {
            checkHeaderText(Objects.requireNonNull(name, "a header name must not be null"), "name");
            if (name.isEmpty()) {
                throw new IllegalArgumentException("a header name must not be empty");
            }
            List<String> valuesCopy = new ArrayList<>(Objects.requireNonNull(values, () -> "values of " + name));
            valuesCopy.forEach(value -> checkHeaderText(Objects.requireNonNull(value, () -> "a value of " + name),
                    "value"));
            copy.put(name, Collections.unmodifiableList(valuesCopy));
        });
        return new RecordedResponse(status, Collections.unmodifiableMap(copy),
                Objects.requireNonNull(body, "body must not be null").clone());
    }

    /**
     * The codec the filter's executor stores responses with: a compact binary form, id
     * {@code "http-response"}, version 1.
     *
     * @return the stateless, thread-safe codec
     */
    public static ResultCodec<RecordedResponse> codec() {
        return RecordedResponseCodec.INSTANCE;
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return header names to their values, in the order they were recorded; unmodifiable */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** @return a copy of the body bytes */
    public byte[] body() {
        return body.clone();
    }

    /** @return the body length in bytes */
    public int bodyLength() {
        return body.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecordedResponse r && status == r.status && headers.equals(r.headers)
                && Arrays.equals(body, r.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, headers, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "RecordedResponse[status=" + status + ", headers=" + headers + ", body=" + body.length + " bytes]";
    }

    private static void checkHeaderText(String text, String what) {
        if (text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a header " + what + " must not contain a line break: " + text);
        }
    }
}
