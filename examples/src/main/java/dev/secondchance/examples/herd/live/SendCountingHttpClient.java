package dev.secondchance.examples.herd.live;

import dev.secondchance.retry.ServerHints;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.PushPromiseHandler;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * An {@link HttpClient} that counts each request in a {@link RequestTimeline} at the moment it is sent,
 * then hands it to the real client. The live herd wraps it in the
 * {@link dev.secondchance.retry.http.RetryingHttpClient}, so every attempt is counted when the strategy
 * sends it: the load the strategy offers, unaffected by when the server's threads get to run on a busy
 * machine. It also counts <em>early</em> sends: a blocking send on a thread whose previous answer carried a
 * {@code Retry-After} that had not passed yet (each herd client is one thread). Thread-safe.
 */
final class SendCountingHttpClient extends HttpClient {

    private final HttpClient delegate;
    private final RequestTimeline sends;
    private final LongSupplier elapsedNanos;
    private final LongAdder earlySends = new LongAdder();
    private final ThreadLocal<long[]> hintEnds = ThreadLocal.withInitial(() -> new long[] {Long.MIN_VALUE});

    /**
     * @param delegate the client that sends
     * @param sends where each send is counted
     * @param elapsedNanos the time since the server opened
     */
    SendCountingHttpClient(HttpClient delegate, RequestTimeline sends, LongSupplier elapsedNanos) {
        this.delegate = delegate;
        this.sends = sends;
        this.elapsedNanos = elapsedNanos;
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, BodyHandler<T> handler)
            throws IOException, InterruptedException {
        count();
        long[] hintEnd = hintEnds.get();
        if (elapsedNanos.getAsLong() < hintEnd[0]) {
            earlySends.increment();
        }
        HttpResponse<T> response = delegate.send(request, handler);
        Duration hint = ServerHints.parseDeltaSeconds(
                response.headers().firstValue(ServerHints.RETRY_AFTER).orElse(null));
        hintEnd[0] = hint == null ? Long.MIN_VALUE : elapsedNanos.getAsLong() + hint.toNanos();
        return response;
    }

    /** @return the blocking sends that left before the previous answer's {@code Retry-After} had passed */
    long earlySends() {
        return earlySends.sum();
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, BodyHandler<T> handler) {
        count();
        return delegate.sendAsync(request, handler);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, BodyHandler<T> handler,
            PushPromiseHandler<T> pushPromiseHandler) {
        count();
        return delegate.sendAsync(request, handler, pushPromiseHandler);
    }

    private void count() {
        sends.count(sends.slotOf(elapsedNanos.getAsLong()));
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return delegate.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return delegate.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return delegate.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return delegate.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return delegate.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return delegate.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return delegate.authenticator();
    }

    @Override
    public Version version() {
        return delegate.version();
    }

    @Override
    public Optional<Executor> executor() {
        return delegate.executor();
    }
}
