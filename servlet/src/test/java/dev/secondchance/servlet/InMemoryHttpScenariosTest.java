package dev.secondchance.servlet;

import dev.secondchance.idempotency.spi.IdempotencyStore;

/** The end-to-end scenarios over the in-memory store: 500 keys x 16 concurrent duplicates. */
class InMemoryHttpScenariosTest extends HttpIdempotencyScenarios {

    @Override
    protected IdempotencyStore newStore() {
        return IdempotencyStore.inMemory();
    }

    @Override
    protected int raceKeys() {
        return 500;
    }
}
