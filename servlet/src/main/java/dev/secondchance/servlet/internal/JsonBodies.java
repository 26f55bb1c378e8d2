package dev.secondchance.servlet.internal;

/**
 * Canonical JSON of request bodies when Jackson is present (an optional dependency): the class that uses
 * Jackson is loaded only after Jackson was found.
 */
final class JsonBodies {

    private static final boolean JACKSON_PRESENT = jacksonPresent();

    private JsonBodies() {}

    /** @return the canonical JSON of {@code body}, or null without Jackson or if the body is not strict JSON */
    static byte[] canonical(byte[] body) {
        return JACKSON_PRESENT ? JacksonCanonicalJson.canonical(body) : null;
    }

    private static boolean jacksonPresent() {
        try {
            Class.forName("com.fasterxml.jackson.databind.json.JsonMapper", false, JsonBodies.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }
}
