package dev.secondchance.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondchance.idempotency.IdempotencyListenerTest.EventLog;
import dev.secondchance.idempotency.spi.ClaimRequest;
import dev.secondchance.idempotency.spi.ClaimResult;
import dev.secondchance.idempotency.spi.Completion;
import dev.secondchance.idempotency.spi.IdempotencyRecord;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A caller that finds another caller's claim and waits: it polls by reading (one claim, not one per poll), tells
 * the listener how long it waited before what ended the wait, and acts on what the last read showed. The time
 * line starts an hour in, so a wait's length is measured from its start, not from zero.
 */
class WaitingCallerTest extends ExecutorTestBase {

    private final EventLog log = new EventLog();
    private final AtomicInteger claims = new AtomicInteger();
    private final AtomicInteger runs = new AtomicInteger();
    private final LeaseRenewalTest.ForwardingStore counting = new LeaseRenewalTest.ForwardingStore(memory) {
        @Override
        public ClaimResult claim(ClaimRequest request) {
            claims.incrementAndGet();
            return super.claim(request);
        }
    };

    WaitingCallerTest() {
        time.advance(Duration.ofHours(1));
    }

    private String run() {
        return "ran " + runs.incrementAndGet();
    }

    /** Completes the held claim after {@code after}, from inside the waiter's sleep, as the holder would. */
    private IdempotentExecutor<String> waiterWhoseHolderCompletesAfter(IdempotencyRecord held, Duration after) {
        return builder(counting).listener(log).sleeper(delay -> {
            Duration before = time.elapsed();
            time.sleep(delay);
            if (before.compareTo(Duration.ofHours(1).plus(after)) < 0
                    && time.elapsed().compareTo(Duration.ofHours(1).plus(after)) >= 0) {
                ResultCodec<String> codec = ResultCodec.utf8();
                memory.complete(key, held.owner(), held.version(),
                        Completion.result(codec.encode("ok"), codec.id(), codec.version()), Duration.ofHours(24));
            }
        }).build();
    }

    @Test
    void execute_whileWaitingForTheHolder_pollsByReadingAndSendsASingleClaim() {
        IdempotencyRecord held = holdAsAnotherCaller("holder");

        assertEquals("ok", waiterWhoseHolderCompletesAfter(held, Duration.ofSeconds(5))
                .execute(token, REQUEST, this::run));

        assertEquals(1, claims.get(), "polls are reads; a claim is sent again only when a read shows it can win");
        assertTrue(time.sleeps().size() > 1, "polled " + time.sleeps());
        assertEquals(List.of("waited 5 s, polled", "replayed RESULT"), log.events);
        assertEquals(0, runs.get());
    }

    @Test
    void execute_whenTheHoldersLeaseLapsesDuringTheWait_tellsTheWaitThenTheUnknownOutcome() {
        holdAsAnotherCaller("crashed");
        time.advance(Duration.ofSeconds(10));

        assertThrows(OutcomeUnknownException.class,
                () -> builder(memory).listener(log).build().execute(token, REQUEST, this::run));

        assertEquals(List.of("waited 20 s, polled", "replayed OUTCOME_UNKNOWN"), log.events);
        assertEquals(0, runs.get());
    }

    @Test
    void execute_whenAnotherRequestTakesTheReleasedTokenDuringTheWait_tellsTheWaitThenTheMismatch() {
        IdempotencyRecord held = holdAsAnotherCaller("holder");
        Fingerprint other = Fingerprint.sha256("refund 100 EUR to card 4242");
        IdempotentExecutor<String> waiter = builder(memory).listener(log).sleeper(delay -> {
            time.sleep(delay);
            if (memory.release(key, "holder", held.version())) {
                assertTrue(memory.claim(new ClaimRequest(key, other.hex(), "refund", LEASE, Duration.ofHours(24)))
                        .acquired());
            }
        }).build();

        assertThrows(RequestMismatchException.class, () -> waiter.execute(token, REQUEST, this::run));

        assertEquals(List.of("waited 0 s, polled", "mismatch"), log.events);
        assertEquals(0, runs.get());
    }

    @Test
    void execute_whenInterruptedWhileWaiting_tellsTheWaitThenInProgressWithTheHoldersLeaseLeft() {
        holdAsAnotherCaller("holder");
        time.advance(Duration.ofSeconds(10));
        IdempotentExecutor<String> waiter = builder(memory).listener(log).sleeper(delay -> {
            time.sleep(delay);
            Thread.currentThread().interrupt();
        }).build();

        OperationInProgressException thrown;
        try {
            thrown = assertThrows(OperationInProgressException.class, () -> waiter.execute(token, REQUEST, this::run));
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt flag is kept");
        } finally {
            Thread.interrupted();
        }

        Duration polled = time.sleeps().get(0);
        assertEquals(Duration.ofMillis(LEASE.minusSeconds(10).toMillis() - polled.toMillis()), thrown.retryAfter(),
                "the holder's lease left, in the store's milliseconds");
        assertEquals(List.of("waited 0 s, polled", "in progress after the wait"), log.events);
        assertEquals(0, runs.get());
    }

    @Test
    void execute_whenTheWaiterIsSuspendedPastTheRecordsTtl_claimsTheFreedTokenAndRuns() {
        assertTrue(memory.claim(new ClaimRequest(key, REQUEST.hex(), "crashed", LEASE, Duration.ofMinutes(5)))
                .acquired());
        AtomicReference<Boolean> suspended = new AtomicReference<>(false);
        IdempotentExecutor<String> waiter = builder(memory).listener(log).sleeper(delay -> {
            time.sleep(delay);
            if (!suspended.getAndSet(true)) {
                time.advance(Duration.ofDays(1)); // the machine slept; the record's TTL passed meanwhile
            }
        }).build();

        assertEquals("ran 1", waiter.execute(token, REQUEST, this::run));

        assertEquals(List.of("waited 86400 s, polled", "claimed"), log.events);
    }
}
