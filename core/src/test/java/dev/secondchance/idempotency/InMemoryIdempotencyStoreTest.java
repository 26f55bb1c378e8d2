package dev.secondchance.idempotency;

import dev.secondchance.idempotency.spi.IdempotencyStore;
import dev.secondchance.idempotency.testing.IdempotencyStoreContract;
import java.time.Clock;

class InMemoryIdempotencyStoreTest extends IdempotencyStoreContract {

    @Override
    protected IdempotencyStore newStore(Clock clock) {
        return IdempotencyStore.inMemory(clock, maxResultBytes());
    }

    @Override
    protected int maxResultBytes() {
        return 1024;
    }
}
