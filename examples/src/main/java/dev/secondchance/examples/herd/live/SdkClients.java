package dev.secondchance.examples.herd.live;

import dev.secondchance.retry.ServerHints;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.function.Supplier;
import software.amazon.awssdk.retries.AdaptiveRetryStrategy;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.AcquireInitialTokenResponse;
import software.amazon.awssdk.retries.api.RecordSuccessRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenResponse;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.RetryToken;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;

/**
 * The AWS SDK v2's retry strategies (module {@code retries}), driven through their public token API around
 * the process's {@code java.net.http} client as the SDK's own retry stage drives them:
 * {@code acquireInitialToken}, then after each failed attempt {@code refreshRetryToken} (its delay is slept;
 * {@link TokenAcquisitionFailedException} ends the call), and {@code recordSuccess}. A {@code Retry-After}
 * header is passed as the request's suggested delay, as the SDK's synchronous pipeline does. One strategy per
 * process, so one token bucket (and, for the adaptive strategy, one rate limiter) per process.
 */
final class SdkClients {

    private SdkClients() {}

    /**
     * The standard strategy with the SDK's defaults before 2026 ({@code retries2026 = false}) or its 2026
     * defaults; a 503 is a transient failure, as the SDK classifies it.
     *
     * @param retries2026 whether to use the 2026 defaults
     * @return the factory
     */
    static LiveStrategy.ProcessFactory standard(boolean retries2026) {
        return of(() -> StandardRetryStrategy.builder(retries2026)
                .maxAttempts(Integer.MAX_VALUE)
                .retryOnExceptionInstanceOf(Rejected.class)
                .retryOnExceptionInstanceOf(IOException.class)
                .build());
    }

    /**
     * The adaptive strategy (a client-side rate limiter) with the SDK's legacy or 2026 defaults; a 503 is
     * throttling, as the library's adaptive row reads it, so that the limiter hears it.
     *
     * @param retries2026 whether to use the 2026 defaults
     * @return the factory
     */
    static LiveStrategy.ProcessFactory adaptive(boolean retries2026) {
        return of(() -> AdaptiveRetryStrategy.builder(retries2026)
                .maxAttempts(Integer.MAX_VALUE)
                .retryOnExceptionInstanceOf(Rejected.class)
                .retryOnExceptionInstanceOf(IOException.class)
                .treatAsThrottling(failure -> failure instanceof Rejected)
                .build());
    }

    private static LiveStrategy.ProcessFactory of(Supplier<RetryStrategy> strategies) {
        return process -> {
            RetryStrategy strategy = strategies.get();
            return request -> send(strategy, process, request);
        };
    }

    private static HttpResponse<Void> send(RetryStrategy strategy, ProcessContext process, HttpRequest request)
            throws IOException, InterruptedException {
        AcquireInitialTokenResponse initial = strategy.acquireInitialToken(AcquireInitialTokenRequest.create("herd"));
        sleep(initial.delay());
        RetryToken token = initial.token();
        while (true) {
            HttpResponse<Void> response = null;
            Throwable failure;
            try {
                response = process.http().send(request, BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    strategy.recordSuccess(RecordSuccessRequest.create(token));
                    process.counts().endReason("SUCCESS");
                    return response;
                }
                failure = new Rejected(response.statusCode());
            } catch (IOException e) {
                failure = e;
            }
            if (!process.beforeDeadline()) {
                return end(process, "DEADLINE_EXCEEDED", response, failure);
            }
            RefreshRetryTokenRequest.Builder refresh = RefreshRetryTokenRequest.builder().token(token).failure(failure);
            Duration hint = response == null ? null
                    : ServerHints.parseDeltaSeconds(response.headers().firstValue("Retry-After").orElse(null));
            if (hint != null) {
                refresh.suggestedDelay(hint);
            }
            RefreshRetryTokenResponse next;
            try {
                next = strategy.refreshRetryToken(refresh.build());
            } catch (TokenAcquisitionFailedException e) {
                boolean bucketEmpty = String.valueOf(e.getMessage()).contains("cost of retrying");
                return end(process, "SDK: " + (bucketEmpty ? "TOKEN_BUCKET_EMPTY" : "NO_RETRY"), response, failure);
            }
            if (!process.endsBeforeDeadline(next.delay())) {
                return end(process, "DEADLINE_EXCEEDED", response, failure);
            }
            token = next.token();
            sleep(next.delay());
        }
    }

    private static HttpResponse<Void> end(ProcessContext process, String reason, HttpResponse<Void> response,
            Throwable failure) throws IOException {
        process.counts().endReason(reason);
        if (response != null) {
            return response;
        }
        throw (IOException) failure;
    }

    private static void sleep(Duration delay) throws InterruptedException {
        if (!delay.isZero() && !delay.isNegative()) {
            Thread.sleep(delay.toMillis(), delay.toNanosPart() % 1_000_000);
        }
    }

    /** A response the server rejected (503), as the failure the strategy classifies. */
    static final class Rejected extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Rejected(int status) {
            super("HTTP " + status, null, false, false);
        }
    }
}
