package dev.secondchance.retry.http;

import dev.secondchance.idempotency.IdempotencyTokens;
import dev.secondchance.retry.RetryPolicy;
import dev.secondchance.retry.http.internal.RequestSafety;
import java.net.http.HttpClient;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Builds a {@link RetryingHttpClient}: which methods are not idempotent, and what makes their retries safe.
 * Each setter checks its argument at once; the builder is mutable and not thread-safe, the client it builds
 * is immutable and thread-safe.
 *
 * <table>
 *   <caption>Defaults</caption>
 *   <tr><th>setting</th><th>default</th><th>why</th></tr>
 *   <tr><td>nonIdempotentMethods</td><td>{@code POST}, {@code PATCH}</td><td>RFC 9110: the methods that are
 *       neither safe nor idempotent</td></tr>
 *   <tr><td>idempotencyKeyHeader</td><td>{@value #DEFAULT_KEY_HEADER}</td><td>Stripe and the IETF
 *       {@code Idempotency-Key} header draft</td></tr>
 *   <tr><td>attachIdempotencyKey</td><td>false</td><td>a server that ignores the header would still run a
 *       retry twice: turn it on for servers that honour it</td></tr>
 *   <tr><td>idempotencyKeys</td><td>{@link IdempotencyTokens#random()}</td><td>random version 4 UUIDs, not
 *       guessable</td></tr>
 *   <tr><td>retryNonIdempotent</td><td>false</td><td>never risk a second effect unless told</td></tr>
 * </table>
 */
public final class RetryingHttpClientBuilder {

    /** The header that carries an idempotency key: {@value}. */
    public static final String DEFAULT_KEY_HEADER = "Idempotency-Key";

    private final HttpClient delegate;
    private final RetryPolicy policy;
    private Set<String> nonIdempotentMethods = Set.of("POST", "PATCH");
    private String idempotencyKeyHeader = DEFAULT_KEY_HEADER;
    private boolean attachIdempotencyKey;
    private Supplier<String> idempotencyKeys = IdempotencyTokens::random;
    private boolean retryNonIdempotent;

    RetryingHttpClientBuilder(HttpClient delegate, RetryPolicy policy) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * Sets the methods whose requests may change something on a second arrival: their retries need an
     * idempotency key, proof that the request was never sent, or {@link #retryNonIdempotent(boolean)}.
     *
     * @param methods the method names, matched exactly as {@link java.net.http.HttpRequest#method()} gives them
     *     (the JDK keeps them as written: give the upper-case names); may be empty
     * @return this builder
     * @throws NullPointerException if {@code methods} is or holds null
     * @throws IllegalArgumentException if a name is empty or has a character an HTTP method cannot have
     */
    public RetryingHttpClientBuilder nonIdempotentMethods(Set<String> methods) {
        Objects.requireNonNull(methods, "methods must not be null");
        Set<String> checked = new TreeSet<>();
        for (String method : methods) {
            checked.add(RequestSafety.requireToken(method, "method"));
        }
        this.nonIdempotentMethods = Set.copyOf(checked);
        return this;
    }

    /**
     * @param header the name of the header that carries an idempotency key, matched case-insensitively
     * @return this builder
     * @throws NullPointerException if {@code header} is null
     * @throws IllegalArgumentException if it is empty or not a valid header name
     */
    public RetryingHttpClientBuilder idempotencyKeyHeader(String header) {
        this.idempotencyKeyHeader = RequestSafety.requireToken(header, "idempotencyKeyHeader");
        return this;
    }

    /**
     * Makes the client give each non-idempotent request that has no key header one of its own: one key per
     * logical {@code send}, made before the first attempt and sent again, unchanged, with every retry of that
     * send. A key the caller set is never replaced. Turn it on only for servers that deduplicate on the header.
     *
     * @param attach true to attach keys
     * @return this builder
     */
    public RetryingHttpClientBuilder attachIdempotencyKey(boolean attach) {
        this.attachIdempotencyKey = attach;
        return this;
    }

    /**
     * @param keys makes the key of each logical send that gets one attached; called once per send, it must be
     *     thread-safe and make a fresh value each time (a repeated key would replay another request's response)
     * @return this builder
     * @throws NullPointerException if {@code keys} is null
     */
    public RetryingHttpClientBuilder idempotencyKeys(Supplier<String> keys) {
        this.idempotencyKeys = Objects.requireNonNull(keys, "keys must not be null");
        return this;
    }

    /**
     * Retries non-idempotent requests like any other, with no key and no proof that they were not sent (the
     * behaviour of {@link RetryingHttpClient#of} before issue #13): only for servers that deduplicate them some other way.
     *
     * @param retry true to retry them whatever happened
     * @return this builder
     */
    public RetryingHttpClientBuilder retryNonIdempotent(boolean retry) {
        this.retryNonIdempotent = retry;
        return this;
    }

    /**
     * Builds the client. The builder may be changed and built again.
     *
     * @return a new client
     */
    public RetryingHttpClient build() {
        return new RetryingHttpClient(delegate, policy, RequestSafety.of(nonIdempotentMethods, idempotencyKeyHeader,
                attachIdempotencyKey, idempotencyKeys, retryNonIdempotent, policy));
    }

    /**
     * Restores a builder from a client's settings (for {@link RetryingHttpClient#toBuilder()}).
     */
    static RetryingHttpClientBuilder from(HttpClient delegate, RetryPolicy policy, RequestSafety safety) {
        RetryingHttpClientBuilder builder = new RetryingHttpClientBuilder(delegate, policy);
        builder.nonIdempotentMethods = safety.nonIdempotentMethods();
        builder.idempotencyKeyHeader = safety.keyHeader();
        builder.attachIdempotencyKey = safety.attachKey();
        builder.idempotencyKeys = safety.keys();
        builder.retryNonIdempotent = safety.retryAnyway();
        return builder;
    }
}
