package dev.secondchance.examples.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondchance.examples.cli.Options;
import dev.secondchance.testing.dynamodb.Dynalite;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole example: in memory by default; over HTTP to dynalite on loopback (given with --endpoint), in real time. */
class IdempotentPaymentsTest {

    @TempDir
    Path out;

    @Test
    void run_whenAnEndpointIsGiven_everyScenarioHoldsOnARealShortLease() throws Exception {
        try (Dynalite server = Dynalite.start()) {
            PaymentsSettings settings = IdempotentPayments.settings(Options.parse("test", "",
                    IdempotentPayments.options(), "--out", out.toString(), "--endpoint", server.endpoint().toString(),
                    "--lease-ms", "300"));
            ByteArrayOutputStream console = new ByteArrayOutputStream();

            PaymentsRun run = IdempotentPayments.run(settings, new PrintStream(console, true, StandardCharsets.UTF_8),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

            String printed = console.toString(StandardCharsets.UTF_8);
            assertTrue(run.report().allHold(), printed);
            assertEquals(List.of(1, 1, 0, 1), run.results().stream().map(ScenarioResult::charges).toList());
            assertTrue(run.results().get(3).elapsed().compareTo(Duration.ofMillis(300)) >= 0);
            assertTrue(printed.contains("DynamoDB at " + server.endpoint() + ", table second-chance-payments"), printed);
            assertTrue(printed.contains("IDEMPOTENT PAYMENTS"), printed);
            List<String> csv = Files.readAllLines(run.csv());
            assertEquals(PaymentsCsv.HEADER, csv.get(0));
            assertEquals(5, csv.size());
        }
    }

    @Test
    void run_whenNoEndpointIsGiven_keepsTheRecordsInMemory() throws Exception {
        PaymentsSettings settings = IdempotentPayments.settings(Options.parse("test", "",
                IdempotentPayments.options(), "--out", out.toString(), "--simulated-time"));
        ByteArrayOutputStream console = new ByteArrayOutputStream();

        PaymentsRun run = IdempotentPayments.run(settings, new PrintStream(console, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        String printed = console.toString(StandardCharsets.UTF_8);
        assertTrue(settings.inMemory());
        assertTrue(run.report().allHold(), printed);
        assertEquals(List.of(1, 1, 0, 1), run.results().stream().map(ScenarioResult::charges).toList());
        assertTrue(printed.contains("records in memory, in this JVM"), printed);
    }
}
