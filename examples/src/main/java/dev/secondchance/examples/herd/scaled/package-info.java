/**
 * The live herd at 100 × scale on virtual time: the library's own policies (real {@code RetryPolicy},
 * {@code Backoff}, budget and rate limiter code) on the test kit's {@code VirtualTime}, 100,000 clients
 * against a simulated server of 20,000 requests/s that is down for 2 s, shared and as a fleet, in seconds
 * of real time. Start with {@link dev.secondchance.examples.herd.scaled.ScaledHerd}.
 */
package dev.secondchance.examples.herd.scaled;
