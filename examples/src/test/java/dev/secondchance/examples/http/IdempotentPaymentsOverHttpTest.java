package dev.secondchance.examples.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondchance.examples.report.Check;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdempotentPaymentsOverHttpTest {

    @Test
    void run_inMemory_everyCheckHoldsAndEachAttemptIsPrinted() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        List<Check> checks = IdempotentPaymentsOverHttp.run(false, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(6, checks.size());
        assertTrue(checks.stream().allMatch(Check::holds), out);
        assertTrue(out.contains("network: the reply is lost"), out);
        assertTrue(out.contains("client: attempt 1 failed (IOException"), out);
        assertTrue(out.contains("(Idempotent-Replayed: true)"), out);
        assertTrue(out.contains("-> 422"), out);
        assertTrue(out.contains("-> 400"), out);
    }
}
