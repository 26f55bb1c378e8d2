/**
 * Retries for {@link java.net.http.HttpClient}: {@link dev.secondchance.retry.http.RetryingHttpClient}
 * re-sends a request while its response or failure is retryable, honouring {@code Retry-After}.
 */
package dev.secondchance.retry.http;
