package dev.secondchance.examples.herd.live;

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
import java.util.function.LongSupplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * An {@link HttpClient} that counts each request in a {@link RequestTimeline} at the moment it is sent,
 * then hands it to the real client. The live herd wraps it in the
 * {@link dev.secondchance.retry.http.RetryingHttpClient}, so every attempt is counted when the strategy
 * sends it: the load the strategy offers, unaffected by when the server's threads get to run on a busy
 * machine. Thread-safe.
 */
final class SendCountingHttpClient extends HttpClient {

    private final HttpClient delegate;
    private final RequestTimeline sends;
    private final LongSupplier elapsedNanos;

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
        return delegate.send(request, handler);
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
