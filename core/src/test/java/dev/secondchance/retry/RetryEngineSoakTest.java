package dev.secondchance.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Soak (issue 15, item 4), not part of {@code mvn verify}: 100,000 virtual threads retry against a flaky
 * loopback HTTP server (70 % 200 and 30 % 503 up to 2,000 requests a second, 429 above) for {@code sc.soak.minutes} minutes, on real time. Nine in
 * ten share one policy with a token bucket, the adaptive rate limiter and a listener; one in ten runs
 * asynchronous calls (another policy, on a timer of the test's) whose attempts fail, and cancels them while their
 * retry timer is pending. Every half minute it prints the heap after a GC, the platform threads and the timer
 * queue; at the end it asserts the heap did not grow after the first minute, no platform thread was left behind
 * and no timer is left once every call was cancelled. JDK 21+:
 * {@code mvn -B -pl core -am test -Dtest=RetryEngineSoakTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dsc.soak.minutes=5} (the JDK 25 execution runs it; the JDK 17 one skips it). See docs/quality.md.
 */
@EnabledIfSystemProperty(named = "sc.soak.minutes", matches = "\\d+")
class RetryEngineSoakTest {

    private static final int THREADS = Integer.getInteger("sc.soak.threads", 100_000);
    private static final int CONNECTIONS = 256;
    private static final int CAPACITY_PER_SECOND = 2_000;

    private final LongAdder calls = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final LongAdder cancelled = new LongAdder();
    private final LongAdder served = new LongAdder();

    @Test
    void retries_when100000VirtualThreadsRunForMinutes_heapThreadsAndTimersStayBounded() throws Exception {
        assumeTrue(Runtime.version().feature() >= 21, "virtual threads: the JDK 25 execution runs this");
        long minutes = Long.getLong("sc.soak.minutes");
        HttpServer server = flakyServer();
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);
        timer.setRemoveOnCancelPolicy(true);
        ExecutorService callers = newVirtualThreadPerTaskExecutor();
        ExecutorService httpThreads = Executors.newFixedThreadPool(8);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).executor(httpThreads).build();
        AdaptiveRateLimiter limiter = AdaptiveRateLimiter.cubic();
        RetryPolicy policy = RetryPolicy.builder()
                .maxAttempts(4)
                .backoff(Backoff.exponential(Duration.ofMillis(5), 2, Duration.ofMillis(500), Jitter.FULL))
                .deadline(Duration.ofSeconds(20))
                .classifiers(Classifiers.defaults())
                .rateLimiter(limiter)
                .listener(new RetryListener() {})
                .recordMetrics()
                .build();
        RetryPolicy asyncPolicy = RetryPolicy.builder()
                .maxAttempts(5)
                .backoff(Backoff.fixed(Duration.ofMillis(200)))
                .budget(RetryBudget.unlimited())
                .scheduler(Scheduler.of(timer, Runnable::run))
                .listener(new RetryListener() {})
                .recordMetrics()
                .build();
        try {
            URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
            Semaphore connections = new Semaphore(CONNECTIONS);
            AtomicBoolean stop = new AtomicBoolean();
            Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();
            for (int i = 0; i < THREADS; i++) {
                boolean async = i % 10 == 0;
                callers.execute(() -> {
                    while (!stop.get()) {
                        if (async) {
                            callAsyncAndCancel(asyncPolicy, pending);
                        } else {
                            callOverHttp(policy, http, uri, connections);
                        }
                    }
                });
            }
            List<Long> heapMb = new ArrayList<>();
            List<Integer> threads = new ArrayList<>();
            long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(minutes);
            while (System.nanoTime() < end) {
                Thread.sleep(30_000);
                System.gc();
                long used = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20;
                heapMb.add(used);
                threads.add(platformThreads());
                System.out.printf("soak t=%ds heap=%dMB platformThreads=%d timerQueue=%d calls=%d failures=%d "
                                + "cancelled=%d served=%d limiter=%s metrics=%s%n", heapMb.size() * 30, used,
                        threads.get(threads.size() - 1), timer.getQueue().size(), calls.sum(),
                        failures.sum(), cancelled.sum(), served.sum(), limiter, policy.metrics());
            }
            stop.set(true);
            callers.shutdown();
            assertTrue(callers.awaitTermination(2, TimeUnit.MINUTES), "every caller stopped");
            pending.forEach(call -> call.cancel(true));
            Thread.sleep(200); // a timer task that was firing at the cancellation finishes
            System.out.printf("soak end: timerQueue=%d platformThreads=%d (%s) %s calls=%d cancelled=%d%n",
                    timer.getQueue().size(), platformThreads(), threads, threadNames(),
                    calls.sum(), cancelled.sum());

            assertEquals(0, timer.getQueue().size(), "no retry timer left behind by a cancelled or ended call");
            int warmedUp = Math.max(threads.get(0), threads.get(Math.min(1, threads.size() - 1)));
            assertTrue(platformThreads() <= warmedUp + 4, "no platform thread left behind: " + threads + " "
                    + threadNames());
            assertTrue(calls.sum() > THREADS && cancelled.sum() > 0, "the soak ran: " + calls.sum() + " calls");
            if (heapMb.size() >= 4) {
                long afterWarmUp = heapMb.get(1);
                long last = heapMb.get(heapMb.size() - 1);
                assertTrue(last <= afterWarmUp * 1.25 + 32, "heap stable after the first minute: " + heapMb);
            }
        } finally {
            callers.shutdownNow();
            timer.shutdownNow();
            httpThreads.shutdownNow();
            server.stop(0);
        }
    }

    private void callOverHttp(RetryPolicy policy, HttpClient http, URI uri, Semaphore connections) {
        calls.increment();
        try {
            policy.call(() -> {
                connections.acquire();
                try {
                    return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                            HttpResponse.BodyHandlers.ofString());
                } finally {
                    connections.release();
                }
            });
        } catch (Exception e) {
            failures.increment();
        }
    }

    private void callAsyncAndCancel(RetryPolicy policy, Set<CompletableFuture<?>> pending) {
        calls.increment();
        CompletableFuture<String> call = policy.callAsync(
                () -> CompletableFuture.failedFuture(new ConnectException("refused")));
        pending.add(call);
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(1, 40));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } finally {
            if (call.cancel(true)) {
                cancelled.increment();
            }
            pending.remove(call);
        }
    }

    private HttpServer flakyServer() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        AtomicLong second = new AtomicLong();
        AtomicLong inSecond = new AtomicLong();
        server.createContext("/", exchange -> {
            served.increment();
            long now = System.nanoTime() / 1_000_000_000L;
            if (second.getAndSet(now) != now) {
                inSecond.set(0);
            }
            int roll = ThreadLocalRandom.current().nextInt(100);
            int status = inSecond.incrementAndGet() > CAPACITY_PER_SECOND ? 429 : roll < 70 ? 200 : 503;
            byte[] body = ("status " + status).getBytes();
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
        return server;
    }

    /** Live platform threads by name, digits dropped. */
    private static Map<String, Long> threadNames() {
        return Thread.getAllStackTraces().keySet().stream().collect(Collectors.groupingBy(
                thread -> thread.getName().replaceAll("[0-9]+", "#"), TreeMap::new, Collectors.counting()));
    }

    /** Live platform threads (virtual threads are not listed). */
    private static int platformThreads() {
        return Thread.getAllStackTraces().size();
    }

    private static ExecutorService newVirtualThreadPerTaskExecutor() throws ReflectiveOperationException {
        return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
    }
}
