package dev.secondchance.idempotency;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondchance.idempotency.spi.ClaimRequest;
import dev.secondchance.idempotency.spi.ClaimResult;
import dev.secondchance.idempotency.spi.IdempotencyRecord;
import dev.secondchance.idempotency.spi.IdempotencyStore;
import dev.secondchance.retry.RandomSource;
import dev.secondchance.retry.testing.VirtualTime;
import java.time.Duration;

/**
 * What the executor's unit tests share: one virtual time line, an in-memory store that reads it, a token and
 * its store key, and a builder that puts the executor on that time line.
 */
abstract class ExecutorTestBase {

    static final Fingerprint REQUEST = Fingerprint.sha256("charge 100 EUR to card 4242");
    static final Duration LEASE = Duration.ofSeconds(30);

    final VirtualTime time = new VirtualTime();
    final IdempotencyStore memory = IdempotencyStore.inMemory(time.wallClock(), 1024);
    final String token = IdempotencyTokens.random();
    final String key = IdempotencyTokens.storeKey("", token);

    /** An executor builder on the virtual time line, with a 30 s lease and seeded jitter. */
    IdempotentExecutorBuilder<String> builder(IdempotencyStore store) {
        return IdempotentExecutor.builder(store, ResultCodec.utf8()).clock(time.wallClock()).ticker(time)
                .sleeper(time).scheduler(time).random(RandomSource.seeded(3)).lease(LEASE);
    }

    /** Claims the token as another caller would, through the store itself, and returns its record. */
    IdempotencyRecord holdAsAnotherCaller(String owner) {
        ClaimResult claim = memory.claim(new ClaimRequest(key, REQUEST.hex(), owner, LEASE, Duration.ofHours(24)));
        assertTrue(claim.acquired());
        return claim.record();
    }
}
