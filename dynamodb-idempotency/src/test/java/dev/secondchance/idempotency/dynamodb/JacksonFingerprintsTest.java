package dev.secondchance.idempotency.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.secondchance.idempotency.Fingerprint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JacksonFingerprintsTest {

    record Charge(String currency, long amount, Map<String, Object> metadata) {}

    record SameFieldsOtherOrder(Map<String, Object> metadata, long amount, String currency) {}

    private final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void canonicalJson_whenNested_sortsEveryObjectsKeysWithoutWhitespace() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("z", 1);
        metadata.put("a", Map.of("y", true, "b", List.of(3, 1)));

        String json = JacksonFingerprints.canonicalJson(mapper, new Charge("EUR", 100, metadata));

        assertEquals("{\"amount\":100,\"currency\":\"EUR\",\"metadata\":{\"a\":{\"b\":[3,1],\"y\":true},\"z\":1}}", json);
    }

    @Test
    void of_whenPropertyOrMapOrderDiffers_givesTheSameFingerprint() {
        Map<String, Object> ab = new LinkedHashMap<>();
        ab.put("a", 1);
        ab.put("b", 2);
        Map<String, Object> ba = new LinkedHashMap<>();
        ba.put("b", 2);
        ba.put("a", 1);

        Fingerprint first = JacksonFingerprints.of(mapper, new Charge("EUR", 100, ab));

        assertEquals(first, JacksonFingerprints.of(mapper, new SameFieldsOtherOrder(ba, 100, "EUR")));
        assertEquals(first, JacksonFingerprints.of(new Charge("EUR", 100, ba)));
        assertEquals(Fingerprint.sha256(JacksonFingerprints.canonicalJson(mapper, new Charge("EUR", 100, ab))), first);
    }

    @Test
    void of_whenAValueOrArrayOrderDiffers_givesAnotherFingerprint() {
        assertNotEquals(JacksonFingerprints.of(new Charge("EUR", 100, Map.of())),
                JacksonFingerprints.of(new Charge("EUR", 101, Map.of())));
        assertNotEquals(JacksonFingerprints.of(List.of(1, 2)), JacksonFingerprints.of(List.of(2, 1)));
    }

    @Test
    void of_whenNotSerializable_throwsIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> JacksonFingerprints.of(mapper, new Object()));
    }
}
