package dev.secondchance.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.function.Executable;

/**
 * Tests of the {@link Backoff} factories and the schedules they compute. Randomised checks use
 * {@link RandomSource#seeded(long)} and print their seed, so a failure can be replayed with the same seed.
 */
class BackoffTest {

    private static final long NANOS_PER_MS = 1_000_000L;

    /** The largest double below 1: the top of {@link RandomSource}'s range. */
    private static final double ALMOST_ONE = Math.nextDown(1.0);

    private static final RandomSource ZERO = () -> 0.0;
    private static final RandomSource TOP = () -> ALMOST_ONE;

    private static RandomSource seeded(String test, long seed) {
        System.out.println("BackoffTest." + test + " seed=" + seed);
        return RandomSource.seeded(seed);
    }

    private static long nanos(Duration d) {
        return d.toNanos();
    }

    /** The classic bound after the n-th failure: min(5 s, 100 ms × 4^n), in nanoseconds. */
    private static long classicBoundNanos(int failures) {
        double bound = 100.0 * NANOS_PER_MS * Math.pow(4, failures);
        return (long) Math.min(bound, 5_000.0 * NANOS_PER_MS);
    }

    // ---------------------------------------------------------------- classic(): bounds and reach

    @Test
    void classic_whenInspected_hasFiveSecondCap() {
        assertEquals(Duration.ofSeconds(5), Backoff.classic().maxDelay());
        assertEquals(Duration.ofMillis(100), Backoff.CLASSIC_BASE);
        assertEquals(4.0, Backoff.CLASSIC_MULTIPLIER);
        assertEquals(Duration.ofSeconds(5), Backoff.DEFAULT_CAP);
    }

    @ParameterizedTest(name = "failures={0} bound={1}ms")
    @CsvSource({"1, 400", "2, 1600", "3, 5000", "4, 5000", "5, 5000", "10, 5000", "100, 5000"})
    void classic_whenDrawnManyTimes_staysWithinBoundAndReachesNearItsTop(int failures, long boundMs) {
        long seed = 0xC1A551CL + failures;
        RandomSource random = seeded("classic_whenDrawnManyTimes_staysWithinBoundAndReachesNearItsTop", seed);
        Backoff backoff = Backoff.classic();
        long bound = boundMs * NANOS_PER_MS;
        assertEquals(bound, classicBoundNanos(failures), "test's own bound formula");
        long max = Long.MIN_VALUE;
        long min = Long.MAX_VALUE;
        for (int i = 0; i < 10_000; i++) {
            Duration d = backoff.delay(failures, Duration.ZERO, random);
            long n = nanos(d);
            assertTrue(n >= 0, () -> "negative delay " + d + " (seed " + seed + ")");
            assertTrue(n <= bound, () -> "delay " + d + " above " + boundMs + " ms (seed " + seed + ")");
            max = Math.max(max, n);
            min = Math.min(min, n);
        }
        // A schedule that is right in shape but too small (e.g. 4^(n-1)) never gets near the bound.
        assertTrue(max > 0.95 * bound, "max " + max + " ns not above 95% of " + bound + " ns (seed " + seed + ")");
        // Full jitter starts at zero: the smallest of 10,000 draws is in the bottom 5%.
        assertTrue(min < 0.05 * bound, "min " + min + " ns not below 5% of " + bound + " ns (seed " + seed + ")");
    }

    @ParameterizedTest(name = "failures={0}")
    @CsvSource({"1, 400", "2, 1600", "3, 5000", "7, 5000"})
    void classic_whenRandomAtTopOfRange_returnsJustBelowTheBound(int failures, long boundMs) {
        Duration top = Backoff.classic().delay(failures, Duration.ZERO, TOP);
        Duration bound = Duration.ofMillis(boundMs);
        assertTrue(top.compareTo(bound) < 0, "full jitter is [0, e): got " + top + " for bound " + bound);
        assertTrue(top.compareTo(bound.minusNanos(2)) >= 0, "expected just below " + bound + ", got " + top);
    }

    @ParameterizedTest(name = "failures={0}")
    @ValueSource(ints = {1, 2, 3, 50})
    void classic_whenRandomIsZero_returnsZero(int failures) {
        assertEquals(Duration.ZERO, Backoff.classic().delay(failures, Duration.ZERO, ZERO));
    }

