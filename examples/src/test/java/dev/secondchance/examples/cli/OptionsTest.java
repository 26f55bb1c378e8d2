package dev.secondchance.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsTest {

    private static final List<Option> OPTIONS = List.of(
            Option.value("out", "DIR", "target/x", "where to write"),
            Option.value("trials", "COUNT", "50", "how many"),
            Option.flag("quick", "be quick"));

    @Test
    void parse_whenNothingGiven_returnsTheDefaults() {
        Options options = Options.parse("cmd", "about", OPTIONS);

        assertEquals("target/x", options.string("out"));
        assertEquals(50, options.integer("trials", 1));
        assertFalse(options.flag("quick"));
        assertFalse(options.helpRequested());
    }

    @Test
    void parse_whenValuesGivenBothWays_readsThem() {
        Options options = Options.parse("cmd", "about", OPTIONS, "--out", "a", "--trials=7", "--quick");

        assertEquals("a", options.string("out"));
        assertEquals(7, options.integer("trials", 1));
        assertTrue(options.flag("quick"));
    }

    @Test
    void parse_whenHelp_setsHelpRequestedAndTheHelpListsEveryOption() {
        Options options = Options.parse("cmd", "about", OPTIONS, "--help");

        assertTrue(options.helpRequested());
        assertTrue(options.help().contains("--out DIR"));
        assertTrue(options.help().contains("(default: 50)"));
        assertTrue(options.help().contains("--quick"));
    }

    @Test
    void parse_whenUnknownOptionOrMissingValue_throwsUsageException() {
        assertThrows(UsageException.class, () -> Options.parse("cmd", "about", OPTIONS, "--nope"));
        assertThrows(UsageException.class, () -> Options.parse("cmd", "about", OPTIONS, "--out"));
        assertThrows(UsageException.class, () -> Options.parse("cmd", "about", OPTIONS, "stray"));
    }

    @Test
    void integer_whenBelowMinimum_throwsUsageException() {
        Options options = Options.parse("cmd", "about", OPTIONS, "--trials", "0");

        assertThrows(UsageException.class, () -> options.integer("trials", 1));
    }
}
