package dev.secondchance.servlet;

import dev.secondchance.idempotency.IdempotentExecutorBuilder;
import dev.secondchance.idempotency.spi.IdempotencyStore;
import dev.secondchance.servlet.internal.FilterSettings;
import dev.secondchance.servlet.internal.HeaderRules;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Builds an {@link IdempotencyFilter}. Each setter checks its argument at once; the builder is mutable and not
 * thread-safe, the filter it builds is immutable and thread-safe.
 *
 * <table>
 *   <caption>Defaults</caption>
 *   <tr><th>setting</th><th>default</th></tr>
 *   <tr><td>keyHeader</td><td>{@code Idempotency-Key} (IETF draft, Stripe)</td></tr>
 *   <tr><td>methods</td><td>{@code POST}, {@code PATCH} (the methods RFC 9110 does not call idempotent)</td></tr>
 *   <tr><td>pathPrefixes</td><td>{@code /}: every path the filter is mapped to</td></tr>
 *   <tr><td>keyRequired</td><td>true: a guarded request without a key gets 400</td></tr>
 *   <tr><td>serverErrors</td><td>{@link ServerErrors#RELEASE}: a 5xx releases the key, a retry runs again</td></tr>
 *   <tr><td>maxRequestBodyBytes</td><td>1 MiB; a larger body gets 413</td></tr>
 *   <tr><td>replayHeaders</td><td>{@link #DEFAULT_REPLAY_HEADERS}</td></tr>
 *   <tr><td>canonicalJson</td><td>true: JSON bodies are compared as canonical JSON when Jackson is present</td></tr>
 *   <tr><td>executor</td><td>the {@link dev.secondchance.idempotency.IdempotentExecutor} defaults: wait for a
 *       running duplicate, 30 s lease, 24 h ttl</td></tr>
 * </table>
 */
public final class IdempotencyFilterBuilder {

    /**
     * The response headers recorded and replayed by default (besides the status and body): {@code Content-Type},
     * {@code Content-Language}, {@code Content-Encoding}, {@code Content-Disposition}, {@code Content-Location},
     * {@code Location}, {@code ETag}, {@code Last-Modified}, {@code Cache-Control}, {@code Link}.
     */
    public static final List<String> DEFAULT_REPLAY_HEADERS = List.of("Content-Type", "Content-Language",
            "Content-Encoding", "Content-Disposition", "Content-Location", "Location", "ETag", "Last-Modified",
            "Cache-Control", "Link");

    static final int MAX_BODY_LIMIT = 64 * 1024 * 1024;

    private final IdempotencyStore store;
    private String keyHeader = "Idempotency-Key";
    private Set<String> methods = Set.of("POST", "PATCH");
    private List<String> pathPrefixes = List.of("/");
    private boolean keyRequired = true;
    private ServerErrors serverErrors = ServerErrors.RELEASE;
    private int maxRequestBodyBytes = 1024 * 1024;
    private Set<String> replayHeaders = HeaderRules.lowerCase(DEFAULT_REPLAY_HEADERS);
    private boolean canonicalJson = true;
    private Consumer<? super IdempotentExecutorBuilder<RecordedResponse>> executorCustomizer = builder -> { };

    IdempotencyFilterBuilder(IdempotencyStore store) {
        this.store = Objects.requireNonNull(store, "store must not be null");
    }

    static IdempotencyFilterBuilder from(FilterSettings settings) {
        IdempotencyFilterBuilder b = new IdempotencyFilterBuilder(settings.store());
        b.keyHeader = settings.keyHeader();
        b.methods = settings.methods();
        b.pathPrefixes = settings.pathPrefixes();
        b.keyRequired = settings.keyRequired();
        b.serverErrors = settings.serverErrors();
        b.maxRequestBodyBytes = settings.maxRequestBodyBytes();
        b.replayHeaders = settings.replayHeaders();
        b.canonicalJson = settings.canonicalJson();
        b.executorCustomizer = settings.executorCustomizer();
        return b;
    }

    /**
     * @param keyHeader the request header that carries the idempotency key, an HTTP token such as
     *     {@code Idempotency-Key}
     * @return this builder
     * @throws IllegalArgumentException if it is not an HTTP header name
     */
    public IdempotencyFilterBuilder keyHeader(String keyHeader) {
        this.keyHeader = HeaderRules.checkName(keyHeader, "keyHeader");
        return this;
    }

    /**
     * @param methods the request methods the filter guards, such as {@code POST}; at least one; case-insensitive
     * @return this builder
     * @throws IllegalArgumentException if none is given or one is not an HTTP method name
     */
    public IdempotencyFilterBuilder methods(String... methods) {
        Objects.requireNonNull(methods, "methods must not be null");
        if (methods.length == 0) {
            throw new IllegalArgumentException("methods must name at least one method, such as POST");
        }
        Set<String> set = new LinkedHashSet<>();
        for (String method : methods) {
            set.add(HeaderRules.checkName(method, "method").toUpperCase(Locale.ROOT));
        }
        this.methods = Set.copyOf(set);
        return this;
    }

    /**
     * @param pathPrefixes the paths the filter guards, within the servlet context (the request URI without the
     *     context path), each starting with {@code /}; {@code /payments} guards {@code /payments} and
     *     {@code /payments/...}, not {@code /payments2}; at least one; {@code /} guards every path
     * @return this builder
     * @throws IllegalArgumentException if none is given or one does not start with {@code /}
     */
    public IdempotencyFilterBuilder pathPrefixes(String... pathPrefixes) {
        Objects.requireNonNull(pathPrefixes, "pathPrefixes must not be null");
        if (pathPrefixes.length == 0) {
            throw new IllegalArgumentException("pathPrefixes must name at least one prefix; '/' guards every path");
        }
        List<String> list = new ArrayList<>();
        for (String prefix : pathPrefixes) {
            Objects.requireNonNull(prefix, "a path prefix must not be null");
            if (!prefix.startsWith("/")) {
                throw new IllegalArgumentException("a path prefix must start with '/', got '" + prefix + "'");
            }
            list.add(prefix);
        }
        this.pathPrefixes = List.copyOf(list);
        return this;
    }

    /**
     * @param keyRequired true (the default) to answer a guarded request without a key with 400 and a
     *     problem+json body; false to let it through, unguarded
     * @return this builder
     */
    public IdempotencyFilterBuilder keyRequired(boolean keyRequired) {
        this.keyRequired = keyRequired;
        return this;
    }

    /**
     * @param serverErrors what a 5xx response or a servlet exception does to the key
     * @return this builder
     */
    public IdempotencyFilterBuilder serverErrors(ServerErrors serverErrors) {
        this.serverErrors = Objects.requireNonNull(serverErrors, "serverErrors must not be null");
        return this;
    }

    /**
     * @param maxRequestBodyBytes the largest request body the filter reads to fingerprint it, in bytes,
     *     {@code [0, 64 MiB]}; a guarded request with a larger body gets 413 and does not run
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public IdempotencyFilterBuilder maxRequestBodyBytes(int maxRequestBodyBytes) {
        if (maxRequestBodyBytes < 0 || maxRequestBodyBytes > MAX_BODY_LIMIT) {
            throw new IllegalArgumentException("maxRequestBodyBytes must be in [0, " + MAX_BODY_LIMIT + "], got "
                    + maxRequestBodyBytes);
        }
        this.maxRequestBodyBytes = maxRequestBodyBytes;
        return this;
    }

    /**
     * Adds response headers to record and replay, besides {@link #DEFAULT_REPLAY_HEADERS}. The first response
     * always carries every header the servlet set; a replay carries only these.
     *
     * @param names header names, case-insensitive
     * @return this builder
     * @throws IllegalArgumentException if a name is not a header name, or is one that must never be replayed:
     *     {@code Set-Cookie} (another client's session), {@code Date}, {@code Content-Length} (the container
     *     sets it), hop-by-hop headers ({@code Connection}, {@code Transfer-Encoding}, ...) or
     *     {@code Idempotent-Replayed}
     */
    public IdempotencyFilterBuilder replayHeaders(String... names) {
        Objects.requireNonNull(names, "names must not be null");
        Set<String> set = new LinkedHashSet<>(replayHeaders);
        for (String name : names) {
            set.add(HeaderRules.checkReplayable(name));
        }
        this.replayHeaders = Set.copyOf(set);
        return this;
    }

    /**
     * @param canonicalJson true (the default) to fingerprint JSON bodies ({@code application/json},
     *     {@code application/*+json}) as canonical JSON when Jackson is present, so that key order and
     *     whitespace do not matter; false to compare every body byte for byte
     * @return this builder
     */
    public IdempotencyFilterBuilder canonicalJson(boolean canonicalJson) {
        this.canonicalJson = canonicalJson;
        return this;
    }

    /**
     * Tunes the executor the filter runs requests through: {@code whenInProgress} (wait for a running
     * duplicate, the default, or answer 409 at once), lease, ttl, wait timeout, key prefix, clock. The filter
     * sets the executor's failure policy itself after this customizer, from {@link #serverErrors}.
     *
     * @param customizer called once per {@link #build()} with a fresh executor builder
     * @return this builder
     */
    public IdempotencyFilterBuilder executor(Consumer<? super IdempotentExecutorBuilder<RecordedResponse>> customizer) {
        this.executorCustomizer = Objects.requireNonNull(customizer, "customizer must not be null");
        return this;
    }

    /**
     * Builds an immutable filter. The builder may be changed and built again.
     *
     * @return a new filter
     * @throws IllegalArgumentException if the executor customizer sets an invalid executor setting
     */
    public IdempotencyFilter build() {
        return new IdempotencyFilter(new FilterSettings(store, keyHeader, methods, pathPrefixes, keyRequired,
                serverErrors, maxRequestBodyBytes, replayHeaders, canonicalJson, executorCustomizer));
    }
}
