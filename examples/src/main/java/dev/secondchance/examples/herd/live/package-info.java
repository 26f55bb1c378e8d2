/**
 * The live thundering herd: a real HTTP server on loopback with a fixed capacity, down for its first
 * seconds, and a thousand clients that start together and retry through the library's
 * {@link dev.secondchance.retry.http.RetryingHttpClient}. Start with
 * {@link dev.secondchance.examples.herd.live.LiveHerd}.
 */
package dev.secondchance.examples.herd.live;
