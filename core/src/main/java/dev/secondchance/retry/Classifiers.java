package dev.secondchance.retry;

import dev.secondchance.internal.Checks;
import dev.secondchance.retry.internal.HttpResponseClassifier;
import dev.secondchance.retry.internal.HttpThrottlingClassifier;
import dev.secondchance.retry.internal.TransientIoClassifier;
import java.util.List;
import java.util.Set;

/**
 * The built-in classifiers and the status and error-code rules they share with the integrations.
 *
 * <p>The rule: retry only what can succeed on a second try. HTTP 500, 502, 503 and 504 and transient I/O
 * faults are retried; HTTP 429 and the AWS throttling codes are retried as throttling; every other 4xx,
 * every programming error and every unknown failure is final.
 */
public final class Classifiers {

    /** The 5xx statuses retried by default. */
    public static final Set<Integer> DEFAULT_RETRYABLE_STATUSES = Set.of(500, 502, 503, 504);

    /** HTTP 429 Too Many Requests. */
    public static final int TOO_MANY_REQUESTS = 429;

    private Classifiers() {}

    /**
     * The default classifiers, in order: transient I/O faults, then {@link java.net.http.HttpResponse}
     * results by status with their {@code Retry-After} hints.
     *
     * @return an unmodifiable list
     */
    public static List<RetryClassifier> defaults() {
        return List.of(transientIo(), httpResponses(DEFAULT_RETRYABLE_STATUSES));
    }

    /**
     * Retries I/O failures that can heal: connect failures and timeouts, connection resets, premature end of
     * stream, closed channels, and other {@link java.io.IOException}s; but not those that cannot (unknown
     * host, malformed URL, TLS handshake or certificate failures, protocol errors, missing files,
     * interruption). Looks through {@link java.io.UncheckedIOException}.
     *
     * @return the classifier; stateless
     */
    public static RetryClassifier transientIo() {
        return TransientIoClassifier.INSTANCE;
    }

    /**
     * Classifies {@link java.net.http.HttpResponse} results with {@link #httpStatus(int, Set)} and adds
     * the response's {@code Retry-After} and {@code x-amz-retry-after} hints.
     *
     * @param retryableStatuses the 5xx (or other) statuses to retry besides 429
     * @return the classifier; stateless
     * @throws NullPointerException if {@code retryableStatuses} is null
     */
    public static RetryClassifier httpResponses(Set<Integer> retryableStatuses) {
        return new HttpResponseClassifier(retryableStatuses);
    }

    /**
     * Classifies {@link java.net.http.HttpResponse} results whose status is in {@code statuses} as
     * throttling, with the response's {@code Retry-After} and {@code x-amz-retry-after} hints, and abstains
     * on everything else. For servers that say "over capacity" with a status other than 429 (often 503):
     * add it with {@link RetryPolicyBuilder#addClassifier(RetryClassifier)}, so that those answers use the
     * throttling backoff and drive the {@link AdaptiveRateLimiter}.
     *
     * @param statuses the statuses that mean "slow down", at least one
     * @return the classifier; stateless
     * @throws NullPointerException if {@code statuses} is or holds null
     * @throws IllegalArgumentException if {@code statuses} is empty
     */
    public static RetryClassifier httpThrottling(Set<Integer> statuses) {
        return new HttpThrottlingClassifier(statuses);
    }

    /**
     * The status rule: 429 is throttling, a status in {@code retryableStatuses} is retried, any other
     * status of 400 or more is final, anything below 400 is a success.
     *
     * @param status the HTTP status code
     * @param retryableStatuses statuses to retry
     * @return the verdict, with reason {@code "HTTP <status>"}
     * @throws NullPointerException if {@code retryableStatuses} is null
     */
    public static Verdict httpStatus(int status, Set<Integer> retryableStatuses) {
        Checks.notNull(retryableStatuses, "retryableStatuses");
        if (status == TOO_MANY_REQUESTS) {
            return Verdict.throttled("HTTP 429");
        }
        if (retryableStatuses.contains(status)) {
            return Verdict.retry("HTTP " + status);
        }
        return status >= 400 ? Verdict.fail("HTTP " + status) : Verdict.success();
    }
}
