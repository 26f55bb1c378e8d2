package dev.secondchance.idempotency.dynamodb;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.secondchance.idempotency.Fingerprint;
import dev.secondchance.idempotency.IdempotencyException;
import dev.secondchance.idempotency.IdempotentExecutor;
import dev.secondchance.idempotency.ResultCodec;
import dev.secondchance.idempotency.WhenInProgress;
import dev.secondchance.idempotency.spi.Completion;
import dev.secondchance.idempotency.spi.IdempotencyRecord;
import dev.secondchance.idempotency.spi.IdempotencyStore;
import dev.secondchance.idempotency.spi.RecordStatus;
import dev.secondchance.retry.Backoff;
import dev.secondchance.retry.Jitter;
import dev.secondchance.retry.RetryBudget;
import dev.secondchance.retry.RetryPolicy;
import dev.secondchance.testing.dynamodb.Dynalite;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Soak (issue 15, item 4), not part of {@code mvn verify}: 64 callers run the idempotent executor for
 * {@code sc.soak.minutes} minutes, on real time, over a rolling set of 200 keys, against dynalite behind an
 * in-JVM fault proxy ({@link FaultProxy}, 2 % each: throttling, 500s, and connections cut or 500s after the
 * write was applied; and random latency). Afterwards: no operation ran twice, every result handed out is the one stored for its
 * key (none lost), no caller got another key's result, every failure was a typed {@link IdempotencyException},
 * and every call ended within its bound: the wait timeout plus two store calls' deadlines (a claim, then a run
 * and its completion or a wait and its last poll).
 * {@code mvn -B -pl dynamodb-idempotency -am test -Dtest=IdempotentExecutorSoakTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dsc.soak.minutes=10}. See docs/quality.md.
 */
@EnabledIfSystemProperty(named = "sc.soak.minutes", matches = "\\d+")
@DisabledIfSystemProperty(named = "sc.logContent", matches = "true") // the log-content execution's JVM
class IdempotentExecutorSoakTest {

    private static final int CALLERS = 64;
    private static final int LIVE_KEYS = 200;
    private static final Duration WAIT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration STORE_DEADLINE = Duration.ofSeconds(8);
    private static final String PREFIX = "soak";

    private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> handedOut = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> typedErrors = new ConcurrentHashMap<>();
    private final List<Throwable> untyped = new ArrayList<>();
    private final AtomicInteger foreign = new AtomicInteger();
    private final LongAdder calls = new LongAdder();
    private final AtomicLong slowestMillis = new AtomicLong();

