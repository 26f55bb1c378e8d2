package dev.secondchance.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Runs on JDK 21+ only: the surefire execution {@code virtual-threads-on-jdk25} runs it on the Temurin 25
 * beside the default JDK 17. The source is Java 17, so virtual threads are reached by reflection.
 */
class VirtualThreadsTest {

    private static final int CALLS = 10_000;

    @Test
    void call_when10000VirtualThreadsRetryAtOnce_allWaitTogetherAndSucceed() throws Exception {
        assertTrue(Runtime.version().feature() >= 21,
                "run on JDK 21+: mvn verify runs this class on ${jdk25.home}, got " + Runtime.version());
        CountDownLatch allWaiting = new CountDownLatch(CALLS);
        Sleeper gate = delay -> {
            allWaiting.countDown();
            if (!allWaiting.await(60, TimeUnit.SECONDS)) {
                throw new AssertionError("only " + (CALLS - allWaiting.getCount()) + " calls waited at once");
            }
        };
        ConcurrentHashMap<Thread, Boolean> waitedOnce = new ConcurrentHashMap<>();
        Sleeper firstAtTheGateThenForReal = delay -> {
            if (waitedOnce.putIfAbsent(Thread.currentThread(), Boolean.TRUE) == null) {
                gate.sleep(delay);
            } else {
                Sleeper.system().sleep(delay);
            }
        };
        RetryPolicy policy = RetryPolicy.builder()
                .maxAttempts(3)
                .backoff(Backoff.fixed(Duration.ofMillis(1)))
                .budget(RetryBudget.unlimited())
                .recordMetrics()
                .sleeper(firstAtTheGateThenForReal)
                .build();

        List<Future<String>> results = new ArrayList<>();
        ExecutorService executor = newVirtualThreadPerTaskExecutor();
        try {
            for (int i = 0; i < CALLS; i++) {
                AtomicInteger attempts = new AtomicInteger();
                results.add(executor.submit(() -> policy.call(() -> {
                    if (attempts.incrementAndGet() < 3) {
                        throw new ConnectException("refused");
                    }
                    return "ok";
                })));
            }
            for (Future<String> result : results) {
                assertEquals("ok", result.get(2, TimeUnit.MINUTES));
            }
        } finally {
            executor.shutdownNow();
        }

        assertEquals(CALLS * 3L, policy.metrics().attempts());
        assertEquals(CALLS, policy.metrics().ended(EndReason.SUCCESS));
    }

    private static ExecutorService newVirtualThreadPerTaskExecutor() throws ReflectiveOperationException {
        return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
    }
}
