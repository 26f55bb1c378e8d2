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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class IdempotencyKeysTest {

    private static final UUID NAMESPACE_DNS = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

    @Test
    void random_whenCalledTwice_givesDistinctVersion4Uuids() {
        String a = IdempotencyKeys.random();
        String b = IdempotencyKeys.random();

        assertNotEquals(a, b);
        assertEquals(4, UUID.fromString(a).version());
        assertSame(a, IdempotencyKeys.validate(a));
    }

    @Test
    void timeOrdered_whenClockGiven_putsTheMillisecondsFirstAndSetsVersion7() {
        Clock clock = Clock.fixed(Instant.ofEpochMilli(0x0190_1234_5678L), ZoneOffset.UTC);

        UUID uuid = UUID.fromString(IdempotencyKeys.timeOrdered(clock, RandomSource.seeded(1)));

        assertEquals(7, uuid.version());
        assertEquals(2, uuid.variant());
        assertEquals(0x0190_1234_5678L, uuid.getMostSignificantBits() >>> 16);
    }

    @Test
    void timeOrdered_whenLaterMillisecond_sortsAfter() {
        RandomSource random = RandomSource.seeded(2);
        String earlier = IdempotencyKeys.timeOrdered(Clock.fixed(Instant.ofEpochMilli(1_000), ZoneOffset.UTC), random);
        String later = IdempotencyKeys.timeOrdered(Clock.fixed(Instant.ofEpochMilli(1_001), ZoneOffset.UTC), random);

        assertTrue(earlier.compareTo(later) < 0);
        assertEquals(7, UUID.fromString(IdempotencyKeys.timeOrdered()).version());
    }

    @Test
    void timeOrdered_whenClockBefore1970_throwsNamingTheRange() {
        Clock clock = Clock.fixed(Instant.ofEpochMilli(-1), ZoneOffset.UTC);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IdempotencyKeys.timeOrdered(clock, RandomSource.seeded(1)));
        assertTrue(e.getMessage().contains("[0, 2^48)"), e.getMessage());
    }

    @Test
    void derived_whenRfcNamespaceAndName_matchesOtherImplementations() {
        assertEquals("886313e1-3b8a-5372-9b90-0c9aee199e5d", IdempotencyKeys.derived(NAMESPACE_DNS, "python.org"));
    }

    @Test
    void derived_whenSameOrDifferentKey_isStableAndDistinct() {
        UUID orders = UUID.randomUUID();

        assertEquals(IdempotencyKeys.derived(orders, "order-42"), IdempotencyKeys.derived(orders, "order-42"));
        assertNotEquals(IdempotencyKeys.derived(orders, "order-42"), IdempotencyKeys.derived(orders, "order-43"));
        assertNotEquals(IdempotencyKeys.derived(orders, "order-42"),
                IdempotencyKeys.derived(UUID.randomUUID(), "order-42"));
        assertThrows(IllegalArgumentException.class, () -> IdempotencyKeys.derived(orders, ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "550e8400-e29b-41d4-a716-446655440000", "order 42/retry#1", "~!@#$%^&*()"})
    void validate_whenPrintableAscii_returnsTheToken(String token) {
        assertSame(token, IdempotencyKeys.validate(token));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " leading", "trailing ", "new\nline", "t\tab", "caf\u00e9", "\u0000", "del\u007f"})
    void validate_whenEmptySpacedOrNotPrintableAscii_throwsTyped(String token) {
        assertThrows(InvalidIdempotencyKeyException.class, () -> IdempotencyKeys.validate(token));
    }

    @Test
    void validate_whenNull_throwsTypedSayingWhatToDo() {
        InvalidIdempotencyKeyException e = assertThrows(InvalidIdempotencyKeyException.class,
                () -> IdempotencyKeys.validate(null));
        assertTrue(e.getMessage().contains("IdempotencyKeys.random()"), e.getMessage());
    }

    @Test
    void validate_whenLongerThanTheLimit_throwsGivingBothLengths() {
        String token = "x".repeat(256);

        InvalidIdempotencyKeyException e = assertThrows(InvalidIdempotencyKeyException.class,
                () -> IdempotencyKeys.validate(token));
        assertTrue(e.getMessage().contains("256") && e.getMessage().contains("255"), e.getMessage());
        assertSame(token, IdempotencyKeys.validate(token, 256));
        assertThrows(InvalidIdempotencyKeyException.class, () -> IdempotencyKeys.validate("abc", 2));
    }

    @Test
    void validate_whenMaxLengthOutOfRange_throwsNamingTheRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IdempotencyKeys.validate("abc", 0));
        assertTrue(e.getMessage().contains("maxTokenLength must be in [1, 8192]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> IdempotencyKeys.validate("abc", 8193));
    }
}