    @Test
    void classic_whenRandomIsHalf_returnsHalfOfEachBound() {
        RandomSource half = () -> 0.5;
        Backoff classic = Backoff.classic();
        assertEquals(Duration.ofMillis(200), classic.delay(1, Duration.ZERO, half));
        assertEquals(Duration.ofMillis(800), classic.delay(2, Duration.ZERO, half));
        assertEquals(Duration.ofMillis(2500), classic.delay(3, Duration.ZERO, half));
    }

    @Test
    void classic_whenPreviousDelayVaries_ignoresIt() {
        Backoff classic = Backoff.classic();
        RandomSource half = () -> 0.5;
        Duration expected = classic.delay(2, Duration.ZERO, half);
        assertEquals(expected, classic.delay(2, Duration.ofSeconds(4), half));
        assertEquals(expected, classic.delay(2, Duration.ofMillis(1), half));
    }

    // ---------------------------------------------------------------- classic(): distribution

    /**
     * 10 equal bins over [0, 1.6 s) and 10,000 draws at attempt 2: 1,000 expected per bin, binomial standard
     * deviation about 30. Tolerance: each bin within ±15 % of expected (±150, about 5 standard deviations),
     * and the chi-square statistic (9 degrees of freedom) below 27.88, its 0.1 % critical value.
     */
    @ParameterizedTest(name = "seed={0}")
    @ValueSource(longs = {1L, 42L, 20_150_304L, 0xDEADBEEFL, -7L})
    void classic_whenAttempt2DrawnTenThousandTimes_isUniformOverTheRange(long seed) {
        RandomSource random = seeded("classic_whenAttempt2DrawnTenThousandTimes_isUniformOverTheRange", seed);
        Backoff classic = Backoff.classic();
        int draws = 10_000;
        int bins = 10;
        long bound = 1_600 * NANOS_PER_MS;
        int[] counts = new int[bins];
        double sum = 0;
        for (int i = 0; i < draws; i++) {
            long n = nanos(classic.delay(2, Duration.ZERO, random));
            assertTrue(n >= 0 && n < bound, "out of [0, 1.6 s): " + n + " (seed " + seed + ")");
            counts[(int) (n * bins / bound)]++;
            sum += n;
        }
        double expected = (double) draws / bins;
        double chiSquare = 0;
        for (int b = 0; b < bins; b++) {
            double deviation = counts[b] - expected;
            chiSquare += deviation * deviation / expected;
            int bin = b;
            assertTrue(Math.abs(deviation) <= 0.15 * expected,
                    () -> "bin " + bin + " has " + counts[bin] + " draws, expected " + expected + " ± 15% (seed "
                            + seed + ")");
        }
        assertTrue(chiSquare < 27.88, "chi-square " + chiSquare + " >= 27.88 (seed " + seed + ")");
        // Mean of U[0, 1.6 s) is 0.8 s; standard error about 4.6 ms: allow ±3 %.
        double mean = sum / draws;
        assertEquals(0.8e9, mean, 0.03 * 0.8e9, "mean (seed " + seed + ")");
    }

    @ParameterizedTest(name = "seed={0}")
    @ValueSource(longs = {3L, 1234567L, Long.MAX_VALUE})
    void classic_whenAtTheCap_keepsClientsSpreadOut(long seed) {
        RandomSource random = seeded("classic_whenAtTheCap_keepsClientsSpreadOut", seed);
        Backoff classic = Backoff.classic();
        long cap = classic.maxDelay().toNanos();
        int draws = 10_000;
        double sum = 0;
        double sumSquares = 0;
        int atCap = 0;
        for (int i = 0; i < draws; i++) {
            long n = nanos(classic.delay(10, Duration.ZERO, random));
            assertTrue(n >= 0 && n <= cap, "out of range: " + n + " (seed " + seed + ")");
            if (n == cap) {
                atCap++;
            }
            sum += n;
            sumSquares += (double) n * n;
        }
        double mean = sum / draws;
        double stdDev = Math.sqrt(sumSquares / draws - mean * mean);
        // Uniform over [0, cap) has standard deviation cap/√12 ≈ 0.289 cap; jitter applied before the cap
        // (everyone waits exactly the cap) has 0.
        assertTrue(stdDev > 0.25 * cap, "std dev " + stdDev + " <= 25% of cap " + cap + " (seed " + seed + ")");
        assertTrue(atCap < draws / 100, atCap + " of " + draws + " draws equal the cap (seed " + seed + ")");
        assertEquals(cap / 2.0, mean, 0.05 * cap, "mean at the cap (seed " + seed + ")");
    }

