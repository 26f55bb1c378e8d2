package dev.secondchance.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondchance.idempotency.spi.ClaimRequest;
import dev.secondchance.idempotency.spi.ClaimResult;
import dev.secondchance.idempotency.spi.CompleteResult;
import dev.secondchance.idempotency.spi.Completion;
import dev.secondchance.idempotency.spi.IdempotencyRecord;
import dev.secondchance.idempotency.spi.IdempotencyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Leases cover the whole run: renewals move the expiry, are retried inside the lease, and never starve. */
class LeaseRenewalTest extends ExecutorTestBase {

    private static final Fingerprint OTHER_REQUEST = Fingerprint.sha256("charge 999 EUR to card 4242");
    private static final Duration TTL = Duration.ofHours(1);

    @Override
    IdempotentExecutorBuilder<String> builder(IdempotencyStore store) {
        return super.builder(store).heartbeat(Duration.ofSeconds(10)).ttl(TTL);
    }

    private ClaimResult intrude(Fingerprint request, boolean takeover) {
        return memory.claim(new ClaimRequest(key, request.hex(), "intruder", LEASE, TTL, takeover));
    }

    /**
     * Executes on {@code store} an operation that runs for {@code runTime} of virtual time, then does
     * {@code atTheEnd}, and returns "kept"; asserts that result and returns the operation's context.
     */
    private OperationContext runKept(IdempotencyStore store, Duration runTime, Runnable atTheEnd) {
        AtomicReference<OperationContext> context = new AtomicReference<>();
        String result = builder(store).build().execute(token, REQUEST, ctx -> {
            context.set(ctx);
            time.advance(runTime);
            atTheEnd.run();
            return "kept";
        });
        assertEquals("kept", result);
        return context.get();
    }

    @Test
    void execute_whenRunOutlivesItsTtl_noOtherCallerClaimsAndAnotherRequestIsAMismatch() {
        IdempotentExecutor<String> executor = builder(memory).build();
        List<ClaimResult> intrusions = new ArrayList<>();

        String result = executor.execute(token, REQUEST, () -> {
            for (int minute = 0; minute < 150; minute++) {
                time.advance(Duration.ofMinutes(1));
                intrusions.add(intrude(OTHER_REQUEST, true));
                intrusions.add(intrude(REQUEST, true));
            }
            assertThrows(RequestMismatchException.class, () -> executor.execute(token, OTHER_REQUEST, () -> "other"));
            return "done after 2.5 h";
        });

        assertEquals("done after 2.5 h", result);
        assertTrue(intrusions.stream().noneMatch(ClaimResult::acquired), "a live lease was claimed");
        assertEquals("done after 2.5 h", executor.execute(token, REQUEST, () -> "ran again"));
    }

    @Test
    void execute_whenRenewalsFailForAWhile_retriesThemInsideTheLeaseAndKeepsIt() {
        FaultyStore store = new FaultyStore(memory);
        store.renewFailures.set(3);
        OperationContext context = runKept(store, Duration.ofSeconds(95),
                () -> assertFalse(intrude(REQUEST, true).acquired()));

        assertFalse(context.isLeaseLost());
        assertEquals(0, store.renewFailures.get());
    }

    @Test
    void execute_whenRenewalsFailForAWhileLongAfterTheTimeLineStarted_countsTheLeaseFromTheClaim() {
        time.advance(Duration.ofHours(5));
        FaultyStore store = new FaultyStore(memory);
        store.renewFailures.set(3);
        OperationContext context = runKept(store, Duration.ofSeconds(95), () -> { });

        assertFalse(context.isLeaseLost(), "a renewal failing inside the lease does not lose it");
        assertEquals(0, store.renewFailures.get());
    }

    @Test
    void execute_whenARenewalFailsAfterEarlierOnesSucceeded_countsTheLeaseFromTheLastRenewal() {
        AtomicInteger renewals = new AtomicInteger();
        IdempotencyStore flaky = new ForwardingStore(memory) {
            @Override
            public boolean renew(String key, String owner, long version, Duration lease, Duration ttl) {
                int n = renewals.incrementAndGet();
                if (n >= 4 && n <= 6) {
                    throw new java.io.UncheckedIOException(new java.net.SocketTimeoutException("renewal timed out"));
                }
                return super.renew(key, owner, version, lease, ttl);
            }
        };
        OperationContext context = runKept(flaky, Duration.ofSeconds(50), () -> { });

        assertFalse(context.isLeaseLost(), "renewals failing inside the renewed lease do not lose it");
        assertTrue(renewals.get() > 6, "renewals went on: " + renewals.get());
    }

    @Test
    void execute_whenTheProcessPausesPastItsLeaseAndAnotherCallerTakesOver_theLateRenewalTellsTheOperation() {
        IdempotentExecutor<String> taker = super.builder(memory).downstreamIdempotent(true).build();
        AtomicReference<Boolean> lostAfterTheRenewal = new AtomicReference<>();

        LeaseLostException e = assertThrows(LeaseLostException.class, () -> builder(memory).build()
                .execute(token, REQUEST, ctx -> {
                    time.sleep(LEASE.plusSeconds(1)); // a pause: the clock moves, no renewal runs
                    assertEquals("taker", taker.execute(token, REQUEST, () -> "taker"));
                    boolean lostBefore = ctx.isLeaseLost();
                    time.advance(Duration.ZERO); // the overdue renewal runs now and is fenced
                    lostAfterTheRenewal.set(!lostBefore && ctx.leaseLost().toCompletableFuture().isDone());
                    return "late";
                }));

        assertTrue(lostAfterTheRenewal.get(), "the fenced renewal signalled the loss");
        assertEquals("late", e.result());
        assertEquals("taker", taker.execute(token, REQUEST, () -> "ran again"));
    }

