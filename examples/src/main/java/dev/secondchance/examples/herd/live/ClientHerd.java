package dev.secondchance.examples.herd.live;

import dev.secondchance.examples.report.Progress;
import dev.secondchance.retry.EndReason;
import dev.secondchance.retry.Outcome;
import dev.secondchance.retry.RandomSource;
import dev.secondchance.retry.RetryListener;
import dev.secondchance.retry.RetryPolicy;
import dev.secondchance.retry.http.RetryingHttpClient;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Runs one strategy against a fresh {@link CapacityServer}: all clients wait at a start line, the server
 * opens (its outage begins) and every client sends one logical request through one shared
 * {@link RetryingHttpClient}, whose policy retries until success or the time bound. Every attempt is counted
 * per 100 ms when it is sent (see {@link SendCountingHttpClient}). Bounded: each attempt
 * has a timeout, each call the time bound as its deadline, and the run is cut off a few seconds after
 * that in any case.
 */
public final class ClientHerd {

    private static final Duration GRACE = Duration.ofSeconds(5);

    private ClientHerd() {}

    /**
     * Runs the strategy.
     *
     * @param strategy the strategy
     * @param settings the herd's settings
     * @param threads the client threads
     * @param progress where to report progress
     * @return what happened
     * @throws IOException if the server cannot start
     * @throws InterruptedException if interrupted
     */
    public static LiveResult run(LiveStrategy strategy, LiveSettings settings, ClientThreads threads,
            Progress progress) throws IOException, InterruptedException {
        int clients = settings.clients();
        Duration horizon = settings.timeLimit().plus(settings.attemptTimeout()).plus(GRACE);
        Map<EndReason, LongAdder> endReasons = new ConcurrentHashMap<>();
        try (CapacityServer server = CapacityServer.start(settings.capacityPerSecond(), settings.outage(), horizon,
                clients + 64)) {
            RetryPolicy policy = policy(strategy, settings, endReasons);
            RequestTimeline sends = new RequestTimeline(CapacityServer.SLOT, horizon);
            HttpClient plain = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(settings.attemptTimeout())
                    .build();
            RetryingHttpClient http = RetryingHttpClient.of(
                    new SendCountingHttpClient(plain, sends, server::elapsedNanos), policy);
            HttpRequest request = HttpRequest.newBuilder(server.uri()).timeout(settings.attemptTimeout()).GET().build();

            AtomicLongArray succeededAt = new AtomicLongArray(clients);
            AtomicInteger succeeded = new AtomicInteger();
            AtomicInteger ended = new AtomicInteger();
            AtomicLong lastEnd = new AtomicLong();
            CountDownLatch ready = new CountDownLatch(clients);
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService executor = threads.newExecutor(clients);
            try {
                for (int i = 0; i < clients; i++) {
                    int client = i;
                    executor.execute(() -> {
                        ready.countDown();
                        try {
                            go.await();
                            HttpResponse<Void> response = http.send(request, BodyHandlers.discarding());
                            if (response.statusCode() == 200) {
                                succeededAt.set(client, server.elapsedNanos());
                                succeeded.incrementAndGet();
                            }
                        } catch (IOException e) {
                            // gave up on an I/O failure: counted below as not succeeded
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        } finally {
                            lastEnd.accumulateAndGet(server.elapsedNanos(), Math::max);
                            ended.incrementAndGet();
                        }
                    });
                }
                if (!ready.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the client threads did not start within 30 s");
                }
                server.open();
                go.countDown();
                watch(strategy, server, clients, succeeded, ended, horizon, progress);
            } finally {
                executor.shutdownNow();
                if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                    progress.note("some client threads did not stop within 10 s", true);
                }
                // JDK 21+: close the real client's connections. RetryingHttpClient reaches shutdownNow() of the
                // client it wraps; the counting decorator in between does not, so wrap the real one for this.
                RetryingHttpClient.of(plain, policy).shutdownNow();
            }
            return result(strategy, server, sends, clients, succeededAt, succeeded.get(), lastEnd.get(), endReasons);
        }
    }

    /**
     * The strategy's policy, shared by all clients: attempts unlimited, the time bound as deadline, seeded
     * jitter, and a listener that counts how calls end.
     */
    private static RetryPolicy policy(LiveStrategy strategy, LiveSettings settings,
            Map<EndReason, LongAdder> endReasons) {
        return strategy.configure().apply(RetryPolicy.builder()
                        .name(strategy.name())
                        .maxAttempts(Integer.MAX_VALUE)
                        .deadline(settings.timeLimit())
                        .random(RandomSource.seeded(settings.seed())))
                .listener(new RetryListener() {
                    @Override
                    public void onEnd(Outcome<?> outcome) {
                        endReasons.computeIfAbsent(outcome.endReason(), reason -> new LongAdder()).increment();
                    }
                })
                .build();
    }

    private static void watch(LiveStrategy strategy, CapacityServer server, int clients, AtomicInteger succeeded,
            AtomicInteger ended, Duration horizon, Progress progress) throws InterruptedException {
        long lastRequests = 0;
        long lastReport = 0;
        while (ended.get() < clients && server.elapsedNanos() < horizon.toNanos()) {
            Thread.sleep(50);
            long elapsed = server.elapsedNanos();
            if (elapsed - lastReport >= 1_000_000_000L) {
                long requests = server.totalRequests();
                progress.note(String.format(Locale.ROOT, "%-22s t = %4.1f s: %4d of %d clients done, %,9d requests "
                        + "(%,7d in the last second)", strategy.name(), elapsed / 1e9, succeeded.get(), clients,
                        requests, requests - lastRequests), true);
                lastRequests = requests;
                lastReport = elapsed;
            }
        }
    }

    private static LiveResult result(LiveStrategy strategy, CapacityServer server, RequestTimeline sends, int clients,
            AtomicLongArray succeededAt, int succeeded, long lastEndNanos, Map<EndReason, LongAdder> endReasons) {
        int[] sent = sends.counts();
        int firstAfterOutage = sends.slotOf(server.outage().toNanos());
        int peak = 0;
        for (int slot = firstAfterOutage; slot < sent.length; slot++) {
            peak = Math.max(peak, sent[slot]);
        }
        OptionalLong allDone = OptionalLong.empty();
        if (succeeded == clients) {
            long last = 0;
            for (int client = 0; client < succeededAt.length(); client++) {
                last = Math.max(last, succeededAt.get(client));
            }
            allDone = OptionalLong.of(TimeUnit.NANOSECONDS.toMillis(last));
        }
        Map<EndReason, Integer> reasons = new EnumMap<>(EndReason.class);
        endReasons.forEach((reason, count) -> reasons.put(reason, count.intValue()));
        return new LiveResult(strategy.name(), clients, server.totalRequests(), server.rejectedRequests(), peak,
                allDone, TimeUnit.NANOSECONDS.toMillis(lastEndNanos), clients - succeeded, reasons, sent,
                server.timeline().counts(), sends.slot(), server.outage());
    }
}
