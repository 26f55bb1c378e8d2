package dev.secondchance.servlet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.secondchance.idempotency.ResultCodec;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordedResponseTest {

    private static final ResultCodec<RecordedResponse> CODEC = RecordedResponse.codec();

    private static RecordedResponse sample() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of("application/json; charset=UTF-8"));
        headers.put("Link", List.of("</a>; rel=next", "</b>; rel=prev"));
        return RecordedResponse.of(201, headers, "{\"payment\":\"é\"}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void codec_whenRoundTripped_givesAnEqualResponseWithHeaderOrderKept() {
        RecordedResponse decoded = CODEC.decode(CODEC.encode(sample()));

        assertEquals(sample(), decoded);
        assertEquals(List.of("Content-Type", "Link"), List.copyOf(decoded.headers().keySet()));
        assertEquals(List.of("</a>; rel=next", "</b>; rel=prev"), decoded.headers().get("Link"));
    }

    @Test
    void codec_whenEmptyBodyAndNoHeaders_roundTrips() {
        RecordedResponse empty = RecordedResponse.of(204, Map.of(), new byte[0]);

        assertEquals(empty, CODEC.decode(CODEC.encode(empty)));
    }

    @Test
    void codec_idAndVersion_areStable() {
        assertEquals("http-response", CODEC.id());
        assertEquals(1, CODEC.version());
    }

    @Test
    void codec_whenBytesTruncatedOrTrailing_rejectsThemInsteadOfMisreading() {
        byte[] bytes = CODEC.encode(sample());

        assertThrows(IllegalArgumentException.class, () -> CODEC.decode(Arrays.copyOf(bytes, bytes.length - 1)));
        assertThrows(IllegalArgumentException.class, () -> CODEC.decode(Arrays.copyOf(bytes, bytes.length + 1)));
        assertThrows(IllegalArgumentException.class, () -> CODEC.decode(new byte[] {0, 0, 0, (byte) 200, -1, -1, -1, -1}));
    }

    @Test
    void of_whenArgumentsAreMutatedAfterwards_keepsItsCopy() {
        byte[] body = {1, 2, 3};
        Map<String, List<String>> headers = new LinkedHashMap<>(Map.of("ETag", List.of("\"v1\"")));
        RecordedResponse response = RecordedResponse.of(200, headers, body);
        body[0] = 9;
        headers.put("Location", List.of("/x"));

        assertArrayEquals(new byte[] {1, 2, 3}, response.body());
        assertEquals(Map.of("ETag", List.of("\"v1\"")), response.headers());
        assertThrows(UnsupportedOperationException.class, () -> response.headers().put("a", List.of()));
    }

    @Test
    void of_whenStatusOrHeaderInvalid_saysWhat() {
        assertThrows(IllegalArgumentException.class, () -> RecordedResponse.of(99, Map.of(), new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> RecordedResponse.of(200, Map.of("", List.of()), new byte[0]));
        IllegalArgumentException split = assertThrows(IllegalArgumentException.class,
                () -> RecordedResponse.of(200, Map.of("X", List.of("a\r\nSet-Cookie: b")), new byte[0]));
        assertEquals("a header value must not contain a line break: a\r\nSet-Cookie: b", split.getMessage());
    }
}
