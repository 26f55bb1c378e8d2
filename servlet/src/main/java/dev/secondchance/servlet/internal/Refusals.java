package dev.secondchance.servlet.internal;

import dev.secondchance.idempotency.IdempotencyException;
import dev.secondchance.idempotency.InvalidIdempotencyTokenException;
import dev.secondchance.idempotency.OperationInProgressException;
import dev.secondchance.idempotency.OutcomeUnknownException;
import dev.secondchance.idempotency.ReplayedFailureException;
import dev.secondchance.idempotency.RequestMismatchException;
import dev.secondchance.idempotency.ResultTooLargeException;
import dev.secondchance.idempotency.StoreUnavailableException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The HTTP answer to a request the executor did not run here. */
final class Refusals {

    private Refusals() {}

    static void send(IdempotencyException refused, HttpServletResponse response) throws IOException {
        String detail = refused.getMessage();
        if (refused instanceof InvalidIdempotencyTokenException) {
            Problems.send(response, 400, "idempotency-key-invalid", "Idempotency key invalid", detail);
        } else if (refused instanceof RequestMismatchException) {
            Problems.send(response, 422, "idempotency-key-reused", "Idempotency key reused with another request",
                    detail);
        } else if (refused instanceof OperationInProgressException inProgress) {
            long millis = inProgress.retryAfter().toMillis();
            response.setHeader("Retry-After", Long.toString(Math.max(1, (millis + 999) / 1000)));
            Problems.send(response, 409, "request-in-progress", "A request with this idempotency key is in progress",
                    detail);
        } else if (refused instanceof ResultTooLargeException) {
            Problems.send(response, 410, "response-not-recorded", "The first response was too large to record",
                    detail + "; the request was applied once and its response cannot be replayed: do not retry it");
        } else if (refused instanceof ReplayedFailureException) {
            Problems.send(response, 500, "request-failed", "The first request with this idempotency key failed",
                    detail);
        } else if (refused instanceof OutcomeUnknownException) {
            Problems.send(response, 500, "outcome-unknown", "The outcome of the first request is unknown", detail);
        } else if (refused instanceof StoreUnavailableException unavailable && !unavailable.operationRan()) {
            response.setHeader("Retry-After", "1");
            Problems.send(response, 503, "store-unavailable", "Idempotency store unavailable",
                    "the request was not run; retry it with the same key");
        } else {
            Problems.send(response, 500, "response-not-replayable", "The response cannot be replayed", detail);
        }
    }
}
