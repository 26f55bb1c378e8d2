package dev.secondchance.servlet.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/** Reads a request body in full, up to a limit. */
final class RequestBodies {

    private RequestBodies() {}

    /** @return the body, or null if it is longer than {@code max} bytes */
    static byte[] read(HttpServletRequest request, int max) throws IOException {
        if (request.getContentLengthLong() > max) {
            return null;
        }
        byte[] body = request.getInputStream().readNBytes(max + 1);
        return body.length > max ? null : body;
    }
}
