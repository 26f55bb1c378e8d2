package dev.secondchance.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondchance.idempotency.spi.ClaimRequest;
import dev.secondchance.idempotency.spi.Completion;
import java.io.IOException;
import java.net.SocketException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** What a caller sees after a run that may have taken effect without a result, and how it is settled. */
class OutcomeUnknownTest extends ExecutorTestBase {

    private final AtomicInteger charges = new AtomicInteger();

    private IdempotentExecutorBuilder<String> builder() {
        return builder(memory);
    }

    private String charge() {
        return "receipt " + charges.incrementAndGet();
    }

    /** A holder that claimed the key and then crashed: no renewals, no outcome. */
    private void crashedHolder() {
        holdAsAnotherCaller("crashed");
    }

    @Test
    void execute_whenHolderCrashedAndLeaseLapsed_throwsOutcomeUnknownInsteadOfRunningAgain() {
        crashedHolder();
        time.advance(LEASE);

        OutcomeUnknownException e = assertThrows(OutcomeUnknownException.class,
                () -> builder().build().execute(token, REQUEST, this::charge));

        assertNull(e.failureType());
        assertEquals(0, charges.get());
    }

    @Test
    void execute_whenWaitingWithDefaultTimeout_outlastsTheCrashedHoldersLeaseAndSeesItsFate() {
        crashedHolder();
        IdempotentExecutor<String> executor = builder().build();

        assertThrows(OutcomeUnknownException.class, () -> executor.execute(token, REQUEST, this::charge));

        assertTrue(time.elapsed().compareTo(LEASE) >= 0, "waited past the lease: " + time.elapsed());
        assertEquals(0, charges.get());
    }

    @Test
    void execute_whenBackoffStepsAreLongerThanTheLease_stillPollsWhenTheLeaseEndsAndSeesTheFate() {
        Duration shortLease = Duration.ofMillis(300);
        assertTrue(memory.claim(new ClaimRequest(key, REQUEST.hex(), "crashed", shortLease, Duration.ofHours(1)))
                .acquired());

        assertThrows(OutcomeUnknownException.class, () -> builder().lease(shortLease).heartbeat(Duration.ZERO)
                .waitBackoff(dev.secondchance.retry.Backoff.fixed(Duration.ofSeconds(5))).build()
                .execute(token, REQUEST, this::charge));

        assertEquals(java.util.List.of(Duration.ofMillis(301)), time.sleeps());
        assertEquals(0, charges.get());
    }

    @Test
    void execute_whenDownstreamIdempotentAndHolderCrashed_waiterTakesOverAndRunsWithTheSameToken() {
        crashedHolder();
        AtomicReference<OperationContext> seen = new AtomicReference<>();

        String result = builder().downstreamIdempotent(true).build().execute(token, REQUEST, context -> {
            seen.set(context);
            return charge();
        });

        assertEquals("receipt 1", result);
        assertEquals(token, seen.get().token());
        assertEquals(key, seen.get().storeKey());
        assertEquals(2, seen.get().fencingVersion());
    }

    @Test
    void execute_whenResolverFindsTheChargeApplied_recordsAndReturnsItWithoutRunning() {
        IdempotentExecutor<String> executor = builder().outcomeResolver(context -> {
            assertEquals(token, context.token());
            return Resolution.applied("receipt from the provider");
        }).build();
        assertThrows(SocketException.class, () -> executor.execute(token, REQUEST, () -> {
            charge();
            throw new SocketException("Connection reset");
        }));

        assertEquals("receipt from the provider", executor.execute(token, REQUEST, this::charge));
        assertEquals("receipt from the provider", executor.execute(token, REQUEST, this::charge));
        assertEquals(1, charges.get());
    }

    @Test
    void execute_whenResolverFindsNothingApplied_runsTheOperationOnce() {
        IdempotentExecutor<String> executor = builder().outcomeResolver(context -> Resolution.notApplied()).build();
        crashedHolder();
        time.advance(LEASE);

        assertEquals("receipt 1", executor.execute(token, REQUEST, this::charge));
        assertEquals("receipt 1", executor.execute(token, REQUEST, this::charge));
    }

    @Test
    void execute_whenResolverCannotTell_keepsTheOutcomeUnknownAndAsksAgainNextTime() {
        AtomicInteger asked = new AtomicInteger();
        IOException providerDown = new IOException("provider unreachable");
        IdempotentExecutor<String> executor = builder().outcomeResolver(context -> {
            if (asked.incrementAndGet() == 1) {
                return Resolution.unknown();
            }
            throw providerDown;
        }).build();
        crashedHolder();
        time.advance(LEASE);

        assertThrows(OutcomeUnknownException.class, () -> executor.execute(token, REQUEST, this::charge));
        OutcomeUnknownException second = assertThrows(OutcomeUnknownException.class,
                () -> executor.execute(token, REQUEST, this::charge));

        assertSame(providerDown, second.getCause());
        assertEquals(2, asked.get());
        assertEquals(0, charges.get());
        assertEquals(Completion.Kind.OUTCOME_UNKNOWN, memory.read(key).orElseThrow().completion().kind());
    }

    @Test
    void execute_whenResolverThrowsAnError_stopsRenewingAndKeepsTheOutcomeUnknown() {
        IdempotentExecutor<String> executor = builder().heartbeat(Duration.ofSeconds(10)).outcomeResolver(context -> {
            throw new StackOverflowError("resolver broke");
        }).build();
        crashedHolder();
        time.advance(LEASE);

        assertThrows(StackOverflowError.class, () -> executor.execute(token, REQUEST, this::charge));

        assertEquals(0, time.pendingTasks(), "no heartbeat left running");
        assertEquals(Completion.Kind.OUTCOME_UNKNOWN, memory.read(key).orElseThrow().completion().kind());
        assertEquals(0, charges.get());
    }

    @Test
    void execute_whenUnknownOutcomeRecordExpires_runsAnewAfterTheTtl() {
        IdempotentExecutor<String> executor = builder().ttl(Duration.ofHours(1)).build();
        assertThrows(SocketException.class, () -> executor.execute(token, REQUEST, () -> {
            charge();
            throw new SocketException("Connection reset");
        }));
        time.advance(Duration.ofMinutes(59));
        assertThrows(OutcomeUnknownException.class, () -> executor.execute(token, REQUEST, this::charge));
        time.advance(Duration.ofMinutes(2));

        assertEquals("receipt 2", executor.execute(token, REQUEST, this::charge));
    }
}
