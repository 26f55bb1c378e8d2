package dev.secondchance.retry.http.internal;

import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The response of the latest attempt of one call. A response is discarded when another attempt starts or
 * when the call ends with a failure; {@link #discard()} then releases its body so that it cannot hold a
 * connection: an {@link AutoCloseable} body (the {@code InputStream} of {@code ofInputStream()}, the
 * {@code Stream} of {@code ofLines()}) is closed, a {@link Flow.Publisher} body ({@code ofPublisher()}) is
 * subscribed to and cancelled. Bodies that the handler has already read in full need nothing. Thread-safe.
 *
 * @param <T> the body type
 */
public final class LatestResponse<T> {

    private static final Logger LOG = LoggerFactory.getLogger(LatestResponse.class);

    private final AtomicReference<CompletableFuture<HttpResponse<T>>> latest = new AtomicReference<>();

    /**
     * Remembers the response of the attempt that just returned.
     *
     * @param response the response
     * @return {@code response}
     */
    public HttpResponse<T> remember(HttpResponse<T> response) {
        latest.set(CompletableFuture.completedFuture(response));
        return response;
    }

    /**
     * Remembers the future response of the attempt that just started.
     *
     * @param response the future response
     * @return {@code response}, unchanged, so that cancelling it still reaches the HTTP exchange
     */
    public CompletableFuture<HttpResponse<T>> remember(CompletableFuture<HttpResponse<T>> response) {
        latest.set(response);
        return response;
    }

    /**
     * Forgets the remembered response and releases its body, now if it has arrived, else when it arrives.
     */
    public void discard() {
        CompletableFuture<HttpResponse<T>> discarded = latest.getAndSet(null);
        if (discarded != null) {
            discarded.thenAccept(response -> release(response.body()));
        }
    }

    private static void release(Object body) {
        try {
            if (body instanceof AutoCloseable closeable) {
                closeable.close();
            } else if (body instanceof Flow.Publisher<?> publisher) {
                publisher.subscribe(new Cancelling());
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.debug("releasing the body of a discarded response failed; ignored", e);
        }
    }

    /** Cancels its subscription at once: the body is not wanted. */
    private static final class Cancelling implements Flow.Subscriber<Object> {
        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.cancel();
        }

        @Override
        public void onNext(Object item) {}

        @Override
        public void onError(Throwable failure) {}

        @Override
        public void onComplete() {}
    }
}
