/**
 * The conformance suites of the idempotency store SPI, for anyone who writes a store.
 *
 * <p>Start with {@link dev.secondchance.idempotency.testing.IdempotencyStoreContract}: a JUnit 5 test class of
 * yours extends it, says how to make an empty store that reads the given clock and how large a result the store
 * keeps, and runs the SPI's tests (claims, fences, takeovers, expiry, limits, races) against it. Then extend
 * {@link dev.secondchance.idempotency.testing.ExactlyOnceContract}: the executor's promises (exactly once under
 * concurrency, crashes and takeovers, mismatch, oversize, expiry), for {@code execute} and {@code executeAsync}
 * alike, on your store. Both run on a
 * {@link dev.secondchance.retry.testing.VirtualTime} wall clock that the tests advance.
 */
package dev.secondchance.idempotency.testing;
