package dev.secondchance.examples.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondchance.examples.cli.Options;
import dev.secondchance.examples.cli.UsageException;
import dev.secondchance.retry.EndReason;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;

/** The SDK example's scenarios, with 1 ms throttling waits so that the run takes a few seconds. */
class SdkWrappingTest {

    @TempDir
    Path out;

    @Test
    void run_whenThrottled_bothStylesMakeTheSameAttemptsAndTheServerSeesEachOne() throws Exception {
        SdkSettings settings = new SdkSettings(out, null, Region.US_EAST_1, 7, 3, Duration.ofMillis(1));
        ByteArrayOutputStream console = new ByteArrayOutputStream();

        SdkRun run = SdkWrapping.run(settings, new PrintStream(console, true, StandardCharsets.UTF_8));

        assertEquals(6, run.results().size());
        for (CallResult result : run.results()) {
            SdkScenario.Expected expected = result.scenario().expected(3);
            String call = result.scenario() + "/" + result.style();
            assertEquals(expected.endReason(), result.endReason(), call);
            assertEquals(expected.attempts(), result.attempts(), call);
            assertEquals(result.attempts(), result.requests(), call + ": one request per attempt");
            assertEquals(result.attempts() - (result.endReason() == EndReason.SUCCESS ? 1 : 0),
                    result.verdicts().size(), call);
        }
        assertEquals(List.of(3, 3, 3, 3, 1, 1), run.results().stream().map(CallResult::attempts).toList());
        assertTrue(run.report().allHold(), () -> console.toString(StandardCharsets.UTF_8));
        assertEquals(SdkCsv.HEADER, Files.readAllLines(run.csv()).get(0));
        assertEquals(7, Files.readAllLines(run.csv()).size());
        String printed = console.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("attempt 1: HTTP 400 ProvisionedThroughputExceededException"), printed);
        assertTrue(printed.contains("SDK WRAPPING"), printed);
    }

    @Test
    void settings_whenEndpointIsNotLoopback_refusesIt() {
        UsageException refused = assertThrows(UsageException.class, () -> SdkWrapping.settings(Options.parse("test",
                "", SdkWrapping.options(), "--endpoint", "http://192.0.2.1:8000")));

        assertTrue(refused.getMessage().contains("loopback"), refused.getMessage());
    }

    @Test
    void settings_whenDefaults_startsDynaliteWithTheLibraryDefaults() {
        SdkSettings settings = SdkWrapping.settings(Options.parse("test", "", SdkWrapping.options()));

        assertNull(settings.endpoint());
        assertEquals(3, settings.maxAttempts());
        assertEquals(Duration.ofMillis(250), settings.throttlingBase());
    }
}
