package dev.secondchance.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondchance.retry.RandomSource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdempotencyTokensTest {

    private static final UUID NAMESPACE_DNS = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

    @Test
    void random_whenCalledTwice_givesDistinctVersion4Uuids() {
        String a = IdempotencyTokens.random();
        String b = IdempotencyTokens.random();

        assertNotEquals(a, b);
        assertEquals(4, UUID.fromString(a).version());
        assertSame(a, IdempotencyTokens.validate(a));
    }

    @Test
    void timeOrdered_whenClockGiven_putsTheMillisecondsFirstAndSetsVersion7() {
        Clock clock = Clock.fixed(Instant.ofEpochMilli(0x0190_1234_5678L), ZoneOffset.UTC);

        UUID uuid = UUID.fromString(IdempotencyTokens.timeOrdered(clock, RandomSource.seeded(1)));

        assertEquals(7, uuid.version());
        assertEquals(2, uuid.variant());
        assertEquals(0x0190_1234_5678L, uuid.getMostSignificantBits() >>> 16);
    }

    @Test
    void timeOrdered_whenTheRandomSourceIsKnown_fillsTheRandomBitsFromItExactly() {
        Clock clock = Clock.fixed(Instant.ofEpochMilli(0x0190_1234_5678L), ZoneOffset.UTC);
        double[] draws = {0x1234_5678 / 0x1p32, 0x9ABC_DEF1L / 0x1p32, 0x0FED_CBA9 / 0x1p32, 0x8765_4321L / 0x1p32};
        int[] next = {0};

        String token = IdempotencyTokens.timeOrdered(clock, () -> draws[next[0]++]);

        assertEquals("01901234-5678-7ef1-8fed-cba987654321", token, "48 bits of time, version 7, 12 + 62 random bits");
    }

    @Test
    void timeOrdered_whenTheClockIsAtEitherEndOfThe48BitRange_acceptsItAndRejectsBeyond() {
        long last = (1L << 48) - 1;

        assertEquals("00000000-0000-7", IdempotencyTokens.timeOrdered(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC),
                RandomSource.seeded(1)).substring(0, 15));
        assertEquals("ffffffff-ffff-7", IdempotencyTokens.timeOrdered(Clock.fixed(Instant.ofEpochMilli(last),
                ZoneOffset.UTC), RandomSource.seeded(1)).substring(0, 15));
        assertThrows(IllegalArgumentException.class, () -> IdempotencyTokens.timeOrdered(
                Clock.fixed(Instant.ofEpochMilli(last + 1), ZoneOffset.UTC), RandomSource.seeded(1)));
    }

    @Test
    void timeOrdered_whenLaterMillisecond_sortsAfter() {
        RandomSource random = RandomSource.seeded(2);
        String earlier = IdempotencyTokens.timeOrdered(Clock.fixed(Instant.ofEpochMilli(1_000), ZoneOffset.UTC), random);
        String later = IdempotencyTokens.timeOrdered(Clock.fixed(Instant.ofEpochMilli(1_001), ZoneOffset.UTC), random);

        assertTrue(earlier.compareTo(later) < 0);
        assertEquals(7, UUID.fromString(IdempotencyTokens.timeOrdered()).version());
    }

    @Test
    void timeOrdered_whenClockBefore1970_throwsNamingTheRange() {
        Clock clock = Clock.fixed(Instant.ofEpochMilli(-1), ZoneOffset.UTC);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IdempotencyTokens.timeOrdered(clock, RandomSource.seeded(1)));
        assertTrue(e.getMessage().contains("[0, 2^48)"), e.getMessage());
    }

    @Test
    void derived_whenRfcNamespaceAndName_matchesOtherImplementations() {
        assertEquals("886313e1-3b8a-5372-9b90-0c9aee199e5d", IdempotencyTokens.derived(NAMESPACE_DNS, "python.org"));
    }

    @Test
    void derived_whenSameOrDifferentKey_isStableAndDistinct() {
        UUID orders = UUID.randomUUID();

        assertEquals(IdempotencyTokens.derived(orders, "order-42"), IdempotencyTokens.derived(orders, "order-42"));
        assertNotEquals(IdempotencyTokens.derived(orders, "order-42"), IdempotencyTokens.derived(orders, "order-43"));
        assertNotEquals(IdempotencyTokens.derived(orders, "order-42"),
                IdempotencyTokens.derived(UUID.randomUUID(), "order-42"));
        assertThrows(IllegalArgumentException.class, () -> IdempotencyTokens.derived(orders, ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "550e8400-e29b-41d4-a716-446655440000", "order 42/retry#1", "~!@#$%^&*()"})
    void validate_whenPrintableAscii_returnsTheToken(String token) {
        assertSame(token, IdempotencyTokens.validate(token));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " leading", "trailing ", "new\nline", "t\tab", "caf\u00e9", "\u0000", "del\u007f"})
    void validate_whenEmptySpacedOrNotPrintableAscii_throwsTyped(String token) {
        assertThrows(InvalidIdempotencyTokenException.class, () -> IdempotencyTokens.validate(token));
    }

    @Test
    void validate_whenNull_throwsTypedSayingWhatToDo() {
        InvalidIdempotencyTokenException e = assertThrows(InvalidIdempotencyTokenException.class,
                () -> IdempotencyTokens.validate(null));
        assertTrue(e.getMessage().contains("IdempotencyTokens.random()"), e.getMessage());
    }

    @Test
    void validate_whenLongerThanTheLimit_throwsGivingBothLengths() {
        String token = "x".repeat(256);

        InvalidIdempotencyTokenException e = assertThrows(InvalidIdempotencyTokenException.class,
                () -> IdempotencyTokens.validate(token));
        assertTrue(e.getMessage().contains("256") && e.getMessage().contains("255"), e.getMessage());
        assertSame(token, IdempotencyTokens.validate(token, 256));
        assertThrows(InvalidIdempotencyTokenException.class, () -> IdempotencyTokens.validate("abc", 2));
    }

    @Test
    void validate_whenMaxLengthOutOfRange_throwsNamingTheRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IdempotencyTokens.validate("abc", 0));
        assertTrue(e.getMessage().contains("maxTokenLength must be in [1, 8192]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> IdempotencyTokens.validate("abc", 8193));
    }

    @Test
    void validate_whenMaxLengthIsAtEitherBound_acceptsIt() {
        assertSame("a", IdempotencyTokens.validate("a", 1));
        String longest = "x".repeat(IdempotencyTokens.MAX_LENGTH_LIMIT);
        assertSame(longest, IdempotencyTokens.validate(longest, IdempotencyTokens.MAX_LENGTH_LIMIT));
    }

    @Test
    void validate_whenALongTokenIsRejected_namesItCutTo64CharactersSoItFitsALogLine() {
        String fits = "x".repeat(63) + "\u00e9";
        String cut = "y".repeat(64) + "\u00e9";

        assertEquals(fits, assertThrows(InvalidIdempotencyTokenException.class,
                () -> IdempotencyTokens.validate(fits)).token());
        assertEquals("y".repeat(61) + "...", assertThrows(InvalidIdempotencyTokenException.class,
                () -> IdempotencyTokens.validate(cut)).token());
    }

    @Test
    void validatePrefix_whenAtTheEdgesOfTheAllowedSet_acceptsExactlyLettersDigitsAndDotUnderscoreDashColonSlash() {
        String allowed = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-:/";
        assertSame(allowed, IdempotencyTokens.validatePrefix(allowed));
        String longest = "p".repeat(256);
        assertSame(longest, IdempotencyTokens.validatePrefix(longest));

        for (char neighbour : "`{@[ #,;=\u00e9".toCharArray()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> IdempotencyTokens.validatePrefix("ab" + neighbour));
            assertTrue(e.getMessage().contains(String.format("U+%04X at index 2", (int) neighbour)), e.getMessage());
        }
    }
}
