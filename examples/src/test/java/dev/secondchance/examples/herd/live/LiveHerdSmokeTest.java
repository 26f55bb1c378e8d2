package dev.secondchance.examples.herd.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondchance.examples.cli.Options;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live herd scaled down: 50 clients, 100 requests/s, down for 300 ms, shared and with hints, the library's
 * rows beside three peers. The full run is the demo's.
 */
class LiveHerdSmokeTest {

    @TempDir
    Path out;

    @Test
    void run_whenSmall_everyClientSucceedsAndTheFilesAreWritten() throws IOException, InterruptedException {
        LiveSettings settings = LiveHerd.settings(Options.parse("test", "", LiveHerd.options(),
                "--out", out.toString(), "--clients", "50", "--capacity", "100", "--outage-ms", "300",
                "--time-limit-s", "15", "--strategies", "no-backoff,library-default,sdk-standard-2026,resilience4j",
                "--modes", "shared,hint"));
        ByteArrayOutputStream console = new ByteArrayOutputStream();

        LiveRun run = LiveHerd.run(settings, new PrintStream(console, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        assertEquals(7, run.results().size(), "no-backoff runs shared only; the others in both modes");
        for (LiveResult result : run.results()) {
            assertTrue(result.totalRequests() > 50, "every first try hits the outage: " + result.totalRequests());
            assertEquals(result.totalRequests() - (50 - result.gaveUp()), result.rejected(), "one success per client");
            if (result.role() != LiveStrategy.Role.PEER_DEFAULT) {
                assertEquals(0, result.gaveUp(), result.strategy() + " " + result.mode());
            }
        }
        LiveResult hinted = run.results().stream()
                .filter(r -> r.mode() == LiveMode.HINT && r.strategy().equals(LiveStrategies.LIBRARY_DEFAULT))
                .findFirst().orElseThrow();
        assertEquals(0, hinted.earlySends(), "the library never sends before a hint has passed");
        for (LiveResult library : run.results().stream().filter(r -> r.role().library()).toList()) {
            RegistryCounts meters = library.meters().orElseThrow();
            assertEquals(library.totalRequests(), meters.attempts(),
                    "the registry counts every attempt the server received: " + library.strategy());
            assertEquals(library.totalRequests() - 50, meters.retriesByCause().values().stream()
                    .mapToLong(Long::longValue).sum(), "one retry per attempt after each client's first");
            assertEquals(Map.of(HerdCounts.SUCCESS, 50), library.endReasons(), "read from secondchance.calls");
            assertTrue(library.samples().orElseThrow().size() >= 3, "sampled every 100 ms while the row ran");
        }
        assertTrue(hinted.meters().orElseThrow().retriesByCause().get("hint") > 0, "the 503s' Retry-After set waits");
        assertTrue(run.results().stream().filter(r -> !r.role().library()).allMatch(r -> r.meters().isEmpty()),
                "the peers have no binding");
        List<String> csv = Files.readAllLines(out.resolve("live.csv"));
        assertEquals(LiveCsv.HEADER, csv.get(0));
        assertEquals(8, csv.size());
        assertTrue(csv.get(1).startsWith("shared,no-backoff,"));
        assertTrue(Files.size(out.resolve("live.png")) > 0);
        assertTrue(Files.size(out.resolve("live-hint.png")) > 0);
        assertTrue(Files.size(out.resolve("meters-hint-library-default.png")) > 0);
        assertTrue(console.toString(StandardCharsets.UTF_8).contains("LIVE HERD"));
    }
}
