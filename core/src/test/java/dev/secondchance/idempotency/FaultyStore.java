package dev.secondchance.idempotency;

import dev.secondchance.idempotency.spi.ClaimRequest;
import dev.secondchance.idempotency.spi.ClaimResult;
import dev.secondchance.idempotency.spi.CompleteResult;
import dev.secondchance.idempotency.spi.Completion;
import dev.secondchance.idempotency.spi.IdempotencyRecord;
import dev.secondchance.idempotency.spi.IdempotencyStore;
import dev.secondchance.retry.RetryClassifier;
import dev.secondchance.retry.Verdict;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory store behind a switch that makes chosen calls fail like an unreachable or throttling
 * server. Core has no network store; the DynamoDB module repeats these cases against a stopped server and
 * a throttling proxy.
 */
final class FaultyStore implements IdempotencyStore {

    /** What a throttling server would answer; {@link #retryClassifier()} says THROTTLED. */
    static final class Throttled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Throttled() {
            super("ProvisionedThroughputExceededException");
        }
    }

    private final IdempotencyStore delegate;
    final AtomicInteger claimFailures = new AtomicInteger();
    final AtomicInteger completeFailures = new AtomicInteger();
    final AtomicInteger renewFailures = new AtomicInteger();
    final AtomicInteger calls = new AtomicInteger();
    volatile boolean down;

    FaultyStore(IdempotencyStore delegate) {
        this.delegate = delegate;
    }

    private void maybeFail(AtomicInteger budget) {
        calls.incrementAndGet();
        if (down) {
            throw new java.io.UncheckedIOException(new java.net.ConnectException("Connection refused"));
        }
        if (budget != null && budget.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new Throttled();
        }
    }

    @Override
    public ClaimResult claim(ClaimRequest request) {
        maybeFail(claimFailures);
        return delegate.claim(request);
    }

    @Override
    public CompleteResult complete(String key, String owner, long version, Completion completion, Duration ttl) {
        maybeFail(completeFailures);
        return delegate.complete(key, owner, version, completion, ttl);
    }

    @Override
    public boolean release(String key, String owner, long version) {
        maybeFail(null);
        return delegate.release(key, owner, version);
    }

    @Override
    public boolean renew(String key, String owner, long version, Duration lease, Duration ttl) {
        maybeFail(renewFailures);
        return delegate.renew(key, owner, version, lease, ttl);
    }

    @Override
    public Optional<IdempotencyRecord> read(String key) {
        maybeFail(null);
        return delegate.read(key);
    }

    @Override
    public RetryClassifier retryClassifier() {
        return RetryClassifier.ofFailures(f -> f instanceof Throttled ? Verdict.throttled(f.getMessage()) : Verdict.abstain());
    }
}
