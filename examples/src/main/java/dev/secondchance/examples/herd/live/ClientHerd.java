package dev.secondchance.examples.herd.live;

import dev.secondchance.examples.report.Progress;
import dev.secondchance.retry.RetryPolicy;
import dev.secondchance.retry.http.RetryingHttpClient;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs one row (a strategy in a mode) against a fresh {@link CapacityServer}: all clients wait at a start
 * line, the server opens (its outage begins) and every client sends one logical request through its
 * process's retrying client: one process for all clients in {@link LiveMode#SHARED}, one per 20 clients
 * otherwise. Every attempt is counted per 100 ms when it is sent (see {@link SendCountingHttpClient}).
 * The library's rows record through the Micrometer binding into one registry per row (tags {@code mode} and
 * {@code strategy}), sampled every 100 ms by a {@link MeterSampler}; their end reasons, attempts and retries
 * come from there. Bounded: each attempt has a timeout, each call the time bound, and the run is cut off a
 * few seconds after that in any case.
 */
public final class ClientHerd {

    private static final Duration GRACE = Duration.ofSeconds(3);

    private ClientHerd() {}

    /**
     * Runs the row.
     *
     * @param strategy the strategy
     * @param mode the mode
     * @param settings the herd's settings
     * @param threads the client threads
     * @param progress where to report progress
     * @return what happened
     * @throws IOException if the server cannot start
     * @throws InterruptedException if interrupted
     */
    public static LiveResult run(LiveStrategy strategy, LiveMode mode, LiveSettings settings, ClientThreads threads,
            Progress progress) throws IOException, InterruptedException {
        int clients = settings.clients();
        Duration horizon = settings.timeLimit().plus(settings.attemptTimeout()).plus(GRACE);
        HerdCounts counts = new HerdCounts();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Tags tags = Tags.of("mode", mode.label(), "strategy", strategy.name());
        try (CapacityServer server = CapacityServer.start(settings.capacityPerSecond(), settings.outage(), horizon,
                clients + 64, mode.retryAfter())) {
            RequestTimeline sends = new RequestTimeline(CapacityServer.SLOT, horizon);
            HttpClient plain = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(settings.attemptTimeout())
                    .build();
            SendCountingHttpClient counting = new SendCountingHttpClient(plain, sends, server::elapsedNanos);
            List<HerdClient> processes = new ArrayList<>();
            for (int p = 0; p < mode.processes(clients); p++) {
                processes.add(strategy.processes().create(new ProcessContext(counting, p, settings.seed() + p,
                        settings.timeLimit(), server::elapsedNanos, counts, meters, tags)));
            }
            HttpRequest request = HttpRequest.newBuilder(server.uri()).timeout(settings.attemptTimeout()).GET().build();
            CountDownLatch ready = new CountDownLatch(clients);
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService executor = threads.newExecutor(clients);
            MeterSampler sampler = new MeterSampler(meters, server::elapsedNanos);
            try {
                for (int i = 0; i < clients; i++) {
                    HerdClient client = processes.get(i * processes.size() / clients);
                    executor.execute(() -> {
                        ready.countDown();
                        try {
                            go.await();
                            HttpResponse<Void> response = client.send(request);
                            if (response.statusCode() == 200) {
                                counts.succeeded(server.elapsedNanos());
                            }
                        } catch (IOException e) {
                            // gave up on an I/O failure: counted as not succeeded
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        } finally {
                            counts.ended(server.elapsedNanos());
                        }
                    });
                }
                if (!ready.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the client threads did not start within 30 s");
                }
                server.open();
                if (strategy.role().library()) {
                    sampler.start();
                }
                go.countDown();
                watch(strategy.name() + " (" + mode.label() + ")", server, clients, counts, horizon, progress);
            } finally {
                sampler.close();
                executor.shutdownNow();
                if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                    progress.note("some client threads did not stop within 10 s", true);
                }
                // JDK 21+: close the real client's connections, through the decorator that reaches shutdownNow().
                RetryingHttpClient.of(plain, RetryPolicy.builder().build()).shutdownNow();
            }
            Optional<RegistryCounts> recorded = strategy.role().library()
                    ? Optional.of(RegistryCounts.read(meters)) : Optional.empty();
            Optional<MeterSamples> samples = strategy.role().library()
                    ? Optional.of(sampler.samples()) : Optional.empty();
            return result(strategy, mode, server, sends, clients, counts, counting.earlySends(), recorded, samples);
        }
    }

    private static void watch(String row, CapacityServer server, int clients, HerdCounts counts, Duration horizon,
            Progress progress) throws InterruptedException {
        long lastRequests = 0;
        long lastReport = 0;
        while (counts.ended() < clients && server.elapsedNanos() < horizon.toNanos()) {
            Thread.sleep(50);
            long elapsed = server.elapsedNanos();
            if (elapsed - lastReport >= 2_000_000_000L) {
                long requests = server.totalRequests();
                progress.note(String.format(Locale.ROOT, "%-32s t = %4.1f s: %4d of %d clients done, %,9d requests "
                        + "(%,7d since the last line)", row, elapsed / 1e9, counts.succeeded(), clients,
                        requests, requests - lastRequests), true);
                lastRequests = requests;
                lastReport = elapsed;
            }
        }
    }

    private static LiveResult result(LiveStrategy strategy, LiveMode mode, CapacityServer server,
            RequestTimeline sends, int clients, HerdCounts counts, long earlySends, Optional<RegistryCounts> recorded,
            Optional<MeterSamples> samples) {
        int[] sent = sends.counts();
        int firstAfterOutage = sends.slotOf(server.outage().toNanos());
        int peak = 0;
        for (int slot = firstAfterOutage; slot < sent.length; slot++) {
            peak = Math.max(peak, sent[slot]);
        }
        int succeeded = counts.succeeded();
        OptionalLong allDone = succeeded == clients
                ? OptionalLong.of(TimeUnit.NANOSECONDS.toMillis(counts.lastSuccessNanos())) : OptionalLong.empty();
        return new LiveResult(strategy.name(), mode, strategy.role(), clients, server.totalRequests(),
                server.rejectedRequests(), peak, allDone, TimeUnit.NANOSECONDS.toMillis(counts.lastEndNanos()),
                clients - succeeded, earlySends, recorded.map(RegistryCounts::endReasons).orElse(counts.endReasons()),
                sent, server.timeline().counts(), sends.slot(), server.outage(), recorded, samples);
    }
}
