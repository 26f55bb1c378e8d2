package dev.secondchance.servlet.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.secondchance.idempotency.Fingerprint;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestFingerprintsTest {

    private static Fingerprint json(String body) {
        return RequestFingerprints.of("POST", "/p", null, "application/json", body.getBytes(StandardCharsets.UTF_8),
                true);
    }

    @Test
    void of_whenJsonDiffersInKeyOrderOrWhitespace_isTheSame() {
        assertEquals(json("{\"a\":1,\"b\":{\"y\":[1,2],\"x\":null}}"),
                json(" {\n \"b\" : { \"x\":null, \"y\":[1, 2] }, \"a\":1 } "));
    }

    @Test
    void of_whenJsonDiffersInArrayOrderOrValue_differs() {
        assertNotEquals(json("{\"a\":[1,2]}"), json("{\"a\":[2,1]}"));
        assertNotEquals(json("{\"a\":\"1\"}"), json("{\"a\":1}"));
    }

    @Test
    void of_whenDecimalsDifferBeyondDoublePrecision_differs() {
        assertNotEquals(json("{\"amount\":0.1}"), json("{\"amount\":0.10000000000000000001}"));
        assertNotEquals(json("{\"id\":12345678901234567890}"), json("{\"id\":12345678901234567891}"));
    }

    @Test
    void of_whenDuplicateKeysOrTrailingTokens_hashesTheBytesSoItNeverMatchesTheCleanBody() {
        assertNotEquals(json("{\"a\":2}"), json("{\"a\":1,\"a\":2}"));
        assertNotEquals(json("{\"a\":2}"), json("{\"a\":2} {\"a\":3}"));
    }

    @Test
    void of_whenNotJsonContentType_comparesBytes() {
        byte[] a = "{\"a\":1,\"b\":2}".getBytes(StandardCharsets.UTF_8);
        byte[] b = "{\"b\":2,\"a\":1}".getBytes(StandardCharsets.UTF_8);

        assertNotEquals(RequestFingerprints.of("POST", "/p", null, "text/plain", a, true),
                RequestFingerprints.of("POST", "/p", null, "text/plain", b, true));
        assertEquals(RequestFingerprints.of("POST", "/p", null, "application/problem+json; charset=utf-8", a, true),
                RequestFingerprints.of("POST", "/p", null, "application/problem+json", b, true));
    }

    @Test
    void of_whenMethodPathOrQueryDiffer_differs() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        Fingerprint base = RequestFingerprints.of("POST", "/p", "a=1", "application/json", body, true);

        assertNotEquals(base, RequestFingerprints.of("PATCH", "/p", "a=1", "application/json", body, true));
        assertNotEquals(base, RequestFingerprints.of("POST", "/q", "a=1", "application/json", body, true));
        assertNotEquals(base, RequestFingerprints.of("POST", "/p", "a=2", "application/json", body, true));
        assertNotEquals(base, RequestFingerprints.of("POST", "/p", null, "application/json", body, true));
    }

    @Test
    void of_whenPartsShiftAcrossTheirBoundaries_differs() {
        byte[] empty = new byte[0];
        assertNotEquals(RequestFingerprints.of("POST", "/pa", "", "text/plain", empty, true),
                RequestFingerprints.of("POST", "/p", "a", "text/plain", empty, true));
    }

    @Test
    void ofForm_whenParametersInAnotherOrder_isTheSame() {
        assertEquals(RequestFingerprints.ofForm("POST", "/p", null, Map.of("a", new String[] {"1"}, "b", new String[] {"2"})),
                RequestFingerprints.ofForm("POST", "/p", null, Map.of("b", new String[] {"2"}, "a", new String[] {"1"})));
        assertNotEquals(RequestFingerprints.ofForm("POST", "/p", null, Map.of("a", new String[] {"1", "2"})),
                RequestFingerprints.ofForm("POST", "/p", null, Map.of("a", new String[] {"2", "1"})));
    }
}
