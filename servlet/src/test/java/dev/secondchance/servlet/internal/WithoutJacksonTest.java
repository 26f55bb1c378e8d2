package dev.secondchance.servlet.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.secondchance.idempotency.Fingerprint;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Jackson is optional: without it on the class path, JSON bodies are compared byte for byte, and nothing fails. */
class WithoutJacksonTest {

    @Test
    void of_whenJacksonIsAbsent_comparesJsonBodiesByteForByte() throws Exception {
        URL servlet = RequestFingerprints.class.getProtectionDomain().getCodeSource().getLocation();
        URL core = Fingerprint.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader withoutJackson = new URLClassLoader(new URL[] {servlet, core},
                ClassLoader.getPlatformClassLoader())) {
            assertThrows(ClassNotFoundException.class,
                    () -> withoutJackson.loadClass("com.fasterxml.jackson.databind.json.JsonMapper"));
            Class<?> fingerprints = withoutJackson.loadClass(RequestFingerprints.class.getName());
            Method of = fingerprints.getMethod("of", String.class, String.class, String.class, String.class,
                    byte[].class, boolean.class);

            Object first = of.invoke(null, "POST", "/p", null, "application/json", bytes("{\"a\":1,\"b\":2}"), true);
            Object same = of.invoke(null, "POST", "/p", null, "application/json", bytes("{\"a\":1,\"b\":2}"), true);
            Object reordered = of.invoke(null, "POST", "/p", null, "application/json", bytes("{\"b\":2,\"a\":1}"), true);

            assertEquals(first, same);
            assertNotEquals(first, reordered);
        }
        assertEquals(RequestFingerprints.of("POST", "/p", null, "application/json", bytes("{\"a\":1,\"b\":2}"), true),
                RequestFingerprints.of("POST", "/p", null, "application/json", bytes("{\"b\":2,\"a\":1}"), true),
                "with Jackson present, the same two bodies are one request");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
