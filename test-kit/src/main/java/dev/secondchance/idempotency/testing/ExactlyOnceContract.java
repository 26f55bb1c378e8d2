package dev.secondchance.idempotency.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondchance.idempotency.FailurePolicy;
import dev.secondchance.idempotency.Fingerprint;
import dev.secondchance.idempotency.IdempotencyException;
import dev.secondchance.idempotency.IdempotencyTokens;
import dev.secondchance.idempotency.IdempotentExecutor;
import dev.secondchance.idempotency.IdempotentExecutorBuilder;
import dev.secondchance.idempotency.InvalidIdempotencyTokenException;
import dev.secondchance.idempotency.LeaseLostException;
import dev.secondchance.idempotency.OperationInProgressException;
import dev.secondchance.idempotency.OutcomeUnknownException;
import dev.secondchance.idempotency.RequestMismatchException;
import dev.secondchance.idempotency.ResultCodec;
import dev.secondchance.idempotency.ResultTooLargeException;
import dev.secondchance.idempotency.WhenInProgress;
import dev.secondchance.idempotency.spi.IdempotencyStore;
import dev.secondchance.retry.RandomSource;
import dev.secondchance.retry.Scheduler;
import dev.secondchance.retry.testing.Concurrently;
import dev.secondchance.retry.testing.VirtualTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The executor's promises, run against a real store: exactly once under concurrency (blocking and
 * asynchronous callers racing for the same tokens), crash and takeover, a cancelled asynchronous caller,
 * mismatch, oversize and expiry. Every store module extends it, as it does
 * {@link IdempotencyStoreContract}.
 */
public abstract class ExactlyOnceContract {

    private static final Fingerprint REQUEST = Fingerprint.sha256("{\"amount\":100}");
    private static final Fingerprint OTHER_REQUEST = Fingerprint.sha256("{\"amount\":999}");

    /** The virtual time line the tests advance; {@link #clock} reads it. */
    protected final VirtualTime time = new VirtualTime();

    /**
     * The virtual wall clock, started at the real current second: a store whose backend deletes expired
     * items on the real clock (DynamoDB TTL) must not see records as expired before the test says so.
     */
    protected final Clock clock = Clock.offset(time.wallClock(),
            Duration.between(time.wallClock().instant(), Instant.now().truncatedTo(ChronoUnit.SECONDS)));
    private final List<IdempotencyStore> stores = new ArrayList<>();
    private final ExecutorService threads = Executors.newCachedThreadPool();

    /** Makes the suite; a subclass says how to make its store. */
    protected ExactlyOnceContract() {}

    /**
     * Makes an empty store (a fresh key space) that reads {@code clock}; a test may make several.
     *
     * @param clock the wall clock the store must read for leases and expiry
     * @return a store under test
     */
    protected abstract IdempotencyStore newStore(Clock clock);

    /**
     * The largest result the store keeps, in bytes.
     *
     * @return the limit, in bytes
     */
    protected abstract int maxResultBytes();

    /**
     * How many tokens the concurrency tests use; override to fit a slow backend.
     *
     * @return 500 unless overridden
     */
    protected int tokens() {
        return 500;
    }

    /**
     * How many concurrent callers race for each token in the concurrency tests.
     *
     * @return 16 unless overridden
     */
    protected int callers() {
        return 16;
    }

