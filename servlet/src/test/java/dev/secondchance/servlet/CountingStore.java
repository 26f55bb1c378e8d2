package dev.secondchance.servlet;

import dev.secondchance.idempotency.spi.ClaimRequest;
import dev.secondchance.idempotency.spi.ClaimResult;
import dev.secondchance.idempotency.spi.CompleteResult;
import dev.secondchance.idempotency.spi.Completion;
import dev.secondchance.idempotency.spi.IdempotencyRecord;
import dev.secondchance.idempotency.spi.IdempotencyStore;
import dev.secondchance.retry.RetryClassifier;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** A store that counts the calls made to the store it wraps: each is one round trip on a remote store. */
class CountingStore implements IdempotencyStore {

    private final IdempotencyStore delegate;
    private final AtomicInteger calls = new AtomicInteger();

    CountingStore(IdempotencyStore delegate) {
        this.delegate = delegate;
    }

    int calls() {
        return calls.get();
    }

    void reset() {
        calls.set(0);
    }

    @Override
    public ClaimResult claim(ClaimRequest request) {
        calls.incrementAndGet();
        return delegate.claim(request);
    }

    @Override
    public CompleteResult complete(String key, String owner, long version, Completion completion, Duration ttl) {
        calls.incrementAndGet();
        return delegate.complete(key, owner, version, completion, ttl);
    }

    @Override
    public boolean release(String key, String owner, long version) {
        calls.incrementAndGet();
        return delegate.release(key, owner, version);
    }

    @Override
    public boolean renew(String key, String owner, long version, Duration lease, Duration ttl) {
        calls.incrementAndGet();
        return delegate.renew(key, owner, version, lease, ttl);
    }

    @Override
    public Optional<IdempotencyRecord> read(String key) {
        calls.incrementAndGet();
        return delegate.read(key);
    }

    @Override
    public RetryClassifier retryClassifier() {
        return delegate.retryClassifier();
    }
}
