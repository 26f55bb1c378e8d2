package dev.secondchance.retry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondchance.retry.RetryBudget;
import dev.secondchance.retry.Ticker;
import dev.secondchance.retry.testing.Concurrently;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RatioBudgetTest {

    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);
    private static final int THREADS = 8;

    /**
     * Starts far from zero, and off a whole number of slices, so that nothing depends on the ticker's origin: the
     * window is counted from the budget's creation, whatever the ticker read then.
     */
    private final AtomicLong nanos = new AtomicLong(-7_250_000_000L);
    private final Ticker ticker = nanos::get;

    @Test
    void tryAcquireRetry_whenHundredCallsAtRatioTenPercent_allowsExactlyTen() {
        RetryBudget budget = RetryBudget.ratio(0.1, 0, TEN_SECONDS, ticker);
        calls(budget, 100);

        assertEquals(10, grants(budget, 50));
    }

    @Test
    void tryAcquireRetry_whenNoCalls_floorAllowsMinRetriesPerSecondTimesWindow() {
        RetryBudget budget = new RatioBudget(0.1, 2, TEN_SECONDS, ticker);

        assertEquals(20, grants(budget, 50));
    }

    @Test
    void tryAcquireRetry_whenFloorAndCalls_addsBoth() {
        RetryBudget budget = new RatioBudget(0.2, 1, Duration.ofSeconds(5), ticker);
        calls(budget, 50);

        assertEquals(15, grants(budget, 50));
    }

    @Test
    void tryAcquireRetry_whenRatioAndFloorZero_refusesEveryRetry() {
        RetryBudget budget = new RatioBudget(0, 0, TEN_SECONDS, ticker);
        calls(budget, 1_000);

        assertEquals(0, grants(budget, 10));
    }

    @Test
    void tryAcquireRetry_whenProductRoundsBelowInteger_stillAllowsIt() {
        RetryBudget budget = new RatioBudget(0.29, 0, TEN_SECONDS, ticker); // 0.29 × 100 = 28.999999999999996
        calls(budget, 100);

        assertEquals(29, grants(budget, 50));
    }

    @Test
    void tryAcquireRetry_whenTheAllowanceIsWholeOnlyAfterRounding_grantsExactlyIt() {
        RetryBudget budget = RetryBudget.ratio(0.999_999_999, 0, TEN_SECONDS, ticker); // 1 call: 1 retry, once rounded
        budget.onCall();

        assertEquals(1, grants(budget, 5));
    }

    @Test
    void available_whenTheFloorAndCallsBothCount_tellsTheirSumLessTheRetriesTaken() {
        RetryBudget budget = RetryBudget.ratio(0.1, 1, TEN_SECONDS, ticker); // 10 from the floor, 1 per 10 calls
        calls(budget, 100);

        assertEquals(20.0, budget.available());
        assertEquals(5, grants(budget, 5));
        assertEquals(15.0, budget.available());
    }

    @Test
    void available_whenExactlyAWindowHasPassedInSilence_agreesWithTryAcquireRetry() {
        RetryBudget budget = RetryBudget.ratio(0.1, 0, TEN_SECONDS, ticker);
        calls(budget, 100); // slice 0
        assertEquals(10.0, budget.available());

        advance(TEN_SECONDS); // slice 10: slice 0's slot is reused, its counts are ten slices old

        assertEquals(0.0, budget.available());
        assertFalse(budget.tryAcquireRetry());
    }

    @Test
    void tryAcquireRetry_whenRefused_doesNotSpendAnything() {
        RetryBudget budget = new RatioBudget(0.1, 0, TEN_SECONDS, ticker);
        calls(budget, 10);
        assertTrue(budget.tryAcquireRetry());
        for (int i = 0; i < 100; i++) {
            assertFalse(budget.tryAcquireRetry());
        }

        calls(budget, 10);

        assertEquals(1, grants(budget, 10));
    }

    @Test
    void tryAcquireRetry_whenVirtualTimeAdvances_oldSlicesExpire() {
        RetryBudget budget = new RatioBudget(0.1, 0, TEN_SECONDS, ticker);
        calls(budget, 100); // t = 0 s, slice 0

        advance(Duration.ofSeconds(5));
        assertEquals(10, grants(budget, 20)); // slice 5

        advance(Duration.ofMillis(4_900)); // t = 9.9 s: slice 0 still counts
        calls(budget, 10);
        assertEquals(1, grants(budget, 20)); // 110 calls, 11 retries

        advance(Duration.ofMillis(100)); // t = 10 s: slice 0's 100 calls expire
        calls(budget, 100);
        assertFalse(budget.tryAcquireRetry()); // 110 calls, 11 retries

        advance(Duration.ofSeconds(5)); // t = 15 s: slice 5's 10 retries expire
        assertEquals(10, grants(budget, 20)); // 110 calls, 1 + 10 retries
    }

    @Test
    void tryAcquireRetry_whenWholeWindowPassesInOneJump_startsFromEmpty() {
        RetryBudget budget = new RatioBudget(1, 0, Duration.ofSeconds(1), ticker);
        calls(budget, 5);
        assertEquals(5, grants(budget, 10));

        advance(Duration.ofHours(3)); // same slot index, many windows later

        assertEquals(0, grants(budget, 10));
        calls(budget, 3);
        assertEquals(3, grants(budget, 10));
    }

    @Test
    void onSuccess_whenCalledMany_grantsNothingExtra() {
        RetryBudget budget = new RatioBudget(0.1, 0, TEN_SECONDS, ticker);
        calls(budget, 20);
        for (int i = 0; i < 1_000; i++) {
            budget.onSuccess();
        }

        assertEquals(2, grants(budget, 10));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.1, 1000.5, Double.NaN, Double.POSITIVE_INFINITY})
    void constructor_whenRatioOutOfRange_throwsNamingRatio(double ratio) {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> new RatioBudget(ratio, 0, TEN_SECONDS, ticker));

        assertEquals("ratio must be in [0.0, 1000.0], got " + ratio, e.getMessage());
    }

    @Test
    void constructor_whenFloorNegative_throwsNamingMinRetriesPerSecond() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> new RatioBudget(0.1, -1, TEN_SECONDS, ticker));

        assertEquals("minRetriesPerSecond must be >= 0, got -1", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 999_999_999L, 3_600_000_000_001L, -1_000_000_000L})
    void constructor_whenWindowOutOfRange_throwsNamingWindow(long windowNanos) {
        Duration window = Duration.ofNanos(windowNanos);

        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> new RatioBudget(0.1, 0, window, ticker));

        assertEquals("window must be between PT1S and PT1H, got " + window, e.getMessage());
    }

    @Test
    void constructor_whenNullArgument_throwsNamingIt() {
        NullPointerException noWindow = assertThrows(
                NullPointerException.class, () -> new RatioBudget(0.1, 0, null, ticker));
        NullPointerException noTicker = assertThrows(
                NullPointerException.class, () -> new RatioBudget(0.1, 0, TEN_SECONDS, null));

        assertEquals("window must not be null", noWindow.getMessage());
        assertEquals("ticker must not be null", noTicker.getMessage());
    }

    @Test
    void constructor_whenAtBounds_accepts() {
        RetryBudget shortest = new RatioBudget(0, 0, Duration.ofSeconds(1), ticker);
        RetryBudget longest = new RatioBudget(1000, 0, Duration.ofHours(1), ticker);
        calls(longest, 1);

        assertFalse(shortest.tryAcquireRetry());
        assertEquals(1000, grants(longest, 2000));
    }

    @Test
    void tryAcquireRetry_whenEightThreadsContend_grantsExactlyRatioTimesCalls() throws Exception {
        RetryBudget budget = new RatioBudget(0.1, 0, TEN_SECONDS, ticker);
        Concurrently.call(THREADS, Duration.ofSeconds(30), () -> {
            calls(budget, 1_000);
            return 0;
        });

        List<Integer> grantsPerThread = Concurrently.call(THREADS, Duration.ofSeconds(30), () -> grants(budget, 1_000));

        assertEquals(800, grantsPerThread.stream().mapToInt(Integer::intValue).sum());
        assertFalse(budget.tryAcquireRetry());
    }

    @Test
    void toString_whenCreated_showsConfiguration() {
        assertEquals("RetryBudget.ratio(ratio=0.1, minRetriesPerSecond=10, window=PT10S)",
                new RatioBudget(0.1, 10, TEN_SECONDS, ticker).toString());
    }

    private void advance(Duration by) {
        nanos.addAndGet(by.toNanos());
    }

    private static void calls(RetryBudget budget, int n) {
        for (int i = 0; i < n; i++) {
            budget.onCall();
        }
    }

    private static int grants(RetryBudget budget, int attempts) {
        int granted = 0;
        for (int i = 0; i < attempts; i++) {
            if (budget.tryAcquireRetry()) {
                granted++;
            }
        }
        return granted;
    }
}