    @Test
    void execute_whenARenewalIsInFlightAsTheRunSucceeds_itsFencedAnswerIsNotTakenForALostLease() throws Exception {
        CountDownLatch renewing = new CountDownLatch(1);
        CountDownLatch completed = new CountDownLatch(1);
        IdempotencyStore slowRenewals = new ForwardingStore(memory) {
            @Override
            public boolean renew(String key, String owner, long version, Duration lease, Duration ttl) {
                renewing.countDown();
                try {
                    assertTrue(completed.await(20, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
                return super.renew(key, owner, version, lease, ttl);
            }

            @Override
            public CompleteResult complete(String key, String owner, long version, Completion completion,
                    Duration ttl) {
                CompleteResult stored = super.complete(key, owner, version, completion, ttl);
                completed.countDown();
                return stored;
            }
        };
        java.util.concurrent.ExecutorService renewer = java.util.concurrent.Executors.newSingleThreadExecutor();
        AtomicReference<OperationContext> context = new AtomicReference<>();
        try {
            String result = builder(slowRenewals).scheduler((task, delay) -> renewer.submit(task)).build()
                    .execute(token, REQUEST, ctx -> {
                        context.set(ctx);
                        assertTrue(renewing.await(20, TimeUnit.SECONDS), "the renewal started");
                        return "charged";
                    });
            assertEquals("charged", result);
        } finally {
            renewer.shutdown();
            assertTrue(renewer.awaitTermination(20, TimeUnit.SECONDS));
        }

        assertFalse(context.get().isLeaseLost(), "the run succeeded; its last renewal was fenced by its own result");
    }

    @Test
    void execute_whenRenewalsFailUntilTheLeaseEnds_signalsLeaseLostAndTheTakeoverWins() {
        FaultyStore store = new FaultyStore(memory);
        store.renewFailures.set(Integer.MAX_VALUE);
        AtomicReference<Boolean> lostBeforeReturn = new AtomicReference<>();
        AtomicReference<Boolean> stageDone = new AtomicReference<>();

        LeaseLostException e = assertThrows(LeaseLostException.class, () -> builder(store).build()
                .execute(token, REQUEST, ctx -> {
                    time.advance(LEASE);
                    lostBeforeReturn.set(ctx.isLeaseLost());
                    stageDone.set(ctx.leaseLost().toCompletableFuture().isDone());
                    assertTrue(intrude(REQUEST, true).acquired());
                    return "late";
                }));

        assertTrue(lostBeforeReturn.get());
        assertTrue(stageDone.get());
        assertEquals("late", e.result());
    }

    @Test
    void execute_whenStoreRenewsSlowlyAndTheCommonPoolIsStarved_renewalsStillRunOffTheCommonPool()
            throws Exception {
        int parallelism = ForkJoinPool.getCommonPoolParallelism();
        CountDownLatch release = new CountDownLatch(1);
        List<Future<?>> blockers = new ArrayList<>();
        for (int i = 0; i < parallelism + 1; i++) {
            blockers.add(ForkJoinPool.commonPool().submit(() -> {
                release.await();
                return null;
            }));
        }
        CountDownLatch renewed = new CountDownLatch(2);
        AtomicReference<Thread> renewer = new AtomicReference<>();
        IdempotencyStore watched = new ForwardingStore(IdempotencyStore.inMemory()) {
            @Override
            public boolean renew(String key, String owner, long version, Duration lease, Duration ttl) {
                renewer.set(Thread.currentThread());
                renewed.countDown();
                return super.renew(key, owner, version, lease, ttl);
            }
        };
        try {
            boolean renewedWhileRunning = IdempotentExecutor.builder(watched, ResultCodec.utf8())
                    .lease(Duration.ofMillis(40)).heartbeat(Duration.ofMillis(10)).build()
                    .execute(token, REQUEST, () -> renewed.await(20, TimeUnit.SECONDS) ? "renewed" : "starved")
                    .equals("renewed");

            assertTrue(renewedWhileRunning, "no renewal reached the store while the common pool was blocked");
            assertFalse(renewer.get() instanceof ForkJoinWorkerThread, renewer.get().getName());
            assertTrue(renewer.get().isDaemon(), "a renewal thread must not keep the JVM alive");
        } finally {
            release.countDown();
            for (Future<?> blocker : blockers) {
                blocker.get(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Forwards every call; tests override the ones they watch. */
    static class ForwardingStore implements IdempotencyStore {
        private final IdempotencyStore delegate;

        ForwardingStore(IdempotencyStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public ClaimResult claim(ClaimRequest request) {
            return delegate.claim(request);
        }

        @Override
        public CompleteResult complete(String key, String owner, long version, Completion completion, Duration ttl) {
            return delegate.complete(key, owner, version, completion, ttl);
        }

        @Override
        public boolean release(String key, String owner, long version) {
            return delegate.release(key, owner, version);
        }

        @Override
        public boolean renew(String key, String owner, long version, Duration lease, Duration ttl) {
            return delegate.renew(key, owner, version, lease, ttl);
        }

        @Override
        public Optional<IdempotencyRecord> read(String key) {
            return delegate.read(key);
        }
    }
}
