package dev.secondchance.examples.herd.simulated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.secondchance.examples.cli.UsageException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientCountsTest {

    @Test
    void parse_whenRangeWithStep_listsEveryStep() {
        assertEquals(List.of(10, 20, 30), ClientCounts.parse("10..30:10"));
    }

    @Test
    void parse_whenList_keepsTheOrder() {
        assertEquals(List.of(50, 10), ClientCounts.parse("50, 10"));
    }

    @Test
    void parse_whenMalformed_throwsUsageException() {
        assertThrows(UsageException.class, () -> ClientCounts.parse("ten"));
        assertThrows(UsageException.class, () -> ClientCounts.parse("30..10"));
        assertThrows(UsageException.class, () -> ClientCounts.parse("0"));
    }
}
