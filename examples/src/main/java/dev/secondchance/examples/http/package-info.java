/**
 * Idempotent payments over HTTP: a payment server in Jetty 12 behind the library's {@code IdempotencyFilter}, and a
 * client that retries with the library's {@code RetryingHttpClient}, sending the same {@code Idempotency-Key} with
 * every attempt. {@link dev.secondchance.examples.http.IdempotentPaymentsOverHttp} is the {@code main}.
 */
package dev.secondchance.examples.http;
