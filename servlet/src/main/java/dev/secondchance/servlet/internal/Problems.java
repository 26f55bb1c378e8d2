package dev.secondchance.servlet.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** RFC 9457 problem details ({@code application/problem+json}) for the answers the filter gives itself. */
public final class Problems {

    /** The media type of a problem. */
    public static final String CONTENT_TYPE = "application/problem+json";

    /** Where the problem types are described. */
    public static final String TYPE_BASE = "https://secondchance.dev/problems/";

    private Problems() {}

    /**
     * Answers with a problem; the response must not have been written to.
     *
     * @param type the last segment of the problem type URI under {@link #TYPE_BASE}
     */
    static void send(HttpServletResponse response, int status, String type, String title, String detail)
            throws IOException {
        byte[] json = json(TYPE_BASE + type, title, status, detail);
        response.setStatus(status);
        response.setContentType(CONTENT_TYPE);
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
    }

    /** The problem as UTF-8 JSON. */
    static byte[] json(String type, String title, int status, String detail) {
        String json = "{\"type\":" + quote(type) + ",\"title\":" + quote(title) + ",\"status\":" + status
                + ",\"detail\":" + quote(detail) + "}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
