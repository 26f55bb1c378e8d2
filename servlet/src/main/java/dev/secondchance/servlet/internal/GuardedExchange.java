package dev.secondchance.servlet.internal;

import dev.secondchance.idempotency.Fingerprint;
import dev.secondchance.idempotency.IdempotencyException;
import dev.secondchance.idempotency.IdempotentExecutor;
import dev.secondchance.idempotency.IdempotentExecutorBuilder;
import dev.secondchance.servlet.RecordedResponse;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;

/** What the filter does with one request: pass it, refuse it, run it once, or replay its first response. */
public final class GuardedExchange {

    /** The header that marks a replayed response. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private final FilterSettings settings;
    private final IdempotentExecutor<RecordedResponse> executor;

    /**
     * @param settings the filter's settings
     * @throws IllegalArgumentException if the executor customizer made an invalid setting
     */
    public GuardedExchange(FilterSettings settings) {
        this.settings = settings;
        IdempotentExecutorBuilder<RecordedResponse> builder = IdempotentExecutor.builder(settings.store(),
                RecordedResponse.codec());
        settings.executorCustomizer().accept(builder);
        this.executor = builder.failurePolicy(new ServerErrorPolicy(settings.serverErrors())).build();
    }

    /** Handles one HTTP request. */
    public void handle(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!settings.guards(request.getMethod(), path)) {
            chain.doFilter(request, response);
            return;
        }
        List<String> keys = Collections.list(request.getHeaders(settings.keyHeader()));
        if (keys.isEmpty()) {
            if (settings.keyRequired()) {
                Problems.send(response, 400, "idempotency-key-missing", "Idempotency key missing",
                        request.getMethod() + " " + path + " needs an " + settings.keyHeader() + " header: a unique "
                                + "value such as a UUID, sent again unchanged with every retry of this request");
            } else {
                chain.doFilter(request, response);
            }
            return;
        }
        if (keys.size() > 1) {
            Problems.send(response, 400, "idempotency-key-invalid", "Idempotency key invalid",
                    "the request has " + keys.size() + " " + settings.keyHeader() + " headers; send exactly one");
            return;
        }
        HttpServletRequest toRun = request;
        Fingerprint fingerprint;
        if (RequestFingerprints.isForm(request.getContentType())) {
            fingerprint = RequestFingerprints.ofForm(request.getMethod(), path, request.getQueryString(),
                    request.getParameterMap());
        } else {
            byte[] body = RequestBodies.read(request, settings.maxRequestBodyBytes());
            if (body == null) {
                Problems.send(response, 413, "request-too-large", "Request body too large",
                        "a request with an idempotency key may have at most " + settings.maxRequestBodyBytes()
                                + " bytes of body");
                return;
            }
            toRun = new CachedBodyRequest(request, body);
            fingerprint = RequestFingerprints.of(request.getMethod(), path, request.getQueryString(),
                    request.getContentType(), body, settings.canonicalJson());
        }
        run(unquote(keys.get(0)), fingerprint, new ServletRun(toRun, response, chain, settings), response);
    }

    private void run(String key, Fingerprint fingerprint, ServletRun run, HttpServletResponse response)
            throws IOException, ServletException {
        RecordedResponse recorded;
        try {
            recorded = executor.execute(key, fingerprint, run::run);
        } catch (HandlerFailure failure) {
            failure.rethrow();
            return;
        } catch (ServerErrorResponse released) {
            run.sendCaptured();
            return;
        } catch (IdempotencyException refused) {
            if (run.completed()) {
                run.sendCaptured();
            } else {
                Refusals.send(refused, response);
            }
            return;
        }
        if (run.completed()) {
            run.sendCaptured();
        } else {
            replay(recorded, response);
        }
    }

    private static void replay(RecordedResponse recorded, HttpServletResponse response) throws IOException {
        response.setStatus(recorded.status());
        recorded.headers().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        response.setHeader(REPLAYED_HEADER, "true");
        response.setContentLength(recorded.bodyLength());
        if (recorded.bodyLength() > 0) {
            response.getOutputStream().write(recorded.body());
        }
    }

    /** A key as a structured-field string ({@code "abc"}, as the IETF draft writes it) or bare (as Stripe). */
    private static String unquote(String key) {
        String trimmed = key.strip();
        if (trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
            String inner = trimmed.substring(1, trimmed.length() - 1);
            if (inner.indexOf('"') < 0 && inner.indexOf('\\') < 0) {
                return inner;
            }
        }
        return trimmed;
    }
}