    @Test
    void execute_when64CallersRunForMinutesThroughFaults_runsEachOnceAndLosesNothing() throws Exception {
        long minutes = Long.getLong("sc.soak.minutes");
        Dynalite dynamo = Dynalite.shared();
        String table = TestDynamoDb.newTable(TestDynamoDb.client());
        FaultProxy faults = new FaultProxy(ThreadLocalRandom::current, 2);
        WireMockServer proxy = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
                .containerThreads(160).disableRequestJournal().extensions(faults.beforeDynamoDb(),
                        faults.afterDynamoDb()));
        proxy.start();
        proxy.stubFor(any(anyUrl()).willReturn(aResponse().proxiedFrom(dynamo.endpoint().toString())));
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        try (DynamoDbClient client = TestDynamoDb.httpClient(URI.create("http://127.0.0.1:" + proxy.port()))) {
            IdempotencyStore store = DynamoDbIdempotencyStore.builder(client, table).build();
            RetryPolicy storeRetries = RetryPolicy.builder().maxAttempts(10).budget(RetryBudget.unlimited())
                    .backoff(Backoff.exponential(Duration.ofMillis(20), 2, Duration.ofSeconds(1), Jitter.FULL))
                    .deadline(STORE_DEADLINE).classifiers(List.of(store.retryClassifier())).build();
            IdempotentExecutor<String> executor = IdempotentExecutor.builder(store, ResultCodec.utf8())
                    .storeRetryPolicy(storeRetries).keyPrefix(PREFIX).lease(Duration.ofSeconds(6))
                    .heartbeat(Duration.ofSeconds(2)).whenInProgress(WhenInProgress.WAIT).waitTimeout(WAIT_TIMEOUT)
                    .build();
            long start = System.nanoTime();
            long end = start + TimeUnit.MINUTES.toNanos(minutes);
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CALLERS; c++) {
                done.add(callers.submit(() -> {
                    while (System.nanoTime() < end) {
                        long window = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start) / 10;
                        callOnce(executor, "k" + (window * LIVE_KEYS / 2 + ThreadLocalRandom.current().nextInt(LIVE_KEYS)));
                    }
                    return null;
                }));
            }
            for (Future<?> caller : done) {
                caller.get(minutes + 2, TimeUnit.MINUTES);
            }
            System.out.printf("soak: calls=%d keys=%d runs=%d typedErrors=%s untyped=%d foreign=%d slowest=%d ms "
                            + "faults=%s%n", calls.sum(), runs.size(),
                    runs.values().stream().mapToInt(AtomicInteger::get).sum(), typedErrors, untyped.size(),
                    foreign.get(), slowestMillis.get(), faults);

            IdempotencyStore direct = DynamoDbIdempotencyStore.builder(TestDynamoDb.client(), table).build();
            int lost = 0;
            for (Map.Entry<String, Set<String>> entry : handedOut.entrySet()) {
                Optional<IdempotencyRecord> record = direct.read(PREFIX + "#" + entry.getKey());
                boolean kept = record.isPresent() && record.get().status() == RecordStatus.COMPLETED
                        && record.get().completion().kind() == Completion.Kind.RESULT
                        && entry.getValue().equals(Set.of(new String(record.get().completion().result(),
                                StandardCharsets.UTF_8)));
                lost += kept ? 0 : 1;
            }
            List<String> doubles = runs.entrySet().stream().filter(e -> e.getValue().get() > 1)
                    .map(Map.Entry::getKey).toList();
            System.out.printf("soak: doubleExecutions=%d lostResults=%d%n", doubles.size(), lost);

            assertEquals(List.of(), doubles, "operations that ran twice");
            assertEquals(0, lost, "results handed out but not the one stored");
            assertEquals(0, foreign.get(), "callers handed another key's result");
            assertEquals(List.of(), untyped, "failures that are not IdempotencyExceptions");
            // a claim, then a run and its completion or a wait and its last poll: two store calls and the wait
            assertTrue(slowestMillis.get() <= WAIT_TIMEOUT.plus(STORE_DEADLINE.multipliedBy(2)).toMillis() + 2_000,
                    "slowest call " + slowestMillis.get() + " ms");
            assertTrue(faults.cutAfterWrite() > 0 && faults.throttled() > 0, "faults were injected: " + faults);
        } finally {
            callers.shutdownNow();
            proxy.stop();
        }
    }

    private void callOnce(IdempotentExecutor<String> executor, String token) {
        calls.increment();
        long started = System.nanoTime();
        try {
            String result = executor.execute(token, Fingerprint.sha256(token), () -> {
                runs.computeIfAbsent(token, t -> new AtomicInteger()).incrementAndGet();
                Thread.sleep(ThreadLocalRandom.current().nextInt(20));
                return token + "|" + UUID.randomUUID();
            });
            if (!result.startsWith(token + "|")) {
                foreign.incrementAndGet();
            }
            handedOut.computeIfAbsent(token, t -> ConcurrentHashMap.newKeySet()).add(result);
        } catch (IdempotencyException e) {
            typedErrors.computeIfAbsent(e.getClass().getSimpleName(), t -> new LongAdder()).increment();
        } catch (Throwable e) {
            synchronized (untyped) {
                untyped.add(e);
            }
        } finally {
            slowestMillis.accumulateAndGet(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), Math::max);
        }
    }
}
