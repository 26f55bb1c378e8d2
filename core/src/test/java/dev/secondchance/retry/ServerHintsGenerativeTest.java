package dev.secondchance.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * Seeded generative tests of the server hints ({@code Retry-After}, {@code x-amz-retry-after}): whatever a
 * server sends, parsing never throws, never overflows, and a retry never leaves before the hint. Each
 * repetition prints its seed; rerun one with {@code -Dsc.seed=<seed>} (every repetition then uses it).
 */
class ServerHintsGenerativeTest {

    private static final int VALUES_PER_SEED = 500;
    private static final long BASE_SEED = 0x5EC0_4DC4_A4CEL;
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final Instant NOW = Instant.parse("2026-11-30T06:00:00Z");
    private static final DateTimeFormatter RFC_850 =
            DateTimeFormatter.ofPattern("EEEE, dd-MMM-yy HH:mm:ss 'GMT'", Locale.US);
    private static final DateTimeFormatter ASCTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US);
    private static final List<Duration> MAX_RETRY_AFTERS = List.of(Duration.ZERO, Duration.ofMillis(1),
            Duration.ofSeconds(5), Duration.ofDays(1), Duration.ofDays(365L * 100));

    static long seed(RepetitionInfo repetition) {
        String fixed = System.getProperty("sc.seed");
        long seed = fixed != null ? Long.parseLong(fixed) : BASE_SEED + repetition.getCurrentRepetition();
        System.out.println(ServerHintsGenerativeTest.class.getSimpleName() + " seed=" + seed);
        return seed;
    }

    // ------------------------------------------------------------------ generators

    /** One header value of a random kind: bytes, digits, signs, numbers of any size, dates in every form. */
    static String headerValue(Random random) {
        switch (random.nextInt(12)) {
            case 0:
                byte[] bytes = new byte[random.nextInt(40)];
                random.nextBytes(bytes);
                return new String(bytes, StandardCharsets.ISO_8859_1);
            case 1:
                byte[] utf8 = new byte[random.nextInt(40)];
                random.nextBytes(utf8);
                return new String(utf8, StandardCharsets.UTF_8);
            case 2:
                return digits(random, 1 + random.nextInt(40));
            case 3:
                return pad(random, Long.toString(random.nextLong()));
            case 4:
                return pad(random, new BigInteger(64 + random.nextInt(200), random).toString());
            case 5:
                return pad(random, (random.nextBoolean() ? "-" : "+") + digits(random, 1 + random.nextInt(25)));
            case 6:
                return pad(random, Long.toString(Long.MAX_VALUE - random.nextInt(3) + random.nextInt(3)));
            case 7:
                return date(random, DateTimeFormatter.RFC_1123_DATE_TIME);
            case 8:
                return date(random, RFC_850);
            case 9:
                return date(random, ASCTIME);
            case 10:
                return mutate(random, headerValue(random));
            default:
                String[] odd = {"", " ", "\t", "0", "-0", "1.5", "1e3", "0x10", "٣", "１", "NaN", "Infinity",
                        "Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994",
                        "Thu, 01 Jan 1970 00:00:00 GMT", "Fri, 31 Dec 9999 23:59:59 GMT", "Mon, 01 Jan 0001 00:00:00 GMT"};
                return odd[random.nextInt(odd.length)];
        }
    }

    private static String digits(Random random, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append((char) ('0' + random.nextInt(10)));
        }
        return s.toString();
    }

    private static String pad(Random random, String value) {
        String[] blanks = {"", "", " ", "\t", "  "};
        return blanks[random.nextInt(blanks.length)] + value + blanks[random.nextInt(blanks.length)];
    }

    /** A date in the given form anywhere from year 1 to 9999: far past, around now, far future. */
    private static String date(Random random, DateTimeFormatter format) {
        Instant instant;
        switch (random.nextInt(3)) {
            case 0:
                instant = NOW.plusSeconds(random.nextInt(7200) - 3600L);
                break;
            case 1:
                instant = NOW.plusSeconds((long) (random.nextGaussian() * 86_400 * 365 * 30));
                break;
            default:
                long min = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
                long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
                instant = Instant.ofEpochSecond(min + (long) (random.nextDouble() * (max - min)));
        }
        return pad(random, format.format(ZonedDateTime.ofInstant(instant, ZoneOffset.UTC)));
    }

    /** Replaces, inserts or deletes one character. */
    private static String mutate(Random random, String value) {
        StringBuilder s = new StringBuilder(value);
        char c = (char) (random.nextBoolean() ? 0x20 + random.nextInt(0x5F) : random.nextInt(0x10000));
        int at = s.length() == 0 ? 0 : random.nextInt(s.length());
        switch (random.nextInt(3)) {
            case 0:
                if (s.length() > 0) {
                    s.setCharAt(at, c);
                }
                break;
            case 1:
                s.insert(at, c);
                break;
            default:
                if (s.length() > 0) {
                    s.deleteCharAt(at);
                }
        }
        return s.toString();
    }

    // ------------------------------------------------------------------ the reference model

    /** The delta-seconds the value holds (saturated), or null: a reference written with BigInteger. */
    static BigInteger expectedNumber(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.isEmpty() || !trimmed.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        return new BigInteger(trimmed).min(LONG_MAX);
    }

    // ------------------------------------------------------------------ the properties

    @RepeatedTest(20)
    void parsers_neverThrow_andAgreeWithTheReference(RepetitionInfo repetition) {
        long seed = seed(repetition);
        Random random = new Random(seed);
        for (int i = 0; i < VALUES_PER_SEED; i++) {
            String value = headerValue(random);
            String where = "seed=" + seed + " value='" + escape(value) + "'";
            try {
                BigInteger number = expectedNumber(value);
                Duration seconds = ServerHints.parseDeltaSeconds(value);
                Duration millis = ServerHints.parseMillis(value);
                Instant date = ServerHints.parseHttpDate(value);
                if (number == null) {
                    assertNull(seconds, where);
                    assertNull(millis, where);
                } else {
                    assertEquals(Duration.ofSeconds(number.longValueExact()), seconds, where);
                    assertEquals(Duration.ofMillis(number.longValueExact()), millis, where);
                    assertNull(date, where);
                }
                if (seconds != null) {
                    assertFalse(seconds.isNegative(), where);
                }
                if (millis != null) {
                    assertFalse(millis.isNegative(), where);
                }
            } catch (RuntimeException e) {
                fail(where + " threw " + e, e);
            }
        }
    }

    /** Every HTTP-date form, any year from 1 to 9999, reads back as the instant it was written from. */
    @RepeatedTest(10)
    void parseHttpDate_readsEveryFormBack(RepetitionInfo repetition) {
        long seed = seed(repetition);
        Random random = new Random(seed);
        long min = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < VALUES_PER_SEED; i++) {
            Instant instant = Instant.ofEpochSecond(min + (long) (random.nextDouble() * (max - min)));
            ZonedDateTime utc = ZonedDateTime.ofInstant(instant, ZoneOffset.UTC);
            String imf = pad(random, DateTimeFormatter.RFC_1123_DATE_TIME.format(utc));
            String asctime = pad(random, ASCTIME.format(utc));
            String rfc850 = RFC_850.format(utc);
            assertEquals(instant, ServerHints.parseHttpDate(imf), "seed=" + seed + " '" + imf + "'");
            assertEquals(instant, ServerHints.parseHttpDate(asctime), "seed=" + seed + " '" + asctime + "'");
            // two-digit years are read as 1970-2069 (RFC 9110 section 5.6.7 asks for "within 50 years")
            int year = utc.getYear() % 100 < 70 ? 2000 + utc.getYear() % 100 : 1900 + utc.getYear() % 100;
            Instant within = utc.withYear(year).toInstant();
            boolean weekdayStillRight = utc.withYear(year).getDayOfWeek() == utc.getDayOfWeek()
                    && utc.withYear(year).getDayOfMonth() == utc.getDayOfMonth();
            Instant parsed = ServerHints.parseHttpDate(rfc850);
            if (weekdayStillRight) {
                assertEquals(within, parsed, "seed=" + seed + " '" + rfc850 + "'");
            } else {
                assertTrue(parsed == null || parsed.equals(within), "seed=" + seed + " '" + rfc850 + "' -> " + parsed);
            }
        }
    }

    @RepeatedTest(20)
    void apply_neverThrows_andTheVerdictNeverAsksForLessThanEitherHeader(RepetitionInfo repetition) {
        long seed = seed(repetition);
        Random random = new Random(seed);
        for (int i = 0; i < VALUES_PER_SEED; i++) {
            String retryAfter = random.nextInt(4) == 0 ? null : headerValue(random);
            String amz = random.nextInt(4) == 0 ? null : headerValue(random);
            String where = "seed=" + seed + " Retry-After='" + escape(retryAfter) + "' x-amz-retry-after='"
                    + escape(amz) + "'";
            Instant now = NOW.plusSeconds(random.nextInt(1000) - 500L);
            try {
                Verdict verdict = ServerHints.apply(random.nextBoolean() ? Verdict.retry("r") : Verdict.throttled("t"),
                        headers(retryAfter, amz));
                Duration floor = floor(retryAfter, amz, now);
                Duration delay = verdict.serverDelay(now);
                if (floor == null) {
                    assertFalse(verdict.hasServerHint(), where);
                } else {
                    assertTrue(delay != null && !delay.isNegative() && delay.compareTo(floor) >= 0,
                            where + " floor=" + floor + " delay=" + delay);
                }
                Verdict failed = Verdict.fail("f");
                assertEquals(failed, ServerHints.apply(failed, headers(retryAfter, amz)), where);
            } catch (RuntimeException e) {
                fail(where + " threw " + e, e);
            }
        }
    }

    /**
     * The whole call: a retryable failure carrying random hints, on a virtual clock. The policy either ends
     * with {@code HINT_TOO_LONG} without waiting, or waits at least the hint (never less, never a wrapped
     * negative) before the second attempt.
     */
    @RepeatedTest(20)
    void aRetry_neverLeavesBeforeTheHint_andNeverOverflows(RepetitionInfo repetition) {
        long seed = seed(repetition);
        Random random = new Random(seed);
        for (int i = 0; i < VALUES_PER_SEED / 5; i++) {
            String retryAfter = random.nextInt(3) == 0 ? null : headerValue(random);
            String amz = random.nextInt(3) == 0 ? null : headerValue(random);
            Duration maxRetryAfter = MAX_RETRY_AFTERS.get(random.nextInt(MAX_RETRY_AFTERS.size()));
            String where = "seed=" + seed + " Retry-After='" + escape(retryAfter) + "' x-amz-retry-after='"
                    + escape(amz) + "' maxRetryAfter=" + maxRetryAfter;

            AtomicLong elapsedNanos = new AtomicLong();
            List<Duration> sleeps = new ArrayList<>();
            Clock wall = new Clock() {
                @Override
                public ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return NOW.plusNanos(elapsedNanos.get());
                }
            };
            RetryPolicy policy = RetryPolicy.builder()
                    .maxAttempts(2)
                    .backoff(Backoff.none())
                    .throttlingBackoff(Backoff.none())
                    .maxRetryAfter(maxRetryAfter)
                    .budget(RetryBudget.unlimited())
                    .classifiers(List.of(RetryClassifier.ofFailures(
                            failure -> ServerHints.apply(Verdict.retry("HTTP 503"), headers(retryAfter, amz)))))
                    .ticker(elapsedNanos::get)
                    .wallClock(wall)
                    .sleeper(delay -> {
                        sleeps.add(delay);
                        elapsedNanos.addAndGet(delay.toNanos());
                    })
                    .build();
            int[] attempts = {0};
            Outcome<String> outcome;
            try {
                outcome = policy.execute(() -> {
                    if (attempts[0]++ == 0) {
                        throw new IllegalStateException("first attempt fails");
                    }
                    return "ok";
                });
            } catch (RuntimeException e) {
                fail(where + " threw " + e, e);
                return;
            }
            Duration floor = floor(retryAfter, amz, NOW);
            if (floor != null && floor.compareTo(maxRetryAfter) > 0) {
                assertEquals(EndReason.HINT_TOO_LONG, outcome.endReason(), where);
                assertEquals(List.of(), sleeps, where);
            } else {
                assertEquals(EndReason.SUCCESS, outcome.endReason(), where + " floor=" + floor);
                Duration slept = sleeps.stream().reduce(Duration.ZERO, Duration::plus);
                assertFalse(slept.isNegative(), where);
                if (floor != null) {
                    assertTrue(slept.compareTo(floor) >= 0, where + " floor=" + floor + " slept=" + slept);
                }
            }
        }
    }

    /** What the reference model says the wait must be at least, or null if neither header is a hint. */
    private static Duration floor(String retryAfter, String amz, Instant now) {
        Duration floor = null;
        BigInteger millis = expectedNumber(amz);
        if (millis != null) {
            floor = Duration.ofMillis(millis.longValueExact());
        }
        BigInteger seconds = expectedNumber(retryAfter);
        Duration hint = null;
        if (seconds != null) {
            hint = Duration.ofSeconds(seconds.longValueExact());
        } else {
            Instant date = ServerHints.parseHttpDate(retryAfter);
            if (date != null) {
                hint = Duration.between(now, date);
                if (hint.isNegative()) {
                    hint = Duration.ZERO;
                }
            }
        }
        if (hint != null) {
            floor = floor == null || hint.compareTo(floor) > 0 ? hint : floor;
        }
        return floor;
    }

    private static UnaryOperator<String> headers(String retryAfter, String amz) {
        Map<String, String> map = new HashMap<>();
        map.put(ServerHints.RETRY_AFTER, retryAfter);
        map.put(ServerHints.AMZ_RETRY_AFTER, amz);
        return map::get;
    }

    private static String escape(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder s = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c >= 0x20 && c < 0x7F) {
                s.append(c);
            } else {
                s.append(String.format("\\u%04X", (int) c));
            }
        }
        return s.toString();
    }
}
