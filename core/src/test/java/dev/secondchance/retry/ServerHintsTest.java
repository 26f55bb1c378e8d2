package dev.secondchance.retry;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ServerHintsTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    /** A case-insensitive header lookup over {@code name, value, name, value, ...}. */
    private static UnaryOperator<String> headers(String... nameValues) {
        Map<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < nameValues.length; i += 2) {
            map.put(nameValues[i], nameValues[i + 1]);
        }
        return map::get;
    }

    private static String httpDate(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }

    // ---------------------------------------------------------------- delta-seconds

    @ParameterizedTest(name = "''{0}'' -> {1} s")
    @CsvSource(value = {"0|0", "2|2", "' 120 '|120", "7|7", "00042|42", "86400|86400", "'\t5\t'|5"}, delimiter = '|')
    void parseDeltaSeconds_whenNonNegativeInteger_returnsSeconds(String value, long seconds) {
        assertEquals(Duration.ofSeconds(seconds), ServerHints.parseDeltaSeconds(value));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"99999999999999999999", "9223372036854775808", "123456789012345678901234567890"})
    void parseDeltaSeconds_whenHuge_saturatesWithoutException(String value) {
        Duration parsed = assertDoesNotThrow(() -> ServerHints.parseDeltaSeconds(value));
        assertEquals(Duration.ofSeconds(Long.MAX_VALUE), parsed);
    }

    @ParameterizedTest(name = "''{0}''")
    @NullAndEmptySource
    @ValueSource(strings = {"-1", "1.5", "abc", " ", "+5", "5s", "1 2", "0x10", "1e3", "٣", "-0"})
    void parseDeltaSeconds_whenInvalid_returnsNull(String value) {
        assertNull(ServerHints.parseDeltaSeconds(value));
    }

    // Regression: found by ServerHintsGenerativeTest (seed 104180031464655). trim() removed the control
    // characters, the empty rest failed Long.parseLong and was read as an overflow: a 292-billion-year hint that
    // ended the call with HINT_TOO_LONG instead of retrying with the backoff.
    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"\u001A", "\u0001", "\u0005\u0001", "\u0000", "\u0013 \u0002", "\u007F"})
    void parse_whenOnlyControlCharacters_returnsNoHint(String value) {
        assertNull(ServerHints.parseDeltaSeconds(value));
        assertNull(ServerHints.parseMillis(value));
        assertNull(ServerHints.parseHttpDate(value));
        Verdict retry = Verdict.retry("HTTP 503");
        assertEquals(retry, ServerHints.apply(retry, headers(ServerHints.RETRY_AFTER, value)));
        assertEquals(retry, ServerHints.apply(retry, headers(ServerHints.AMZ_RETRY_AFTER, value)));
    }

    @ParameterizedTest(name = "''{0}''")
    @NullAndEmptySource
    @ValueSource(strings = {"-1", "1.5", "abc", " "})
    void apply_whenRetryAfterInvalid_returnsVerdictWithoutHint(String value) {
        Verdict retry = Verdict.retry("HTTP 503");
        Verdict applied = ServerHints.apply(retry, headers(ServerHints.RETRY_AFTER, value));
        assertEquals(retry, applied);
        assertNull(applied.serverDelay(NOW));
    }

    @Test
    void apply_whenRetryAfterDeltaSeconds_addsRelativeHint() {
        Verdict applied = ServerHints.apply(Verdict.retry("HTTP 503"), headers("Retry-After", "120"));
        assertEquals(Verdict.Kind.RETRY, applied.kind());
        assertEquals("HTTP 503", applied.reason());
        assertEquals(Duration.ofSeconds(120), applied.serverDelay(NOW));
        // relative: the same whatever the wall clock says
        assertEquals(Duration.ofSeconds(120), applied.serverDelay(NOW.plusSeconds(3600)));
    }

    @Test
    void apply_whenRetryAfterZero_addsZeroHint() {
        Verdict applied = ServerHints.apply(Verdict.throttled("HTTP 429"), headers("Retry-After", "0"));
        assertEquals(Verdict.Kind.THROTTLED, applied.kind());
        assertEquals(Duration.ZERO, applied.serverDelay(NOW));
    }

    @Test
    void apply_whenRetryAfterHuge_saturatesWithoutException() {
        Verdict applied = assertDoesNotThrow(
                () -> ServerHints.apply(Verdict.retry("HTTP 503"), headers("Retry-After", "99999999999999999999")));
        assertEquals(Duration.ofSeconds(Long.MAX_VALUE), applied.serverDelay(NOW));
    }

    // ---------------------------------------------------------------- HTTP-date

    @Test
    void parseHttpDate_whenImfFixdate_returnsInstant() {
        assertEquals(Instant.parse("2015-10-21T07:28:00Z"), ServerHints.parseHttpDate("Wed, 21 Oct 2015 07:28:00 GMT"));
        assertEquals(Instant.parse("2015-10-21T07:28:00Z"),
                ServerHints.parseHttpDate("  Wed, 21 Oct 2015 07:28:00 GMT "));
    }

    @Test
    void parseHttpDate_whenObsoleteRfc850OrAsctimeForm_returnsInstant() {
        Instant expected = Instant.parse("1994-11-06T08:49:37Z");

        assertEquals(expected, ServerHints.parseHttpDate("Sunday, 06-Nov-94 08:49:37 GMT"));
        assertEquals(expected, ServerHints.parseHttpDate("Sun Nov  6 08:49:37 1994"));
        assertEquals(Instant.parse("2031-01-15T10:00:00Z"), ServerHints.parseHttpDate("Wednesday, 15-Jan-31 10:00:00 GMT"));
    }

    @ParameterizedTest(name = "''{0}''")
    @NullAndEmptySource
    @ValueSource(strings = {"7", "abc", "2015-10-21T07:28:00Z", "Wed, 32 Oct 2015 07:28:00 GMT", "Wed, 21 Oct 2015"})
    void parseHttpDate_whenNotADate_returnsNull(String value) {
        assertNull(ServerHints.parseHttpDate(value));
    }

    @Test
    void apply_whenRetryAfterIsFutureHttpDate_hintIsTimeUntilThen() {
        Verdict applied = ServerHints.apply(Verdict.retry("HTTP 503"),
                headers("Retry-After", httpDate(NOW.plusSeconds(90))));
        assertEquals(Duration.ofSeconds(90), applied.serverDelay(NOW));
        // absolute: later on the wall clock, less to wait
        assertEquals(Duration.ofSeconds(30), applied.serverDelay(NOW.plusSeconds(60)));
    }

    @Test
    void apply_whenRetryAfterIsPastHttpDate_serverDelayIsZero() {
        Verdict applied = ServerHints.apply(Verdict.retry("HTTP 503"),
                headers("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT"));
        assertEquals(Duration.ZERO, applied.serverDelay(NOW));
        assertEquals(Duration.ZERO, applied.serverDelay(Instant.parse("2015-10-21T07:28:01Z")));
        assertEquals(Duration.ofSeconds(1), applied.serverDelay(Instant.parse("2015-10-21T07:27:59Z")));
    }

    // ---------------------------------------------------------------- x-amz-retry-after

    @ParameterizedTest(name = "''{0}'' -> {1} ms")
    @CsvSource({"1500, 1500", "0, 0", "1, 1", "' 250 ', 250", "60000, 60000"})
    void parseMillis_whenNonNegativeInteger_returnsMillis(String value, long millis) {
        assertEquals(Duration.ofMillis(millis), ServerHints.parseMillis(value));
    }

    @ParameterizedTest(name = "''{0}''")
    @NullAndEmptySource
    @ValueSource(strings = {"-1", "1.5", "abc"})
    void parseMillis_whenInvalid_returnsNull(String value) {
        assertNull(ServerHints.parseMillis(value));
    }

    @Test
    void parseMillis_whenHuge_saturatesWithoutException() {
        Duration parsed = assertDoesNotThrow(() -> ServerHints.parseMillis("99999999999999999999"));
        assertTrue(parsed.compareTo(Duration.ofMillis(Long.MAX_VALUE)) >= 0, "got " + parsed);
    }

    @Test
    void apply_whenAmzRetryAfter1500_addsOneAndAHalfSecondHint() {
        Verdict applied = ServerHints.apply(Verdict.throttled("ThrottlingException"), headers("x-amz-retry-after", "1500"));
        assertEquals(Duration.ofMillis(1500), applied.serverDelay(NOW));
        assertEquals(Verdict.Kind.THROTTLED, applied.kind());
    }

    @Test
    void apply_whenAmzRetryAfterInvalid_isIgnored() {
        Verdict retry = Verdict.retry("HTTP 503");
        assertEquals(retry, ServerHints.apply(retry, headers("x-amz-retry-after", "soon")));
    }

    // ---------------------------------------------------------------- both headers: the later wins

    @ParameterizedTest(name = "Retry-After={0} x-amz-retry-after={1} -> {2} ms")
    @CsvSource({
        "2, 1500, 2000",   // Retry-After later
        "1, 5000, 5000",   // x-amz-retry-after later
        "3, 3000, 3000",   // equal
        "0, 1, 1",
        "abc, 700, 700",   // invalid Retry-After: the valid one stays
        "4, junk, 4000"    // invalid x-amz-retry-after: the valid one stays
    })
    void apply_whenBothDeltaHeaders_laterWins(String retryAfter, String amzMillis, long expectedMillis) {
        Verdict applied = ServerHints.apply(Verdict.retry("HTTP 503"),
                headers("Retry-After", retryAfter, "x-amz-retry-after", amzMillis));
        assertEquals(Duration.ofMillis(expectedMillis), applied.serverDelay(NOW));
    }

    @Test
    void apply_whenHttpDateLaterThanAmzHint_dateWins() {
        Verdict applied = ServerHints.apply(Verdict.retry("HTTP 503"),
                headers("Retry-After", httpDate(NOW.plusSeconds(20)), "x-amz-retry-after", "1500"));
        assertEquals(Duration.ofSeconds(20), applied.serverDelay(NOW));
    }

    @Test
    void apply_whenAmzHintLaterThanHttpDate_amzWins() {
        Verdict applied = ServerHints.apply(Verdict.retry("HTTP 503"),
                headers("Retry-After", httpDate(NOW.plusSeconds(3)), "x-amz-retry-after", "10000"));
        assertEquals(Duration.ofSeconds(10), applied.serverDelay(NOW));
        // and when the date has passed, the relative hint still holds
        assertEquals(Duration.ofSeconds(10), applied.serverDelay(NOW.plusSeconds(60)));
    }

    @Test
    void apply_whenHeaderLookupIsCaseInsensitive_readsAnyCase() {
        Verdict applied = ServerHints.apply(Verdict.retry("HTTP 503"), headers("RETRY-AFTER", "4"));
        assertEquals(Duration.ofSeconds(4), applied.serverDelay(NOW));
    }

    @Test
    void apply_whenNoHeaders_returnsVerdictUnchanged() {
        Verdict retry = Verdict.retry("HTTP 503");
        Verdict applied = ServerHints.apply(retry, headers());
        assertEquals(retry, applied);
        assertNull(applied.serverDelay(NOW));
    }

    // ---------------------------------------------------------------- non-retry verdicts

    @Test
    void apply_whenFailVerdict_returnsItUnchanged() {
        Verdict fail = Verdict.fail("HTTP 400");
        Verdict applied = ServerHints.apply(fail, headers("Retry-After", "7", "x-amz-retry-after", "1500"));
        assertSame(fail, applied);
        assertNull(applied.serverDelay(NOW));
    }

    @Test
    void apply_whenSuccessOrAbstainVerdict_returnsItUnchanged() {
        UnaryOperator<String> hints = headers("Retry-After", "7", "x-amz-retry-after", "1500");
        assertSame(Verdict.success(), ServerHints.apply(Verdict.success(), hints));
        assertSame(Verdict.abstain(), ServerHints.apply(Verdict.abstain(), hints));
    }

    @Test
    void apply_whenArgumentNull_throwsNpeNamingIt() {
        NullPointerException noVerdict = assertThrows(NullPointerException.class,
                () -> ServerHints.apply(null, headers()));
        assertTrue(noVerdict.getMessage().contains("verdict"), noVerdict.getMessage());
        NullPointerException noHeader = assertThrows(NullPointerException.class,
                () -> ServerHints.apply(Verdict.retry("x"), null));
        assertTrue(noHeader.getMessage().contains("header"), noHeader.getMessage());
    }

    @Test
    void withRetryAfter_whenVerdictIsNotRetry_throwsIllegalState() {
        for (Verdict verdict : new Verdict[] {Verdict.fail("HTTP 400"), Verdict.success(), Verdict.abstain()}) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> verdict.withRetryAfter(Duration.ofSeconds(1)), verdict.toString());
            assertTrue(e.getMessage().contains(verdict.kind().name()), e.getMessage());
            assertThrows(IllegalStateException.class, () -> verdict.withRetryAt(NOW), verdict.toString());
        }
    }

    @Test
    void withRetryAfter_whenNegative_throwsIaeNamingDelay() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Verdict.retry("x").withRetryAfter(Duration.ofMillis(-1)));
        assertTrue(e.getMessage().contains("delay"), e.getMessage());
    }

    @Test
    void withRetryAfter_whenCalledTwice_replacesTheRelativeHintAndKeepsTheAbsoluteOne() {
        Verdict verdict = Verdict.retry("HTTP 503")
                .withRetryAt(NOW.plusSeconds(5))
                .withRetryAfter(Duration.ofSeconds(9))
                .withRetryAfter(Duration.ofSeconds(2));
        assertEquals(Duration.ofSeconds(5), verdict.serverDelay(NOW), "absolute 5 s beats the replaced relative 2 s");
        assertEquals(Duration.ofSeconds(2), verdict.serverDelay(NOW.plusSeconds(4)), "relative 2 s beats 1 s left");
    }

    @Test
    void withRetryAfter_whenApplied_leavesOriginalUnchanged() {
        Verdict original = Verdict.retry("HTTP 503");
        Verdict hinted = original.withRetryAfter(Duration.ofSeconds(3));
        assertNull(original.serverDelay(NOW));
        assertEquals(Duration.ofSeconds(3), hinted.serverDelay(NOW));
        assertTrue(!original.equals(hinted));
    }
}
