package dev.secondchance.idempotency;

import java.time.Duration;

/**
 * Hears what an {@link IdempotentExecutor} noticed. Every method has an empty default; implementations must
 * be thread-safe and fast, and must not throw (a listener that throws is logged and ignored).
 */
public interface IdempotencyListener {

    /** A listener that does nothing. */
    IdempotencyListener NONE = new IdempotencyListener() {};

    /**
     * A claim found a lease that ends further ahead of this executor's clock than this executor's own lease
     * could reach: the writer's clock is ahead of this one by at least {@code ahead} (or it uses a longer
     * lease). Clocks that drift apart by more than a lease let a fast clock take over live leases.
     *
     * @param token the token whose record showed it
     * @param ahead how far the lease end lies beyond now + this executor's lease, {@code > 0}
     */
    default void onClockSkew(String token, Duration ahead) {}
}
