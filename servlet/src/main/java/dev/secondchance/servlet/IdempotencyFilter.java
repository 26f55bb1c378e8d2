package dev.secondchance.servlet;

import dev.secondchance.idempotency.IdempotentExecutor;
import dev.secondchance.idempotency.spi.IdempotencyStore;
import dev.secondchance.servlet.internal.FilterSettings;
import dev.secondchance.servlet.internal.GuardedExchange;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A servlet filter that runs each request with an {@code Idempotency-Key} header at most once per key and
 * replays its response to every retry and duplicate, as Stripe and the IETF draft
 * {@code draft-ietf-httpapi-idempotency-key-header} describe. It runs the rest of the chain through an
 * {@link IdempotentExecutor} whose result is the {@link RecordedResponse}, so it works over any idempotency
 * store: {@link IdempotencyStore#inMemory()} for one process, the DynamoDB store for many.
 *
 * <table>
 *   <caption>Answers, for a guarded request (method and path, see the builder)</caption>
 *   <tr><th>case</th><th>answer</th></tr>
 *   <tr><td>no key (and {@code keyRequired})</td><td>400, {@code application/problem+json}; nothing runs</td></tr>
 *   <tr><td>an invalid key (empty, over 255 characters, not printable ASCII, repeated header)</td>
 *       <td>400, problem; nothing runs</td></tr>
 *   <tr><td>the first request with a key</td><td>the servlet runs; its response is sent and, if 2xx, 3xx or
 *       4xx, recorded</td></tr>
 *   <tr><td>the same key and request again</td><td>the recorded response, plus {@code Idempotent-Replayed: true};
 *       one store round trip, the servlet does not run</td></tr>
 *   <tr><td>the same key, another request (method, path, query or body)</td><td>422, problem; nothing runs</td></tr>
 *   <tr><td>the same key while the first still runs</td><td>waits for its response (the default), or 409 with
 *       {@code Retry-After} ({@link dev.secondchance.idempotency.WhenInProgress#FAIL_FAST})</td></tr>
 *   <tr><td>a 5xx, or the servlet throws</td><td>sent as it is; the key is released and a retry runs again
 *       ({@link ServerErrors#RELEASE}, the default), or recorded and replayed ({@link ServerErrors#RECORD})</td></tr>
 *   <tr><td>a response too large for the store</td><td>sent to the first caller; the key is done, later requests
 *       get 410 and a problem, and the servlet never runs again for it</td></tr>
 *   <tr><td>the store unreachable before the run</td><td>503 with {@code Retry-After: 1}; nothing runs</td></tr>
 * </table>
 *
 * <p>The fingerprint covers the method, the path within the context, the raw query and the body: JSON bodies
 * (when Jackson is present) as canonical JSON, form bodies as their sorted parameters, other bodies byte for
 * byte. The body is read in full (up to {@code maxRequestBodyBytes}) before the servlet runs, and the servlet's
 * response is kept in memory until it is recorded: guarded servlets must use blocking I/O, not async.
 *
 * <p>Immutable and thread-safe; {@link #init} and {@link #destroy} do nothing, so one instance may be added to
 * a container programmatically.
 */
public final class IdempotencyFilter implements Filter {

    private final FilterSettings settings;
    private final GuardedExchange exchange;

    IdempotencyFilter(FilterSettings settings) {
        this.settings = settings;
        this.exchange = new GuardedExchange(settings);
    }

    /**
     * Starts a builder with the defaults (see {@link IdempotencyFilterBuilder}).
     *
     * @param store where the keys and the recorded responses are kept
     * @return a new mutable builder
     * @throws NullPointerException if {@code store} is null
     */
    public static IdempotencyFilterBuilder builder(IdempotencyStore store) {
        return new IdempotencyFilterBuilder(store);
    }

    /**
     * Returns a builder with this filter's settings, to derive a changed copy.
     *
     * @return a new builder
     */
    public IdempotencyFilterBuilder toBuilder() {
        return IdempotencyFilterBuilder.from(settings);
    }

    /**
     * Passes requests that are not HTTP or not guarded; runs, refuses or replays the others (see above).
     *
     * @param request the request
     * @param response the response
     * @param chain the rest of the chain, run at most once per key
     * @throws IOException what the chain throws, or a failure to read the request or write the response
     * @throws ServletException what the chain throws
     */
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse httpResponse) {
            exchange.handle(http, httpResponse, chain);
        } else {
            chain.doFilter(request, response);
        }
    }
}
