package dev.secondchance.examples.herd.live;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.temporal.ChronoUnit;

/**
 * Failsafe's {@code RetryPolicy} as its documentation shows it: {@code withBackoff(1, 30, SECONDS)} (× 2 per
 * attempt) and {@code withJitter(.1)}, attempts unlimited ({@code -1}) and the time bound as
 * {@code withMaxDuration}; it retries 503 results and I/O failures. No retry budget; it reads no hint
 * unless one writes a delay function. One policy per process.
 */
final class FailsafeClients {

    private FailsafeClients() {}

    /** @return the factory */
    static LiveStrategy.ProcessFactory documentedBackoff() {
        return process -> {
            RetryPolicy<HttpResponse<Void>> policy = RetryPolicy.<HttpResponse<Void>>builder()
                    .handle(IOException.class)
                    .handleResultIf(response -> response.statusCode() != 200)
                    .withBackoff(1, 30, ChronoUnit.SECONDS)
                    .withJitter(.1)
                    .withMaxAttempts(-1)
                    .withMaxDuration(process.timeLimit())
                    .build();
            FailsafeExecutor<HttpResponse<Void>> executor = Failsafe.with(policy);
            return request -> {
                try {
                    HttpResponse<Void> response = executor.get(() -> process.http().send(request,
                            BodyHandlers.discarding()));
                    process.counts().endReason(response.statusCode() == 200 ? HerdCounts.SUCCESS : "MAX_DURATION");
                    return response;
                } catch (FailsafeException e) {
                    process.counts().endReason("MAX_DURATION");
                    if (e.getCause() instanceof IOException io) {
                        throw io;
                    }
                    if (e.getCause() instanceof InterruptedException interrupted) {
                        throw interrupted;
                    }
                    throw e;
                }
            };
        };
    }
}
