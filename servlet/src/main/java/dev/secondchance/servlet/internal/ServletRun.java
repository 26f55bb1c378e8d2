package dev.secondchance.servlet.internal;

import dev.secondchance.idempotency.OperationContext;
import dev.secondchance.servlet.RecordedResponse;
import dev.secondchance.servlet.ServerErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** One run of the servlet for a claimed key: the operation the executor runs at most once per key. */
final class ServletRun {

    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final FilterChain chain;
    private final FilterSettings settings;
    private CapturingResponse capture;
    private boolean completed;

    ServletRun(HttpServletRequest request, HttpServletResponse response, FilterChain chain, FilterSettings settings) {
        this.request = request;
        this.response = response;
        this.chain = chain;
        this.settings = settings;
    }

    /** Runs the servlet into a capture and returns what to record; throws to release or record a failure. */
    RecordedResponse run(OperationContext context) throws HandlerFailure {
        capture = new CapturingResponse(response);
        try {
            chain.doFilter(request, capture);
        } catch (IOException | ServletException | RuntimeException failure) {
            throw new HandlerFailure(failure);
        }
        completed = true;
        int status = capture.getStatus();
        if (status >= 500 && settings.serverErrors() == ServerErrors.RELEASE) {
            throw new ServerErrorResponse(status);
        }
        return RecordedResponse.of(status, replayHeaders(capture, settings.replayHeaders()), capture.body());
    }

    /** @return true if the servlet ran here and returned (whatever became of the record) */
    boolean completed() {
        return completed;
    }

    /** Sends this run's response: the servlet's status and headers are already on it, the body is not. */
    void sendCaptured() throws IOException {
        byte[] body = capture.body();
        response.setContentLength(body.length);
        if (body.length > 0) {
            response.getOutputStream().write(body);
        }
    }

    private static Map<String, List<String>> replayHeaders(HttpServletResponse response, Set<String> replayable) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : response.getHeaderNames()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (replayable.contains(lower) && headers.keySet().stream().noneMatch(name::equalsIgnoreCase)) {
                headers.put(name, new ArrayList<>(response.getHeaders(name)));
            }
        }
        String contentType = response.getContentType();
        if (contentType != null && replayable.contains("content-type")
                && headers.keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
            headers.put("Content-Type", Collections.singletonList(contentType));
        }
        return headers;
    }
}
