package dev.secondchance.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** A resolver's three answers, as its author writes them and as they show in logs (never with the result). */
class ResolutionTest {

    @Test
    void factories_giveTheirKindAndOnlyAppliedCarriesAResult() {
        Resolution<String> applied = Resolution.applied("receipt 7");

        assertEquals(Resolution.Kind.APPLIED, applied.kind());
        assertEquals("receipt 7", applied.result());
        assertEquals(Resolution.Kind.NOT_APPLIED, Resolution.notApplied().kind());
        assertEquals(Resolution.Kind.UNKNOWN, Resolution.unknown().kind());
        assertNull(Resolution.unknown().result());
    }

    @Test
    void toString_namesTheKindWithoutTheResult() {
        assertEquals("Resolution.APPLIED", Resolution.applied("card 4242 charged").toString());
        assertEquals("Resolution.UNKNOWN", Resolution.unknown().toString());
    }
}