    @AfterEach
    void cleanUp() throws Exception {
        threads.shutdownNow();
        for (IdempotencyStore store : stores) {
            if (store instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
    }

    private IdempotencyStore store(Clock clock) {
        IdempotencyStore store = newStore(clock);
        stores.add(store);
        return store;
    }

    private <T> IdempotentExecutorBuilder<T> executor(IdempotencyStore store, ResultCodec<T> codec) {
        return IdempotentExecutor.builder(store, codec).clock(clock).ticker(time).sleeper(time)
                .scheduler(time).random(RandomSource.seeded(7));
    }

    private static String token() {
        return IdempotencyTokens.random();
    }

    /**
     * An executor for {@code executeAsync}: its store calls, polls and renewals run on real threads (a store
     * call may block on the network), each after the time line has moved on by its delay, so nothing sleeps.
     */
    private <T> IdempotentExecutorBuilder<T> asyncExecutor(IdempotencyStore store, ResultCodec<T> codec) {
        Scheduler onThreads = (task, delay) -> threads.submit(() -> {
            time.advance(delay);
            task.run();
        });
        return executor(store, codec).scheduler(onThreads);
    }

    private static Throwable failureOf(CompletableFuture<?> future) {
        return assertThrows(ExecutionException.class, () -> future.get(60, TimeUnit.SECONDS)).getCause();
    }

    @Test
    void execute_whenManyTokensEachRacedByManyCallers_runsEachOnceAndEveryCallerGetsTheSameResult() throws Exception {
        Clock frozen = Clock.fixed(Instant.now().truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC);
        IdempotencyStore store = store(frozen);
        IdempotentExecutor<String> executor = executor(store, ResultCodec.utf8()).clock(frozen)
                .waitTimeout(Duration.ofDays(1)).build();

        Map<String, List<Object>> outcomes = race(executor, tokens());

        assertEquals(tokens(), outcomes.size());
        for (List<Object> seen : outcomes.values()) {
            assertEquals(callers(), seen.size());
            assertEquals(1, seen.stream().distinct().count(), "different results for one token: " + seen);
        }
    }

    @Test
    void execute_whenRacedWithFailFast_runsEachOnceAndOthersReplayOrGetInProgress() throws Exception {
        Clock frozen = Clock.fixed(Instant.now().truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC);
        IdempotencyStore store = store(frozen);
        IdempotentExecutor<String> executor = executor(store, ResultCodec.utf8()).clock(frozen)
                .whenInProgress(WhenInProgress.FAIL_FAST).build();

        Map<String, List<Object>> outcomes = race(executor, tokens());

        for (Map.Entry<String, List<Object>> token : outcomes.entrySet()) {
            List<Object> results = token.getValue().stream().filter(String.class::isInstance).distinct().toList();
            assertEquals(1, results.size(), "results for one token: " + token.getValue());
            token.getValue().stream().filter(o -> !(o instanceof String))
                    .forEach(o -> assertInstanceOf(OperationInProgressException.class, o));
            assertEquals(results.get(0), executor.execute(token.getKey(), REQUEST, () -> "ran again"));
        }
    }

    /** Every caller calls every token in the same order; returns what each caller got, per token. */
    private Map<String, List<Object>> race(IdempotentExecutor<String> executor, int tokenCount) throws Exception {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < tokenCount; i++) {
            tokens.add(token());
        }
        Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
        Map<String, List<Object>> outcomes = new ConcurrentHashMap<>();
        Concurrently.call(callers(), Duration.ofSeconds(120), () -> {
            for (String token : tokens) {
                Object outcome;
                try {
                    outcome = executor.execute(token, REQUEST, () -> {
                        runs.computeIfAbsent(token, t -> new AtomicInteger()).incrementAndGet();
                        return token + "/" + UUID.randomUUID();
                    });
                } catch (IdempotencyException e) {
                    outcome = e;
                }
                outcomes.computeIfAbsent(token, t -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(outcome);
            }
            return null;
        });
        assertEquals(tokens.size(), runs.size(), "every token ran");
        runs.forEach((token, count) -> assertEquals(1, count.get(), "runs of " + token));
        outcomes.forEach((token, seen) -> seen.stream().filter(String.class::isInstance).forEach(result ->
                assertTrue(((String) result).startsWith(token + "/"), "token " + token + " was given " + result)));
        return outcomes;
    }

    @Test
    void executeAsync_whenTokensAreRacedBySyncAndAsyncCallers_runsEachOnceAndEveryCallerGetsTheSameResult()
            throws Exception {
        Clock frozen = Clock.fixed(Instant.now().truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC);
        IdempotencyStore store = store(frozen);
        IdempotentExecutor<String> executor = asyncExecutor(store, ResultCodec.utf8()).clock(frozen)
                .waitTimeout(Duration.ofDays(1)).build();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < Math.max(1, tokens() / 5); i++) {
            tokens.add(token());
        }
        Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
        Map<String, Set<String>> results = new ConcurrentHashMap<>();
        AtomicInteger callerNumber = new AtomicInteger();

        Concurrently.call(callers(), Duration.ofSeconds(120), () -> {
            boolean async = callerNumber.incrementAndGet() % 2 == 0;
            for (String token : tokens) {
                java.util.function.Supplier<String> operation = () -> token + "/" + runs
                        .computeIfAbsent(token, t -> new AtomicInteger()).incrementAndGet() + "/" + UUID.randomUUID();
                String result = async
                        ? executor.executeAsync(token, REQUEST, () -> CompletableFuture.supplyAsync(operation, threads))
                                .get(60, TimeUnit.SECONDS)
                        : executor.execute(token, REQUEST, operation::get);
                results.computeIfAbsent(token, t -> ConcurrentHashMap.newKeySet()).add(result);
            }
            return null;
        });

        assertEquals(tokens.size(), runs.size(), "every token ran");
        runs.forEach((token, count) -> assertEquals(1, count.get(), "runs of " + token));
        results.forEach((token, seen) -> {
            assertEquals(1, seen.size(), "different results for one token: " + seen);
            assertTrue(seen.iterator().next().startsWith(token + "/1/"), "token " + token + " was given " + seen);
        });
    }

    @Test
    void executeAsync_whenTheOperationIsCancelledWhileItRuns_noOneElseRunsItAndItsResultIsRecorded()
            throws Exception {
        IdempotentExecutor<String> executor = asyncExecutor(store(clock), ResultCodec.utf8())
                .lease(Duration.ofMinutes(10)).heartbeat(Duration.ZERO).build();
        String token = token();
        AtomicInteger runs = new AtomicInteger();
        CompletableFuture<String> running = new CompletableFuture<>();
        CompletableFuture<String> started = new CompletableFuture<>();
        CompletableFuture<String> first = executor.executeAsync(token, REQUEST, () -> {
            runs.incrementAndGet();
            started.complete("started");
            return running;
        });
        started.get(60, TimeUnit.SECONDS);

        first.cancel(true);
        CompletableFuture<String> duplicate = executor.toBuilder().whenInProgress(WhenInProgress.FAIL_FAST).build()
                .executeAsync(token, REQUEST, () -> CompletableFuture.completedFuture("ran " + runs.incrementAndGet()));
        assertInstanceOf(OperationInProgressException.class, failureOf(duplicate));
        CompletableFuture<String> waiter = executor.executeAsync(token, REQUEST,
                () -> CompletableFuture.completedFuture("ran " + runs.incrementAndGet()));
        running.complete("the first run's result");

        assertEquals("the first run's result", waiter.get(60, TimeUnit.SECONDS));
        assertEquals(1, runs.get());
    }

    @Test
    void executeAsync_whenHolderStopsThenLeaseEnds_waitersGetOutcomeUnknownAndNothingRunsAgain() throws Exception {
        IdempotentExecutorBuilder<String> builder = asyncExecutor(store(clock), ResultCodec.utf8())
                .lease(Duration.ofSeconds(10)).heartbeat(Duration.ofSeconds(3));
        String token = token();
        CompletableFuture<String> hung = new CompletableFuture<>();
        CompletableFuture<String> claimed = new CompletableFuture<>();
        builder.heartbeat(Duration.ZERO).build().executeAsync(token, REQUEST, () -> {
            claimed.complete("claimed");
            return hung;
        });
        claimed.get(60, TimeUnit.SECONDS);
        AtomicInteger runs = new AtomicInteger();

        CompletableFuture<String> waiter = builder.build().executeAsync(token, REQUEST,
                () -> CompletableFuture.completedFuture("ran " + runs.incrementAndGet()));

        assertInstanceOf(OutcomeUnknownException.class, failureOf(waiter));
        assertEquals(0, runs.get());
        hung.complete("too late");
    }

    @Test
    void executeAsync_whenConnectionResetAfterTheCharge_theRetryChargesNothing() {
        IdempotentExecutor<String> executor = asyncExecutor(store(clock), ResultCodec.utf8()).build();
        String token = token();
        AtomicInteger charges = new AtomicInteger();

        CompletableFuture<String> first = executor.executeAsync(token, REQUEST, () -> {
            charges.incrementAndGet();
            return CompletableFuture.failedFuture(new java.net.SocketException("Connection reset"));
        });
        assertInstanceOf(java.net.SocketException.class, failureOf(first));
        CompletableFuture<String> retry = executor.executeAsync(token, REQUEST,
                () -> CompletableFuture.completedFuture("charged again " + charges.incrementAndGet()));

        OutcomeUnknownException unknown = assertInstanceOf(OutcomeUnknownException.class, failureOf(retry));
        assertEquals("java.net.SocketException", unknown.failureType());
        assertEquals(1, charges.get());
    }

    @Test
    void execute_whenDownstreamIdempotentHolderStopsThenLeaseEnds_otherCallerTakesOverAndTheLateCompletionIsFenced()
            throws Exception {
        IdempotencyStore store = store(clock);
        IdempotentExecutorBuilder<String> builder = executor(store, ResultCodec.utf8()).downstreamIdempotent(true)
                .lease(Duration.ofSeconds(10)).heartbeat(Duration.ofSeconds(3));
        String token = token();
        CountDownLatch aClaimed = new CountDownLatch(1);
        CountDownLatch aMayFinish = new CountDownLatch(1);
        Future<String> a = threads.submit(() -> builder.build().execute(token, REQUEST, () -> {
            aClaimed.countDown();
            aMayFinish.await();
            return "from A";
        }));
        assertTrue(aClaimed.await(30, TimeUnit.SECONDS));

        OperationInProgressException turnedAway = assertThrows(OperationInProgressException.class, () -> builder
                .whenInProgress(WhenInProgress.FAIL_FAST).build().execute(token, REQUEST, () -> "must not run"));
        assertEquals(Duration.ofSeconds(10), turnedAway.retryAfter());
        Duration before = time.elapsed();
        String b = builder.whenInProgress(WhenInProgress.WAIT).build().execute(token, REQUEST, () -> "from B");
        aMayFinish.countDown();

        assertEquals("from B", b);
        assertTrue(time.elapsed().minus(before).compareTo(Duration.ofSeconds(10)) >= 0, "B waited out the lease");
        LeaseLostException late = (LeaseLostException) assertThrows(java.util.concurrent.ExecutionException.class,
                () -> a.get(30, TimeUnit.SECONDS)).getCause();
        assertEquals("from A", late.result());
        assertEquals("from B", builder.build().execute(token, REQUEST, () -> "must not run"));
    }

    @Test
    void execute_whenTokenReusedWithAnotherRequest_throwsMismatchWhetherCompletedOrInProgress() throws Exception {
        IdempotentExecutorBuilder<String> builder = executor(store(clock), ResultCodec.utf8());
        IdempotentExecutor<String> executor = builder.build();
        AtomicInteger runs = new AtomicInteger();
        String done = token();
        executor.execute(done, REQUEST, () -> "first " + runs.incrementAndGet());
        String running = token();
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        Future<String> holder = threads.submit(() -> executor.execute(running, REQUEST, () -> {
            claimed.countDown();
            finish.await();
            return "held";
        }));
        assertTrue(claimed.await(30, TimeUnit.SECONDS));

        RequestMismatchException completed = assertThrows(RequestMismatchException.class,
                () -> executor.execute(done, OTHER_REQUEST, () -> "second " + runs.incrementAndGet()));
        RequestMismatchException inProgress = assertThrows(RequestMismatchException.class,
                () -> executor.execute(running, OTHER_REQUEST, () -> "second " + runs.incrementAndGet()));
        finish.countDown();

        assertEquals(REQUEST.hex(), completed.storedFingerprint());
        assertEquals(OTHER_REQUEST.hex(), inProgress.requestFingerprint());
        assertEquals(1, runs.get());
        assertEquals("held", holder.get(30, TimeUnit.SECONDS));
    }

    @Test
    void execute_whenTokenIsInvalid_throwsTypedAndRunsNothing() {
        IdempotentExecutor<String> executor = executor(store(clock), ResultCodec.utf8()).build();
        AtomicInteger runs = new AtomicInteger();

        for (String bad : new String[] {"", " lead", "tab\there", "é", "x".repeat(256)}) {
            assertThrows(InvalidIdempotencyTokenException.class,
                    () -> executor.execute(bad, REQUEST, () -> "ran " + runs.incrementAndGet()), bad);
        }
        assertEquals(0, runs.get());
    }

    @Test
    void execute_whenResultIsTooLarge_throwsTypedAndNeverRunsAgain() {
        IdempotentExecutor<byte[]> executor = executor(store(clock), ResultCodec.bytes()).build();
        AtomicInteger runs = new AtomicInteger();
        String token = token();
        byte[] huge = new byte[maxResultBytes() + 1];

        ResultTooLargeException first = assertThrows(ResultTooLargeException.class, () -> executor.execute(token,
                REQUEST, () -> {
                    runs.incrementAndGet();
                    return huge;
                }));
        ResultTooLargeException replay = assertThrows(ResultTooLargeException.class,
                () -> executor.execute(token, REQUEST, () -> new byte[runs.incrementAndGet()]));

        assertSame(huge, first.result());
        assertEquals(huge.length, first.resultBytes());
        assertNull(replay.result());
        assertEquals(huge.length, replay.resultBytes());
        assertEquals(1, runs.get());
    }

    @Test
    void execute_whenRecordExpired_countsItAbsentAndRunsAnew() {
        IdempotentExecutor<String> executor = executor(store(clock), ResultCodec.utf8())
                .ttl(Duration.ofHours(1)).build();
        AtomicInteger runs = new AtomicInteger();
        String token = token();
        assertEquals("run 1", executor.execute(token, REQUEST, () -> "run " + runs.incrementAndGet()));

        time.advance(Duration.ofMinutes(59));
        assertEquals("run 1", executor.execute(token, REQUEST, () -> "run " + runs.incrementAndGet()));
        time.advance(Duration.ofMinutes(2));

        assertEquals("run 2", executor.execute(token, OTHER_REQUEST, () -> "run " + runs.incrementAndGet()));
    }

    @Test
    void execute_whenHolderStopsThenLeaseEnds_laterCallersGetOutcomeUnknownAndNothingRunsAgain() throws Exception {
        IdempotencyStore store = store(clock);
        IdempotentExecutorBuilder<String> builder = executor(store, ResultCodec.utf8())
                .lease(Duration.ofSeconds(10)).heartbeat(Duration.ofSeconds(3));
        String token = token();
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        Future<String> hung = threads.submit(() -> builder.heartbeat(Duration.ZERO).build().execute(token, REQUEST, () -> {
            claimed.countDown();
            finish.await();
            return "from the hung holder";
        }));
        assertTrue(claimed.await(30, TimeUnit.SECONDS));
        AtomicInteger runs = new AtomicInteger();

        assertThrows(OutcomeUnknownException.class,
                () -> builder.build().execute(token, REQUEST, () -> "ran " + runs.incrementAndGet()));
        time.advance(Duration.ofMinutes(5));
        assertThrows(OutcomeUnknownException.class,
                () -> builder.build().execute(token, REQUEST, () -> "ran " + runs.incrementAndGet()));
        finish.countDown();

        assertEquals(0, runs.get());
        assertEquals("from the hung holder", hung.get(30, TimeUnit.SECONDS));
    }

    @Test
    void execute_whenConnectionResetAfterTheCharge_theRetryChargesNothing() {
        IdempotentExecutor<String> executor = executor(store(clock), ResultCodec.utf8()).build();
        String token = token();
        AtomicInteger charges = new AtomicInteger();

        assertThrows(java.net.SocketException.class, () -> executor.execute(token, REQUEST, () -> {
            charges.incrementAndGet();
            throw new java.net.SocketException("Connection reset");
        }));
        OutcomeUnknownException retry = assertThrows(OutcomeUnknownException.class,
                () -> executor.execute(token, REQUEST, () -> "charged again " + charges.incrementAndGet()));

        assertEquals(1, charges.get());
        assertEquals("java.net.SocketException", retry.failureType());
    }

    @Test
    void execute_whenRunOutlivesItsTtl_noSecondCallerRunsAndAnotherRequestIsAMismatch() throws Exception {
        IdempotencyStore store = store(clock);
        IdempotentExecutorBuilder<String> builder = executor(store, ResultCodec.utf8()).downstreamIdempotent(true)
                .ttl(Duration.ofMinutes(2)).lease(Duration.ofSeconds(30)).heartbeat(Duration.ofSeconds(10));
        String token = token();
        AtomicInteger runs = new AtomicInteger();

        String first = builder.build().execute(token, REQUEST, () -> {
            runs.incrementAndGet();
            time.advance(Duration.ofMinutes(5));
            assertThrows(OperationInProgressException.class, () -> builder.whenInProgress(WhenInProgress.FAIL_FAST)
                    .build().execute(token, REQUEST, () -> "second " + runs.incrementAndGet()));
            assertThrows(RequestMismatchException.class, () -> builder.whenInProgress(WhenInProgress.FAIL_FAST)
                    .build().execute(token, OTHER_REQUEST, () -> "other " + runs.incrementAndGet()));
            return "first";
        });

        assertEquals("first", first);
        assertEquals(1, runs.get());
    }

    @Test
    void execute_whenReleasedAfterAProvenHarmlessFailure_aCorrectedRequestRuns() {
        IdempotentExecutor<String> executor = executor(store(clock), ResultCodec.utf8())
                .failurePolicy(FailurePolicy.releaseWhen(IllegalArgumentException.class::isInstance)).build();
        String token = token();

        assertThrows(IllegalArgumentException.class, () -> executor.execute(token, REQUEST, () -> {
            throw new IllegalArgumentException("amount must be positive");
        }));

        assertEquals("corrected", executor.execute(token, OTHER_REQUEST, () -> "corrected"));
        assertEquals("corrected", executor.execute(token, OTHER_REQUEST, () -> "ran twice"));
    }

    @Test
    void execute_whenFirstRunFailsWithAProvenHarmlessFailure_releasesSoTheRetryRunsAndSucceeds() {
        IdempotentExecutor<String> executor = executor(store(clock), ResultCodec.utf8())
                .failurePolicy(FailurePolicy.releaseWhen(IllegalStateException.class::isInstance)).build();
        String token = token();
        AtomicInteger runs = new AtomicInteger();

        assertThrows(IllegalStateException.class, () -> executor.execute(token, REQUEST, () -> {
            runs.incrementAndGet();
            throw new IllegalStateException("downstream said 503");
        }));
        String retried = executor.execute(token, REQUEST, () -> "ok after " + runs.incrementAndGet());

        assertEquals("ok after 2", retried);
        assertEquals("ok after 2", executor.execute(token, REQUEST, () -> "never"));
    }
}
