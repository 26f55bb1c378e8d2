package dev.secondchance.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ExampleMainTest {

    private static final List<Option> OPTIONS = List.of(Option.value("out", "DIR", "x", "where"));

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void run_whenUsageError_returnsTwoAndSaysWhy() {
        int code = ExampleMain.run("cmd", "about", OPTIONS, new String[] {"--nope"}, options -> { }, stream(out),
                stream(err));

        assertEquals(2, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown option --nope"));
    }

    @Test
    void run_whenBodyFails_returnsOne() {
        int code = ExampleMain.run("cmd", "about", OPTIONS, new String[0], options -> {
            throw new IllegalStateException("boom");
        }, stream(out), stream(err));

        assertEquals(1, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("boom"));
    }

    @Test
    void run_whenHelp_returnsZeroWithoutRunningTheBody() {
        AtomicBoolean ran = new AtomicBoolean();

        int code = ExampleMain.run("cmd", "about", OPTIONS, new String[] {"--help"}, options -> ran.set(true),
                stream(out), stream(err));

        assertEquals(0, code);
        assertEquals(false, ran.get());
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("Usage: cmd"));
    }

    private static PrintStream stream(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
