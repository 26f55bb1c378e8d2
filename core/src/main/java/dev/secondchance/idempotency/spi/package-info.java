/**
 * The idempotency store SPI: what a store implementer needs, and nothing a user of the executor touches.
 *
 * <p>Start with {@link dev.secondchance.idempotency.spi.IdempotencyStore}: five atomic operations per key
 * (claim, complete, release, renew, read). {@link dev.secondchance.idempotency.spi.StoreRules} and
 * {@link dev.secondchance.idempotency.spi.IdempotencyRecord#isClaimableBy} hold every rule the stores share,
 * so a store implements storage and atomicity only. A store is done when it passes the conformance suites
 * {@code IdempotencyStoreContract} and {@code ExactlyOnceContract}.
 */
package dev.secondchance.idempotency.spi;
