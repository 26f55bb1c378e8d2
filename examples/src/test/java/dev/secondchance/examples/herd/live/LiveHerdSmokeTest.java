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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live herd scaled down: 50 clients, 100 requests/s, down for 300 ms. The full run is the demo's. */
class LiveHerdSmokeTest {

    @TempDir
    Path out;

    @Test
    void run_whenSmall_everyClientSucceedsAndTheFilesAreWritten() throws IOException, InterruptedException {
        LiveSettings settings = LiveHerd.settings(Options.parse("test", "", LiveHerd.options(),
                "--out", out.toString(), "--clients", "50", "--capacity", "100", "--outage-ms", "300",
                "--time-limit-s", "15", "--strategies", "no-backoff,default-backoff"));
        ByteArrayOutputStream console = new ByteArrayOutputStream();

        LiveRun run = LiveHerd.run(settings, new PrintStream(console, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        assertEquals(2, run.results().size());
        for (LiveResult result : run.results()) {
            assertEquals(0, result.gaveUp(), result.strategy());
            assertTrue(result.totalRequests() > 50, "every first try hits the outage: " + result.totalRequests());
            assertEquals(result.totalRequests() - 50, result.rejected(), "one success per client");
            assertTrue(result.allDoneMs().isPresent() && result.allDoneMs().getAsLong() >= 300);
        }
        List<String> csv = Files.readAllLines(out.resolve("live.csv"));
        assertEquals("strategy,total_requests,rejected,peak_per_100ms_after_recovery,all_done_ms,gave_up", csv.get(0));
        assertEquals(3, csv.size());
        assertTrue(csv.get(1).startsWith("no-backoff,"));
        assertTrue(Files.size(out.resolve("live.png")) > 0);
        assertTrue(console.toString(StandardCharsets.UTF_8).contains("LIVE HERD"));
    }
}