    // ---------------------------------------------------------------- Jitter.NONE and Jitter.EQUAL

    @ParameterizedTest(name = "failures={0} -> {1} ns")
    @CsvSource({
        "1, 400000000", "2, 1600000000", "3, 5000000000", "4, 5000000000", "64, 5000000000",
        "2147483647, 5000000000"
    })
    void exponentialNone_whenClassicParameters_returnsExactlyMinOfCapAndExponential(int failures, long expectedNanos) {
        Backoff none = Backoff.exponential(Duration.ofMillis(100), 4.0, Duration.ofSeconds(5), Jitter.NONE);
        assertEquals(Duration.ofNanos(expectedNanos), none.delay(failures, Duration.ZERO, ZERO));
        assertEquals(Duration.ofNanos(expectedNanos), none.delay(failures, Duration.ZERO, TOP));
    }

    @ParameterizedTest(name = "failures={0} -> {1} ms")
    @CsvSource({"1, 10", "2, 20", "3, 40", "5, 160", "8, 1280", "9, 2000", "30, 2000"})
    void exponentialNone_whenBrookerParameters_returnsExactlyMinOfCapAndExponential(int failures, long expectedMs) {
        // Brooker's simulation: base 5 ms, multiplier 2, cap 2 s.
        Backoff none = Backoff.exponential(Duration.ofMillis(5), 2.0, Duration.ofSeconds(2), Jitter.NONE);
        assertEquals(Duration.ofMillis(expectedMs), none.delay(failures, Duration.ZERO, () -> 0.37));
    }

    @Test
    void exponentialNone_whenMultiplierIsOne_returnsBaseEveryTime() {
        Backoff flat = Backoff.exponential(Duration.ofMillis(250), 1.0, Duration.ofSeconds(1), Jitter.NONE);
        for (int failures : new int[] {1, 2, 10, 1_000, Integer.MAX_VALUE}) {
            assertEquals(Duration.ofMillis(250), flat.delay(failures, Duration.ZERO, ZERO), "failures=" + failures);
        }
    }

