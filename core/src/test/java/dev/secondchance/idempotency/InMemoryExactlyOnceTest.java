package dev.secondchance.idempotency;

import dev.secondchance.idempotency.spi.IdempotencyStore;
import dev.secondchance.idempotency.testing.ExactlyOnceContract;
import java.time.Clock;

class InMemoryExactlyOnceTest extends ExactlyOnceContract {

    @Override
    protected IdempotencyStore newStore(Clock clock) {
        return IdempotencyStore.inMemory(clock, maxResultBytes());
    }

    @Override
    protected int maxResultBytes() {
        return IdempotencyStore.DEFAULT_MAX_RESULT_BYTES;
    }
}
