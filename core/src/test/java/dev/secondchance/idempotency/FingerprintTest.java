package dev.secondchance.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FingerprintTest {

    @Test
    void sha256_whenKnownVector_givesTheStandardDigest() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                Fingerprint.sha256("abc").hex());
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                Fingerprint.sha256(new byte[0]).hex());
    }

    @Test
    void sha256_whenTextOrItsUtf8Bytes_areEqual() {
        assertEquals(Fingerprint.sha256("caf\u00e9"), Fingerprint.sha256("caf\u00e9".getBytes(StandardCharsets.UTF_8)));
        assertNotEquals(Fingerprint.sha256("a"), Fingerprint.sha256("b"));
    }

    @Test
    void ofHex_whenUpperCase_normalizesToLowerCase() {
        Fingerprint fingerprint = Fingerprint.ofHex("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD");

        assertEquals(Fingerprint.sha256("abc"), fingerprint);
        assertEquals("sha256:" + fingerprint.hex(), fingerprint.toString());
    }

    @Test
    void ofHex_whenNotSixtyFourHexDigits_throwsNamingTheFormat() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Fingerprint.ofHex("abc"));
        assertEquals("hex must be 64 hex digits (a SHA-256), got 'abc'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Fingerprint.ofHex("g".repeat(64)));
    }
}
