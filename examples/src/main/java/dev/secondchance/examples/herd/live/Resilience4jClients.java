package dev.secondchance.examples.herd.live;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.core.functions.CheckedSupplier;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

/**
 * resilience4j's {@code Retry} with {@link IntervalFunction#ofExponentialRandomBackoff()} at its documented
 * defaults (500 ms, × 1.5 per attempt, randomization factor 0.5, no cap), retrying 503 results and I/O
 * failures while the time bound is ahead. It has no retry budget and reads no hint. One {@code Retry} per
 * process.
 */
final class Resilience4jClients {

    private Resilience4jClients() {}

    /** @return the factory */
    static LiveStrategy.ProcessFactory exponentialRandomBackoff() {
        return process -> {
            RetryConfig config = RetryConfig.<HttpResponse<Void>>custom()
                    .maxAttempts(Integer.MAX_VALUE)
                    .intervalFunction(IntervalFunction.ofExponentialRandomBackoff())
                    .retryOnResult(response -> response.statusCode() != 200 && process.beforeDeadline())
                    .retryOnException(failure -> failure instanceof IOException && process.beforeDeadline())
                    .failAfterMaxAttempts(false)
                    .build();
            Retry retry = Retry.of("herd-" + process.index(), config);
            return request -> {
                CheckedSupplier<HttpResponse<Void>> call = Retry.decorateCheckedSupplier(retry,
                        () -> process.http().send(request, BodyHandlers.discarding()));
                try {
                    HttpResponse<Void> response = call.get();
                    process.counts().endReason(response.statusCode() == 200 ? HerdCounts.SUCCESS : "DEADLINE_EXCEEDED");
                    return response;
                } catch (IOException | InterruptedException | RuntimeException e) {
                    process.counts().endReason("DEADLINE_EXCEEDED");
                    throw e;
                } catch (Throwable e) {
                    throw new IllegalStateException(e);
                }
            };
        };
    }
}
