package dev.secondchance.examples.payments;

import dev.secondchance.idempotency.spi.ClaimRequest;
import dev.secondchance.idempotency.spi.ClaimResult;
import dev.secondchance.idempotency.spi.CompleteResult;
import dev.secondchance.idempotency.spi.Completion;
import dev.secondchance.idempotency.spi.IdempotencyRecord;
import dev.secondchance.idempotency.spi.IdempotencyStore;
import dev.secondchance.retry.RetryClassifier;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One server process's view of the shared store: once the process "dies" ({@link #die}), none of its calls
 * reach the store any more, so it can neither record, release nor renew, as a dead process cannot.
 * Thread-safe.
 */
final class ServerProcessStore implements IdempotencyStore {

    private final IdempotencyStore shared;
    private final AtomicReference<SimulatedCrash> death = new AtomicReference<>();

    ServerProcessStore(IdempotencyStore shared) {
        this.shared = shared;
    }

    void die(SimulatedCrash crash) {
        death.set(crash);
    }

    private IdempotencyStore store() {
        SimulatedCrash crash = death.get();
        if (crash != null) {
            throw crash;
        }
        return shared;
    }

    @Override
    public ClaimResult claim(ClaimRequest request) {
        return store().claim(request);
    }

    @Override
    public CompleteResult complete(String key, String owner, long version, Completion completion, Duration ttl) {
        return store().complete(key, owner, version, completion, ttl);
    }

    @Override
    public boolean release(String key, String owner, long version) {
        return store().release(key, owner, version);
    }

    @Override
    public boolean renew(String key, String owner, long version, Duration lease, Duration ttl) {
        return store().renew(key, owner, version, lease, ttl);
    }

    @Override
    public Optional<IdempotencyRecord> read(String key) {
        return store().read(key);
    }

    @Override
    public RetryClassifier retryClassifier() {
        return shared.retryClassifier();
    }
}
