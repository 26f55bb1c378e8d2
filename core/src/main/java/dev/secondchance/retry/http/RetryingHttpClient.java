package dev.secondchance.retry.http;

import dev.secondchance.retry.CallOptions;
import dev.secondchance.retry.Classifiers;
import dev.secondchance.retry.RetriesEnded;
import dev.secondchance.retry.RetryInterruptedException;
import dev.secondchance.retry.RetryPolicy;
import dev.secondchance.retry.http.internal.Jdk21Lifecycle;
import dev.secondchance.retry.http.internal.LatestResponse;
import dev.secondchance.retry.http.internal.RequestSafety;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.PushPromiseHandler;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * An {@link HttpClient} that re-sends a request while its response or failure is retryable, as a
 * {@link RetryPolicy} decides. A drop-in decorator: every other method delegates to the wrapped client.
 *
 * <pre>{@code
 * HttpClient http = RetryingHttpClient.of(HttpClient.newHttpClient(), RetryPolicy.defaults());
 * HttpResponse<String> response = http.send(request, BodyHandlers.ofString());
 * }</pre>
 *
 * <p><b>What is retried.</b> The policy's classifiers decide. With the {@linkplain Classifiers#defaults()
 * default classifiers}: HTTP 500, 502, 503 and 504 and transient I/O failures (connection reset, timeout,
 * empty response, ...) are retried with the policy's backoff; HTTP 429 with its throttling backoff; any other
 * response is returned at once. A {@code Retry-After} (seconds or HTTP-date) or {@code x-amz-retry-after}
 * (milliseconds) header is honoured: the next attempt never leaves earlier, and a hint longer than the
 * policy's {@code maxRetryAfter} ends the call at once. A response is never turned into an exception: when
 * the retries end on a retryable response (say a 503 each time), that last response is returned.
 *
 * <p><b>What is sent again.</b> The same {@link HttpRequest}, unchanged, every attempt (with at most an
 * idempotency key added once before the first, see below). Its {@link HttpRequest#timeout() timeout} limits
 * each attempt; the policy's deadline stops further retries but does not cut an attempt in flight short. A
 * body must be replayable: the JDK's {@code BodyPublishers} ({@code ofString}, {@code ofByteArray},
 * {@code ofFile}, ...) are, but {@code ofInputStream} with a supplier that returns the same, already read
 * stream, or a custom publisher that can be subscribed to only once, sends an empty or broken body on a retry;
 * that is the caller's responsibility.
 *
 * <p><b>Non-idempotent requests.</b> A {@code POST} or {@code PATCH} (the
 * {@linkplain RetryingHttpClientBuilder#nonIdempotentMethods set is configurable}) that reached the server
 * may have acted, so it is retried only when a retry is safe:
 * <ul>
 *   <li>it carries an {@code Idempotency-Key} header (the caller's, never replaced), which the server
 *       deduplicates;</li>
 *   <li>the client {@linkplain RetryingHttpClientBuilder#attachIdempotencyKey attaches a key}: one per
 *       logical {@code send}, made before the first attempt with {@link
 *       dev.secondchance.idempotency.IdempotencyTokens#random()} and sent with every retry of that send;</li>
 *   <li>the failure proves the request never left: a connect failure ({@link java.net.ConnectException},
 *       {@link java.net.http.HttpConnectTimeoutException});</li>
 *   <li>the client was told to {@linkplain RetryingHttpClientBuilder#retryNonIdempotent retry them
 *       regardless}.</li>
 * </ul>
 * Otherwise a reset, a timeout after the connection was made, or a retryable response (a 503, a 429) ends
 * the call at once: the failure is thrown, or the response returned, as the policy's last outcome. The
 * JDK's own client re-sends some requests by itself beneath this one (see {@code docs/http-client.md}).
 *
 * <p><b>Discarded responses.</b> The body of each response that is dropped for a retry is released before
 * the next attempt is sent: an {@code InputStream} ({@code BodyHandlers.ofInputStream()}), a
 * {@code Stream} ({@code ofLines()}) or any other {@link AutoCloseable} body is closed (not drained: with
 * HTTP/1.1 the JDK then closes that connection rather than reusing it), and a {@code Flow.Publisher} body
 * ({@code ofPublisher()}) is cancelled. The body of a response dropped because the call then failed, was
 * interrupted or was cancelled is released too. Handlers that read the body in full ({@code ofString},
 * {@code ofByteArray}, {@code ofFile}, {@code discarding}, ...) need nothing. A custom handler that hands
 * out a lazy body of another type should make it {@code AutoCloseable}. The response finally returned is
 * the caller's to consume or close, as with any {@code HttpClient}.
 *
 * <p><b>Lifecycle.</b> This client owns no resources: the wrapped client does. On JDK 21 and later,
 * {@code shutdown}, {@code shutdownNow}, {@code awaitTermination}, {@code isTerminated} and so
 * {@code close} reach the wrapped client.
 *
 * <p>Immutable and thread-safe if the wrapped client is, which the JDK's are. Calls share the policy's
 * retry budget and metrics.
 */
public final class RetryingHttpClient extends HttpClient {

    private final HttpClient delegate;
    private final RetryPolicy policy;
    private final RequestSafety safety;

    RetryingHttpClient(HttpClient delegate, RetryPolicy policy, RequestSafety safety) {
        this.delegate = delegate;
        this.policy = policy;
        this.safety = safety;
    }

    /**
     * Wraps a client with the {@linkplain RetryingHttpClientBuilder defaults}: {@code POST} and {@code PATCH}
     * requests are retried only with an {@code Idempotency-Key} header of the caller's, or after a connect
     * failure. Do not wrap a {@code RetryingHttpClient} again: the attempts would multiply.
     *
     * @param delegate the client that sends each attempt; its settings (timeouts, redirects, proxy, TLS,
     *     executor) apply unchanged
     * @param policy the retry policy, usually shared by all calls to one service; its classifiers must
     *     classify {@link HttpResponse} results, as the {@linkplain Classifiers#defaults() defaults} do
     * @return the retrying client
     * @throws NullPointerException if an argument is null
     */
    public static RetryingHttpClient of(HttpClient delegate, RetryPolicy policy) {
        return builder(delegate, policy).build();
    }

    /**
     * Starts a builder, to say which methods are not idempotent and what makes their retries safe (attach
     * idempotency keys, or retry them regardless).
     *
     * @param delegate the client that sends each attempt
     * @param policy the retry policy
     * @return a new mutable builder with the defaults
     * @throws NullPointerException if an argument is null
     */
    public static RetryingHttpClientBuilder builder(HttpClient delegate, RetryPolicy policy) {
        return new RetryingHttpClientBuilder(delegate, policy);
    }

    /** @return a builder with this client's settings, to derive a changed copy */
    public RetryingHttpClientBuilder toBuilder() {
        return RetryingHttpClientBuilder.from(delegate, policy, safety);
    }

    /** @return the wrapped client */
    public HttpClient delegate() {
        return delegate;
    }

    /** @return the retry policy, for example to read its {@linkplain RetryPolicy#metrics() metrics} */
    public RetryPolicy policy() {
        return policy;
    }

    /**
     * Sends the request, blocking, and re-sends it after a wait on the policy's sleeper while the response
     * or failure is retryable.
     *
     * @param request the request, sent unchanged each attempt; its body publisher must be replayable
     * @param responseBodyHandler the handler of every attempt's response body
     * @param <T> the body type
     * @return the first non-retryable response, or the last response if the retries ended on a retryable
     *     one (for example a 503 after {@code maxAttempts} attempts, or a 429 whose {@code Retry-After} was
     *     too long)
     * @throws IOException the last attempt's I/O failure, unchanged, with a suppressed {@link RetriesEnded}
     *     that gives the attempt count and end reason
     * @throws InterruptedException if the thread was interrupted while an attempt was in flight (the wrapped
     *     client's exception), or between attempts (then its cause is a {@link RetryInterruptedException}
     *     with the outcome so far); either way the interrupt flag is clear, as usual
     * @throws IllegalArgumentException if the wrapped client rejects the request
     * @throws NullPointerException if an argument is null
     */
    @Override
    public <T> HttpResponse<T> send(HttpRequest request, BodyHandler<T> responseBodyHandler)
            throws IOException, InterruptedException {
        return send(CallOptions.none(), request, responseBodyHandler);
    }

    /**
     * Like {@link #send(HttpRequest, BodyHandler)}, with this call's own options, such as a deadline from the
     * request's latency budget ({@code CallOptions.deadline(left)}): no wait starts that would end after it.
     *
     * @param options this call's options
     * @param request the request, sent unchanged each attempt; its body publisher must be replayable
     * @param responseBodyHandler the handler of every attempt's response body
     * @param <T> the body type
     * @return as {@link #send(HttpRequest, BodyHandler)}
     * @throws IOException as {@link #send(HttpRequest, BodyHandler)}
     * @throws InterruptedException as {@link #send(HttpRequest, BodyHandler)}
     * @throws NullPointerException if an argument is null
     */
    public <T> HttpResponse<T> send(CallOptions options, HttpRequest request, BodyHandler<T> responseBodyHandler)
            throws IOException, InterruptedException {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(responseBodyHandler, "responseBodyHandler");
        Objects.requireNonNull(options, "options");
        RequestSafety.Prepared prepared = safety.prepare(request, policy);
        HttpRequest sent = prepared.request();
        LatestResponse<T> latest = new LatestResponse<>();
        try {
            return prepared.policy().call(options, () -> {
                latest.discard();
                return latest.remember(delegate.send(sent, responseBodyHandler));
            });
        } catch (RetryInterruptedException e) {
            latest.discard();
            Thread.interrupted(); // InterruptedException means the flag is clear
            InterruptedException interrupted = new InterruptedException(e.getMessage());
            interrupted.initCause(e);
            throw interrupted;
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            latest.discard();
            throw e;
        } catch (Exception unexpected) { // a delegate cannot throw another checked exception, unless sneakily
            latest.discard();
            throw new IOException(unexpected);
        }
    }

    /**
     * Sends the request asynchronously, re-sending it while the response or failure is retryable. Waits
     * are tasks on the policy's scheduler: no thread is parked while the call waits.
     *
     * <p>Cancelling the returned future stops scheduled retries and cancels the attempt in flight, which
     * the JDK's client turns into an abort of the HTTP exchange.
     *
     * @param request the request, sent unchanged each attempt; its body publisher must be replayable
     * @param responseBodyHandler the handler of every attempt's response body
     * @param <T> the body type
     * @return completes with the first non-retryable response, or the last response if the retries ended
     *     on a retryable one; or exceptionally with the last attempt's failure, unchanged (an
     *     {@link IOException}, or an {@code IllegalArgumentException} if the wrapped client rejects the
     *     request), or with a {@code CancellationException} if cancelled
     * @throws NullPointerException if an argument is null
     */
    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
            BodyHandler<T> responseBodyHandler) {
        return sendAsync(CallOptions.none(), request, responseBodyHandler);
    }

    /**
     * Like {@link #sendAsync(HttpRequest, BodyHandler)}, with this call's own options, such as a deadline.
     *
     * @param options this call's options
     * @param request the request, sent unchanged each attempt; its body publisher must be replayable
     * @param responseBodyHandler the handler of every attempt's response body
     * @param <T> the body type
     * @return as {@link #sendAsync(HttpRequest, BodyHandler)}
     * @throws NullPointerException if an argument is null
     */
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(CallOptions options, HttpRequest request,
            BodyHandler<T> responseBodyHandler) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(responseBodyHandler, "responseBodyHandler");
        Objects.requireNonNull(options, "options");
        RequestSafety.Prepared prepared = safety.prepare(request, policy);
        HttpRequest sent = prepared.request();
        LatestResponse<T> latest = new LatestResponse<>();
        CompletableFuture<HttpResponse<T>> call = prepared.policy().callAsync(options, () -> {
            latest.discard();
            return latest.remember(delegate.sendAsync(sent, responseBodyHandler));
        });
        call.whenComplete((response, failure) -> {
            if (failure != null) {
                latest.discard();
            }
        });
        return call;
    }

    /**
     * Sends the request once, <em>without retries</em>, through the wrapped client: the pushed responses
     * that {@code pushPromiseHandler} accepts belong to one exchange and cannot be replayed.
     *
     * @param request the request
     * @param responseBodyHandler the handler of the response body
     * @param pushPromiseHandler the handler of HTTP/2 push promises; null rejects them
     * @param <T> the body type
     * @return the wrapped client's future response
     */
    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, BodyHandler<T> responseBodyHandler,
            PushPromiseHandler<T> pushPromiseHandler) {
        return delegate.sendAsync(request, responseBodyHandler, pushPromiseHandler);
    }

    /** @return the wrapped client's cookie handler */
    @Override
    public Optional<CookieHandler> cookieHandler() {
        return delegate.cookieHandler();
    }

    /** @return the wrapped client's connect timeout, per attempt */
    @Override
    public Optional<Duration> connectTimeout() {
        return delegate.connectTimeout();
    }

    /** @return the wrapped client's redirect policy */
    @Override
    public Redirect followRedirects() {
        return delegate.followRedirects();
    }

    /** @return the wrapped client's proxy selector */
    @Override
    public Optional<ProxySelector> proxy() {
        return delegate.proxy();
    }

    /** @return the wrapped client's TLS context */
    @Override
    public SSLContext sslContext() {
        return delegate.sslContext();
    }

    /** @return a copy of the wrapped client's TLS parameters */
    @Override
    public SSLParameters sslParameters() {
        return delegate.sslParameters();
    }

    /** @return the wrapped client's authenticator */
    @Override
    public Optional<Authenticator> authenticator() {
        return delegate.authenticator();
    }

    /** @return the wrapped client's preferred HTTP version */
    @Override
    public Version version() {
        return delegate.version();
    }

    /** @return the wrapped client's executor, if it was given one */
    @Override
    public Optional<Executor> executor() {
        return delegate.executor();
    }

    /**
     * Web sockets are not retried: the builder is the wrapped client's.
     *
     * @return the wrapped client's web socket builder
     * @throws UnsupportedOperationException if the wrapped client has no web socket support
     */
    @Override
    public WebSocket.Builder newWebSocketBuilder() {
        return delegate.newWebSocketBuilder();
    }

    /**
     * Shuts the wrapped client down (JDK 21 and later; does nothing before). Overrides
     * {@code HttpClient.shutdown()} where it exists.
     */
    public void shutdown() {
        Jdk21Lifecycle.shutdown(delegate);
    }

    /**
     * Shuts the wrapped client down at once (JDK 21 and later; does nothing before). Overrides
     * {@code HttpClient.shutdownNow()} where it exists.
     */
    public void shutdownNow() {
        Jdk21Lifecycle.shutdownNow(delegate);
    }

    /**
     * Whether the wrapped client has terminated (JDK 21 and later; always false before). Overrides
     * {@code HttpClient.isTerminated()} where it exists.
     *
     * @return true if the wrapped client has terminated after a shutdown
     */
    public boolean isTerminated() {
        return Jdk21Lifecycle.isTerminated(delegate);
    }

    /**
     * Waits for the wrapped client to terminate (JDK 21 and later; returns true at once before). Overrides
     * {@code HttpClient.awaitTermination(Duration)} where it exists.
     *
     * @param duration the longest wait; zero or negative only checks
     * @return true if the wrapped client terminated, false if the time ran out
     * @throws InterruptedException if interrupted while waiting
     * @throws NullPointerException if {@code duration} is null
     */
    public boolean awaitTermination(Duration duration) throws InterruptedException {
        return Jdk21Lifecycle.awaitTermination(delegate, duration);
    }

    @Override
    public String toString() {
        return "RetryingHttpClient[" + delegate + ", " + policy + ", " + safety + "]";
    }
}
