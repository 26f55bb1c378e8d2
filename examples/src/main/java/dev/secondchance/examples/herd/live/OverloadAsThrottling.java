package dev.secondchance.examples.herd.live;

import dev.secondchance.retry.RetryClassifier;
import dev.secondchance.retry.ServerHints;
import dev.secondchance.retry.Verdict;
import java.net.http.HttpResponse;

/**
 * Classifies HTTP 503 as throttling rather than a plain retryable error, with the response's
 * {@code Retry-After} hints. The library's {@link dev.secondchance.retry.AdaptiveRateLimiter} only hears
 * throttling verdicts (by default HTTP 429 and the AWS throttling codes); this demo's server says "over
 * capacity" with 503, as many do, so the adaptive strategy adds this classifier in front of the defaults.
 * Stateless and thread-safe.
 */
public final class OverloadAsThrottling implements RetryClassifier {

    /** HTTP 503 Service Unavailable. */
    public static final int SERVICE_UNAVAILABLE = 503;

    @Override
    public Verdict classifyResult(Object result) {
        if (result instanceof HttpResponse<?> response && response.statusCode() == SERVICE_UNAVAILABLE) {
            return ServerHints.apply(Verdict.throttled("HTTP 503"),
                    name -> response.headers().firstValue(name).orElse(null));
        }
        return Verdict.abstain();
    }
}