    @ParameterizedTest(name = "failures={0} e={1}ms")
    @CsvSource({"1, 400", "2, 1600", "3, 5000", "12, 5000"})
    void exponentialEqual_whenDrawnManyTimes_liesBetweenHalfAndFullExponential(int failures, long eMs) {
        long seed = 0xE0A1L * failures;
        RandomSource random = seeded("exponentialEqual_whenDrawnManyTimes_liesBetweenHalfAndFullExponential", seed);
        Backoff equal = Backoff.exponential(Duration.ofMillis(100), 4.0, Duration.ofSeconds(5), Jitter.EQUAL);
        long e = eMs * NANOS_PER_MS;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < 10_000; i++) {
            long n = nanos(equal.delay(failures, Duration.ZERO, random));
            assertTrue(n >= e / 2 && n <= e, "equal jitter " + n + " ns outside [" + e / 2 + ", " + e + "] (seed " + seed + ")");
            min = Math.min(min, n);
            max = Math.max(max, n);
        }
        assertTrue(min < 0.525 * e, "min " + min + " not near e/2 = " + e / 2 + " (seed " + seed + ")");
        assertTrue(max > 0.975 * e, "max " + max + " not near e = " + e + " (seed " + seed + ")");
    }

    @Test
    void exponentialEqual_whenRandomAtEnds_returnsHalfAndJustBelowFull() {
        Backoff equal = Backoff.exponential(Duration.ofMillis(100), 4.0, Duration.ofSeconds(5), Jitter.EQUAL);
        assertEquals(Duration.ofMillis(200), equal.delay(1, Duration.ZERO, ZERO));
        assertEquals(Duration.ofMillis(2500), equal.delay(3, Duration.ZERO, ZERO));
        Duration top = equal.delay(2, Duration.ZERO, TOP);
        assertTrue(top.compareTo(Duration.ofMillis(1600)) <= 0 && top.compareTo(Duration.ofMillis(1599)) > 0,
                "got " + top);
    }

    // ---------------------------------------------------------------- decorrelated jitter

    @ParameterizedTest(name = "seed={0}")
    @ValueSource(longs = {5L, 99L, 0x5EC0DL})
    void decorrelatedJitter_whenChainedLong_staysWithinBaseAndThreeTimesPreviousAndCap(long seed) {
        RandomSource random = seeded("decorrelatedJitter_whenChainedLong_staysWithinBaseAndThreeTimesPreviousAndCap", seed);
        Duration base = Duration.ofMillis(5);
        Duration cap = Duration.ofSeconds(2);
        Backoff backoff = Backoff.decorrelatedJitter(base, cap);
        assertEquals(cap, backoff.maxDelay());
        Duration previous = Duration.ZERO;
        long max = 0;
        int nearBase = 0;
        for (int failures = 1; failures <= 10_000; failures++) {
            Duration d = backoff.delay(failures, previous, random);
            // The first step starts from previous = base.
            long effectivePrevious = Math.max(base.toNanos(), previous.toNanos());
            long upper = Math.min(cap.toNanos(), 3 * effectivePrevious);
            int step = failures;
            Duration prev = previous;
            assertTrue(d.compareTo(base) >= 0 && d.toNanos() <= upper,
                    () -> "step " + step + ": " + d + " outside [" + base + ", min(cap, 3 × " + prev + ")] (seed "
                            + seed + ")");
            assertTrue(d.compareTo(cap) <= 0, () -> "step " + step + ": " + d + " above cap (seed " + seed + ")");
            max = Math.max(max, d.toNanos());
            if (d.toNanos() < 2 * base.toNanos()) {
                nearBase++;
            }
            previous = d;
        }
        assertTrue(max > 0.95 * cap.toNanos(), "chain never got near the cap: max " + max + " (seed " + seed + ")");
        assertTrue(nearBase > 0, "chain never came back near the base (seed " + seed + ")");
    }

    @Test
    void decorrelatedJitter_whenFirstFailure_drawsBetweenBaseAndThreeTimesBase() {
        Duration base = Duration.ofMillis(10);
        Backoff backoff = Backoff.decorrelatedJitter(base, Duration.ofSeconds(10));
        assertEquals(base, backoff.delay(1, Duration.ZERO, ZERO));
        Duration top = backoff.delay(1, Duration.ZERO, TOP);
        assertTrue(top.compareTo(Duration.ofMillis(30)) <= 0 && top.compareTo(Duration.ofMillis(29)) > 0, "got " + top);
    }

    @Test
    void decorrelatedJitter_whenPreviousIsLarge_isCappedAndUsesThreeTimesPrevious() {
        Backoff backoff = Backoff.decorrelatedJitter(Duration.ofMillis(10), Duration.ofSeconds(1));
        // previous 100 ms: upper = 300 ms; half way between 10 and 300 is 155 ms.
        assertEquals(Duration.ofMillis(155), backoff.delay(2, Duration.ofMillis(100), () -> 0.5));
        // previous 900 ms: upper = min(1 s, 2.7 s) = 1 s.
        Duration top = backoff.delay(3, Duration.ofMillis(900), TOP);
        assertTrue(top.compareTo(Duration.ofSeconds(1)) <= 0 && top.compareTo(Duration.ofMillis(999)) > 0, "got " + top);
        // previous longer than the cap (e.g. a server hint) still never yields more than the cap.
        assertEquals(Duration.ofSeconds(1), Backoff.decorrelatedJitter(Duration.ofSeconds(1), Duration.ofSeconds(1))
                .delay(4, Duration.ofHours(1), TOP));
    }

    @Test
    void decorrelatedJitter_whenChainedPastAttempt1024WithHugeCap_neverOverflows() {
        // Polly #2163: decorrelated jitter turned negative at attempt >= 1024.
        Duration cap = Duration.ofSeconds(Long.MAX_VALUE);
        Backoff backoff = Backoff.decorrelatedJitter(Duration.ofNanos(1), cap);
        long seed = 1024L;
        RandomSource random = seeded("decorrelatedJitter_whenChainedPastAttempt1024WithHugeCap_neverOverflows", seed);
        Duration previous = Duration.ZERO;
        for (int failures = 1; failures <= 5_000; failures++) {
            Duration d = backoff.delay(failures, previous, random);
            assertFalse(d.isNegative(), "negative at step " + failures + ": " + d);
            assertTrue(d.compareTo(cap) <= 0, "above cap at step " + failures);
            assertTrue(d.compareTo(Duration.ofNanos(1)) >= 0, "below base at step " + failures + ": " + d);
            previous = d;
        }
        // With always-top draws the chain grows by 3x per step and must saturate, not wrap.
        previous = Duration.ZERO;
        for (int failures = 1; failures <= 2_000; failures++) {
            Duration d = backoff.delay(failures, previous, TOP);
            assertFalse(d.isNegative(), "negative at step " + failures + ": " + d);
            assertTrue(d.compareTo(previous) >= 0 || previous.toNanos() == Long.MAX_VALUE,
                    "chain shrank at step " + failures + ": " + previous + " -> " + d);
            previous = d;
        }
        assertTrue(previous.toNanos() > Long.MAX_VALUE / 2, "chain did not saturate: " + previous);
    }

    // ---------------------------------------------------------------- overflow

    static Stream<Arguments> extremeFailureCounts() {
        return Stream.of(1, 2, 30, 31, 32, 63, 64, 1000, 1024, 1_000_000, Integer.MAX_VALUE).map(Arguments::of);
    }

    @ParameterizedTest(name = "failures={0}")
    @MethodSource("extremeFailureCounts")
    void classic_whenFailureCountIsExtreme_neverOverflowsOrGoesNegative(int failures) {
        long seed = 31L * failures;
        RandomSource random = seeded("classic_whenFailureCountIsExtreme_neverOverflowsOrGoesNegative", seed);
        Backoff classic = Backoff.classic();
        long bound = classicBoundNanos(failures);
        for (int i = 0; i < 1_000; i++) {
            Duration d = classic.delay(failures, Duration.ZERO, random);
            assertFalse(d.isNegative(), "negative: " + d + " (seed " + seed + ")");
            assertTrue(d.toNanos() <= bound, "above " + bound + ": " + d + " (seed " + seed + ")");
        }
        // Not collapsed to zero: the top of the random range gives (just under) the bound.
        assertTrue(classic.delay(failures, Duration.ZERO, TOP).toNanos() > 0.99 * bound);
        Backoff none = Backoff.exponential(Duration.ofMillis(100), 4.0, Duration.ofSeconds(5), Jitter.NONE);
        assertEquals(Duration.ofNanos(bound), none.delay(failures, Duration.ZERO, ZERO));
    }

    static Stream<Arguments> extremeConfigs() {
        Duration hugeCap = Duration.ofSeconds(Long.MAX_VALUE);
        Stream.Builder<Arguments> configs = Stream.builder();
        for (Jitter jitter : Jitter.values()) {
            configs.add(Arguments.of("maxMultiplier/1ns/hugeCap/" + jitter,
                    Backoff.exponential(Duration.ofNanos(1), Double.MAX_VALUE, hugeCap, jitter)));
            configs.add(Arguments.of("maxMultiplier/1ns/5s/" + jitter,
                    Backoff.exponential(Duration.ofNanos(1), Double.MAX_VALUE, Duration.ofSeconds(5), jitter)));
            configs.add(Arguments.of("x2/1ns/hugeCap/" + jitter,
                    Backoff.exponential(Duration.ofNanos(1), 2.0, hugeCap, jitter)));
            configs.add(Arguments.of("x1/hugeBase/hugeCap/" + jitter,
                    Backoff.exponential(hugeCap, 1.0, hugeCap, jitter)));
            configs.add(Arguments.of("x1/longMaxNanos/" + jitter,
                    Backoff.exponential(Duration.ofNanos(Long.MAX_VALUE), 1.0, Duration.ofNanos(Long.MAX_VALUE), jitter)));
        }
        configs.add(Arguments.of("decorrelated/1ns/hugeCap", Backoff.decorrelatedJitter(Duration.ofNanos(1), hugeCap)));
        configs.add(Arguments.of("decorrelated/hugeBase/hugeCap", Backoff.decorrelatedJitter(hugeCap, hugeCap)));
        configs.add(Arguments.of("contention", Backoff.contention()));
        configs.add(Arguments.of("overload", Backoff.overload()));
        return configs.build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("extremeConfigs")
    void delay_whenConfigIsExtremeButLegal_isNeverNegativeNorAboveMaxDelay(String label, Backoff backoff) {
        long seed = label.hashCode();
        RandomSource random = seeded("delay_whenConfigIsExtremeButLegal_isNeverNegativeNorAboveMaxDelay[" + label + "]", seed);
        int[] failureCounts = {1, 2, 30, 31, 32, 63, 64, 1000, 1024, 1_000_000, Integer.MAX_VALUE};
        for (int failures : failureCounts) {
            for (RandomSource source : new RandomSource[] {ZERO, TOP, random, random, random}) {
                for (Duration previous : new Duration[] {Duration.ZERO, Duration.ofNanos(Long.MAX_VALUE),
                        Duration.ofSeconds(Long.MAX_VALUE)}) {
                    Duration d = backoff.delay(failures, previous, source);
                    assertNotNull(d);
                    assertFalse(d.isNegative(), label + " failures=" + failures + ": negative " + d);
                    assertTrue(d.compareTo(backoff.maxDelay()) <= 0,
                            label + " failures=" + failures + ": " + d + " above maxDelay " + backoff.maxDelay());
                }
            }
        }
    }

    @Test
    void exponentialNone_whenMultiplierIsDoubleMax_saturatesAtLongMaxNanos() {
        Backoff backoff = Backoff.exponential(Duration.ofNanos(1), Double.MAX_VALUE, Duration.ofSeconds(Long.MAX_VALUE),
                Jitter.NONE);
        // 1 ns × Double.MAX_VALUE^n is far beyond what a Duration of nanos can hold: saturate, don't wrap.
        assertEquals(Long.MAX_VALUE, backoff.delay(1, Duration.ZERO, ZERO).toNanos());
        assertEquals(Long.MAX_VALUE, backoff.delay(Integer.MAX_VALUE, Duration.ZERO, ZERO).toNanos());
    }

    /**
     * A cap whose nanosecond count is not exactly representable as a double (2^53 + 3 rounds up to 2^53 + 4)
     * must still bound the delay: the contract says never above {@link Backoff#maxDelay()}.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Jitter.class)
    void exponential_whenCapNotRepresentableAsDouble_neverExceedsMaxDelay(Jitter jitter) {
        Duration cap = Duration.ofNanos((1L << 53) + 3);
        Backoff backoff = Backoff.exponential(Duration.ofNanos(1), 2.0, cap, jitter);
        Duration d = backoff.delay(1_000, Duration.ZERO, TOP);
        assertTrue(d.compareTo(backoff.maxDelay()) <= 0, jitter + ": " + d.toNanos() + " ns above cap " + cap.toNanos() + " ns");
    }

    @Test
    void decorrelatedJitter_whenCapNotRepresentableAsDouble_neverExceedsMaxDelay() {
        Duration cap = Duration.ofNanos((1L << 53) + 3);
        Backoff backoff = Backoff.decorrelatedJitter(cap, cap);
        Duration d = backoff.delay(1, Duration.ZERO, ZERO);
        assertTrue(d.compareTo(backoff.maxDelay()) <= 0, d.toNanos() + " ns above cap " + cap.toNanos() + " ns");
    }

    // ---------------------------------------------------------------- presets

    @Test
    void contention_whenInspected_capsAtOneSecondWithClassicGrowth() {
        Backoff contention = Backoff.contention();
        assertEquals(Duration.ofSeconds(1), contention.maxDelay());
        assertEquals(Duration.ofMillis(200), contention.delay(1, Duration.ZERO, () -> 0.5));
        assertEquals(Duration.ofMillis(500), contention.delay(2, Duration.ZERO, () -> 0.5)); // min(1 s, 1.6 s) / 2
        assertTrue(contention.delay(1, Duration.ZERO, TOP).compareTo(Duration.ofMillis(399)) > 0);
        assertTrue(contention.delay(1, Duration.ZERO, TOP).compareTo(Duration.ofMillis(400)) < 0);
    }

    @Test
    void overload_whenInspected_capsAtTwentySecondsWithClassicGrowth() {
        Backoff overload = Backoff.overload();
        assertEquals(Duration.ofSeconds(20), overload.maxDelay());
        assertEquals(Duration.ofMillis(200), overload.delay(1, Duration.ZERO, () -> 0.5));
        assertEquals(Duration.ofMillis(800), overload.delay(2, Duration.ZERO, () -> 0.5));
        assertEquals(Duration.ofMillis(3200), overload.delay(3, Duration.ZERO, () -> 0.5)); // 6.4 s / 2
        assertEquals(Duration.ofSeconds(10), overload.delay(4, Duration.ZERO, () -> 0.5)); // min(20, 25.6) / 2
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"contention, 1000", "overload, 20000"})
    void preset_whenDrawnManyTimesAtHighAttempt_staysBelowCapAndReachesIt(String preset, long capMs) {
        Backoff backoff = preset.equals("contention") ? Backoff.contention() : Backoff.overload();
        long seed = capMs;
        RandomSource random = seeded("preset_whenDrawnManyTimesAtHighAttempt_staysBelowCapAndReachesIt[" + preset + "]", seed);
        long cap = capMs * NANOS_PER_MS;
        long max = 0;
        for (int i = 0; i < 10_000; i++) {
            long n = backoff.delay(10, Duration.ZERO, random).toNanos();
            assertTrue(n >= 0 && n <= cap, preset + ": " + n + " (seed " + seed + ")");
            max = Math.max(max, n);
        }
        assertTrue(max > 0.95 * cap, preset + ": max " + max + " (seed " + seed + ")");
    }

    // ---------------------------------------------------------------- fixed and none

    @ParameterizedTest(name = "failures={0}")
    @ValueSource(ints = {1, 2, 10, Integer.MAX_VALUE})
    void fixed_whenAnyFailureCount_returnsTheSameDelay(int failures) {
        Backoff fixed = Backoff.fixed(Duration.ofMillis(250));
        assertEquals(Duration.ofMillis(250), fixed.delay(failures, Duration.ZERO, ZERO));
        assertEquals(Duration.ofMillis(250), fixed.delay(failures, Duration.ofSeconds(9), TOP));
        assertEquals(Duration.ofMillis(250), fixed.maxDelay());
    }

    @Test
    void fixed_whenZero_isAllowed() {
        Backoff fixed = Backoff.fixed(Duration.ZERO);
        assertEquals(Duration.ZERO, fixed.delay(3, Duration.ZERO, TOP));
        assertEquals(Duration.ZERO, fixed.maxDelay());
    }

    @ParameterizedTest(name = "failures={0}")
    @ValueSource(ints = {1, 2, 10, Integer.MAX_VALUE})
    void none_whenAnyFailureCount_returnsZero(int failures) {
        Backoff none = Backoff.none();
        assertEquals(Duration.ZERO, none.delay(failures, Duration.ofSeconds(3), TOP));
        assertEquals(Duration.ZERO, none.maxDelay());
    }

    // ---------------------------------------------------------------- argument checks

    private static void assertIae(Executable call, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertNotNull(e.getMessage());
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' lacks '" + fragment + "'");
        }
    }

    private static void assertNpe(Executable call, String parameter) {
        NullPointerException e = assertThrows(NullPointerException.class, call);
        assertNotNull(e.getMessage(), "NPE without a message");
        assertTrue(e.getMessage().contains(parameter), "message '" + e.getMessage() + "' lacks '" + parameter + "'");
    }

    @ParameterizedTest(name = "base={0}")
    @ValueSource(longs = {0L, -1L, -1_000_000L, Long.MIN_VALUE})
    void exponential_whenBaseNotPositive_throwsIaeNamingBase(long baseNanos) {
        assertIae(() -> Backoff.exponential(Duration.ofNanos(baseNanos), 2.0, Duration.ofSeconds(1), Jitter.FULL),
                "base", "> 0");
        assertIae(() -> Backoff.decorrelatedJitter(Duration.ofNanos(baseNanos), Duration.ofSeconds(1)), "base", "> 0");
    }

    @ParameterizedTest(name = "multiplier={0}")
    @ValueSource(doubles = {0.999, 0.5, 0.0, -1.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.MIN_VALUE, -Double.MAX_VALUE})
    void exponential_whenMultiplierOutOfRange_throwsIaeNamingMultiplierAndRange(double multiplier) {
        assertIae(() -> Backoff.exponential(Duration.ofMillis(100), multiplier, Duration.ofSeconds(5), Jitter.FULL),
                "multiplier", "1.0", String.valueOf(multiplier));
    }

    @ParameterizedTest(name = "multiplier={0}")
    @ValueSource(doubles = {1.0, 1.5, 4.0, 1e300, Double.MAX_VALUE})
    void exponential_whenMultiplierInRange_isAccepted(double multiplier) {
        Backoff backoff = Backoff.exponential(Duration.ofMillis(100), multiplier, Duration.ofSeconds(5), Jitter.FULL);
        assertEquals(Duration.ofSeconds(5), backoff.maxDelay());
    }

    @Test
    void exponential_whenCapBelowBase_throwsIaeNamingCapAndBase() {
        assertIae(() -> Backoff.exponential(Duration.ofSeconds(2), 2.0, Duration.ofSeconds(1), Jitter.FULL), "cap", "base");
        assertIae(() -> Backoff.decorrelatedJitter(Duration.ofSeconds(2), Duration.ofSeconds(1)), "cap", "base");
        assertIae(() -> Backoff.exponential(Duration.ofMillis(100), 2.0, Duration.ofMillis(100).minusNanos(1), Jitter.NONE),
                "cap", "base");
    }

    @Test
    void exponential_whenCapEqualsBase_isAcceptedAndAlwaysAtMostBase() {
        Backoff backoff = Backoff.exponential(Duration.ofMillis(100), 4.0, Duration.ofMillis(100), Jitter.NONE);
        assertEquals(Duration.ofMillis(100), backoff.delay(5, Duration.ZERO, ZERO));
        Backoff decorrelated = Backoff.decorrelatedJitter(Duration.ofMillis(100), Duration.ofMillis(100));
        assertEquals(Duration.ofMillis(100), decorrelated.delay(5, Duration.ofMillis(100), TOP));
    }

    @Test
    void exponential_whenArgumentNull_throwsNpeNamingParameter() {
        assertNpe(() -> Backoff.exponential(null, 2.0, Duration.ofSeconds(1), Jitter.FULL), "base");
        assertNpe(() -> Backoff.exponential(Duration.ofMillis(1), 2.0, null, Jitter.FULL), "cap");
        assertNpe(() -> Backoff.exponential(Duration.ofMillis(1), 2.0, Duration.ofSeconds(1), null), "jitter");
    }

    @Test
    void decorrelatedJitter_whenArgumentNull_throwsNpeNamingParameter() {
        assertNpe(() -> Backoff.decorrelatedJitter(null, Duration.ofSeconds(1)), "base");
        assertNpe(() -> Backoff.decorrelatedJitter(Duration.ofMillis(1), null), "cap");
    }

    @Test
    void fixed_whenNegativeOrNull_isRejectedNamingDelay() {
        assertIae(() -> Backoff.fixed(Duration.ofMillis(-1)), "delay", ">= 0");
        assertIae(() -> Backoff.fixed(Duration.ofNanos(-1)), "delay", ">= 0");
        assertNpe(() -> Backoff.fixed(null), "delay");
    }

    // ---------------------------------------------------------------- seeded reproducibility

    @Test
    void classic_whenSameSeed_producesSameSchedule() {
        Backoff classic = Backoff.classic();
        RandomSource a = RandomSource.seeded(77);
        RandomSource b = RandomSource.seeded(77);
        RandomSource c = RandomSource.seeded(78);
        boolean anyDifferent = false;
        for (int failures = 1; failures <= 50; failures++) {
            Duration fromA = classic.delay(failures, Duration.ZERO, a);
            assertEquals(fromA, classic.delay(failures, Duration.ZERO, b), "failures=" + failures);
            anyDifferent |= !fromA.equals(classic.delay(failures, Duration.ZERO, c));
        }
        assertTrue(anyDifferent, "a different seed gave the same 50 delays");
    }
}
