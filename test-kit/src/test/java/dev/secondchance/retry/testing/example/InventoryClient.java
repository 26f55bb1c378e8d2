package dev.secondchance.retry.testing.example;

import dev.secondchance.retry.Backoff;
import dev.secondchance.retry.Jitter;
import dev.secondchance.retry.RetryPolicy;
import dev.secondchance.retry.RetryPolicyBuilder;
import java.io.IOException;
import java.time.Duration;

/** The production code of docs/testing.md's example: its policy's settings live in one builder. */
class InventoryClient {

    static RetryPolicyBuilder retryPolicy() {
        return RetryPolicy.builder().maxAttempts(4)
                .backoff(Backoff.exponential(Duration.ofMillis(100), 2, Duration.ofSeconds(30), Jitter.FULL));
    }

    private final RetryPolicy retry;
    private final Warehouse warehouse;

    InventoryClient(RetryPolicy retry, Warehouse warehouse) {
        this.retry = retry;
        this.warehouse = warehouse;
    }

    int stock(String sku) throws IOException {
        return retry.call(() -> warehouse.stock(sku));
    }
}
