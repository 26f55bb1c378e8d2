package dev.secondchance.examples.herd.simulated;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondchance.examples.cli.Options;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatedHerdTest {

    @TempDir
    Path out;

    @Test
    void run_whenTiny_writesTheCsvWithTheExactHeaderAndThePng() throws IOException, InterruptedException {
        SimulationSettings settings = SimulatedHerd.settings(Options.parse("test", "", SimulatedHerd.options(),
                "--out", out.toString(), "--clients", "10,20", "--trials", "3", "--reference-clients", "20"));
        ByteArrayOutputStream console = new ByteArrayOutputStream();

        SimulationRun run = SimulatedHerd.run(settings, new PrintStream(console, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        List<String> lines = Files.readAllLines(out.resolve("simulation.csv"));
        assertEquals("strategy,clients,calls,completion_ms", lines.get(0));
        assertEquals(1 + Schedules.standard().size() * 2, lines.size());
        assertTrue(lines.get(1).matches("no-backoff,10,[0-9.]+,[0-9.]+"), lines.get(1));
        byte[] png = Files.readAllBytes(out.resolve("simulation.png"));
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));
        String text = console.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("SIMULATED HERD, N = 20"), text);
        assertFalse(run.summary().isEmpty());
    }

    @Test
    void settings_whenDefaults_sweepsTenToTwoHundredByTenWithAtLeastFiftyTrials() {
        SimulationSettings settings = SimulatedHerd.settings(Options.parse("test", "", SimulatedHerd.options()));

        assertEquals(20, settings.clientCounts().size());
        assertEquals(10, settings.clientCounts().get(0));
        assertEquals(200, settings.clientCounts().get(19));
        assertTrue(settings.trials() >= 50);
        assertEquals(100, settings.referenceClients());
        assertEquals(Path.of("examples", "target", "herd"), settings.out());
    }
}
