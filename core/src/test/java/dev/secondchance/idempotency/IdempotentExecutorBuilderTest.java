package dev.secondchance.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondchance.idempotency.spi.ClaimRequest;
import dev.secondchance.idempotency.spi.IdempotencyStore;
import dev.secondchance.retry.testing.VirtualTime;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class IdempotentExecutorBuilderTest {

    private final IdempotencyStore store = IdempotencyStore.inMemory();

    private IdempotentExecutorBuilder<String> builder() {
        return IdempotentExecutor.builder(store, ResultCodec.utf8());
    }

    private static void assertMessage(String expected, Runnable setter) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, setter::run);
        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
    }

    @Test
    void setters_whenOutOfRange_throwNamingTheParameterAndRange() {
        assertMessage("lease must be in [PT0.001S, PT24H]", () -> builder().lease(Duration.ZERO));
        assertMessage("lease must be in", () -> builder().lease(Duration.ofDays(2)));
        assertMessage("heartbeat must be in [PT0S, PT12H]", () -> builder().heartbeat(Duration.ofSeconds(-1)));
        assertMessage("ttl must be in [PT1S, PT87600H]", () -> builder().ttl(Duration.ofMillis(10)));
        assertMessage("waitTimeout must be in [PT0S, PT48H]", () -> builder().waitTimeout(Duration.ofDays(3)));
        assertMessage("maxTokenLength must be in [1, 8192]", () -> builder().maxTokenLength(0));
        assertMessage("keyPrefix must be at most 256 characters", () -> builder().keyPrefix("p".repeat(257)));
        assertMessage("keyPrefix has character U+0023 at index 6", () -> builder().keyPrefix("charge#"));
        assertMessage("failureMessageLength must be in [0, 4096]", () -> builder().failureMessageLength(5000));
    }

    @Test
    void setters_whenAtEitherEndOfTheirRanges_acceptTheValue() {
        IdempotentExecutorBuilder<String> builder = builder();

        builder.lease(Duration.ofMillis(1)).lease(Duration.ofHours(24));
        builder.heartbeat(Duration.ZERO).heartbeat(Duration.ofHours(12));
        builder.ttl(Duration.ofSeconds(1)).ttl(Duration.ofHours(87600));
        builder.waitTimeout(Duration.ZERO).waitTimeout(Duration.ofHours(48));
        builder.failureMessageLength(0).failureMessageLength(4096);
        assertMessage("failureMessageLength must be in [0, 4096]", () -> builder().failureMessageLength(-1));
    }

    @Test
    void maxTokenLength_whenRaised_acceptsTokensUpToItAndRejectsLongerOnesTyped() {
        IdempotentExecutor<String> executor = builder().maxTokenLength(300).build();

        assertEquals("ran", executor.execute("t".repeat(300), Fingerprint.sha256("r"), () -> "ran"));
        assertThrows(InvalidIdempotencyTokenException.class,
                () -> executor.execute("u".repeat(301), Fingerprint.sha256("r"), () -> "ran"));
    }

    @Test
    void storeRetryPolicy_whenSet_isTheOneThatRetriesStoreCalls() {
        FaultyStore down = new FaultyStore(store);
        down.down = true;
        IdempotentExecutor<String> executor = IdempotentExecutor.builder(down, ResultCodec.utf8())
                .storeRetryPolicy(dev.secondchance.retry.RetryPolicy.builder().maxAttempts(2)
                        .addClassifier(dev.secondchance.retry.Classifiers.transientIo()).sleeper(new VirtualTime())
                        .build()).build();

        assertThrows(StoreUnavailableException.class, () -> executor.execute("t-1", Fingerprint.sha256("r"), () -> "x"));

        assertEquals(2, down.calls.get(), "two attempts, as the given policy says (the default makes more)");
    }

    @Test
    void setters_whenNull_throwNamingTheParameter() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> builder().waitBackoff(null));
        assertEquals("waitBackoff must not be null", e.getMessage());
        assertThrows(NullPointerException.class, () -> IdempotentExecutor.builder(null, ResultCodec.utf8()));
        assertEquals("lease must not be null",
                assertThrows(NullPointerException.class, () -> builder().lease(null)).getMessage());
    }

    @Test
    void build_whenLeaseShorterThanTwoHeartbeats_throwsSayingWhatToChange() {
        IdempotentExecutorBuilder<String> builder = builder().lease(Duration.ofSeconds(10)).heartbeat(Duration.ofSeconds(6));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);

        assertTrue(e.getMessage().contains("must be >= 2 x heartbeat"), e.getMessage());
        builder.heartbeat(Duration.ofSeconds(5)).build();
        builder.heartbeat(Duration.ZERO).build();
    }

    @Test
    void build_whenTtlNotLongerThanLease_throws() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> builder().lease(Duration.ofMinutes(2)).heartbeat(Duration.ZERO).ttl(Duration.ofMinutes(2)).build());

        assertTrue(e.getMessage().startsWith("ttl (PT2M) must be > lease (PT2M)"), e.getMessage());
    }

    @Test
    void toBuilder_whenChanged_leavesTheOriginalAsItWas() {
        VirtualTime time = new VirtualTime();
        IdempotentExecutor<String> failFast = builder().whenInProgress(WhenInProgress.FAIL_FAST).ticker(time)
                .sleeper(time).clock(time.wallClock()).build();
        String token = IdempotencyTokens.random();
        Fingerprint request = Fingerprint.sha256("r");
        store.claim(new ClaimRequest(IdempotencyTokens.storeKey("", token), request.hex(), "holder",
                Duration.ofSeconds(30), Duration.ofHours(1)));

        IdempotentExecutor<String> waiting = failFast.toBuilder().whenInProgress(WhenInProgress.WAIT)
                .waitTimeout(Duration.ofSeconds(2)).build();

        assertNotSame(failFast, waiting);
        assertThrows(OperationInProgressException.class, () -> failFast.execute(token, request, () -> "x"));
        assertTrue(time.sleeps().isEmpty(), "fail-fast executor did not wait");
        assertThrows(OperationInProgressException.class, () -> waiting.execute(token, request, () -> "x"));
        assertTrue(!time.sleeps().isEmpty(), "the derived executor waited");
    }
}
