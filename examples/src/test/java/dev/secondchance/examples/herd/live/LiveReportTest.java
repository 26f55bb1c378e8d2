package dev.secondchance.examples.herd.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondchance.examples.report.Check;
import dev.secondchance.retry.EndReason;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class LiveReportTest {

    private static final LiveSettings SETTINGS = new LiveSettings(Path.of("out"), 1, 1000, 200, Duration.ofSeconds(2),
            Duration.ofSeconds(20), Duration.ofSeconds(2), LiveStrategies.standard(), true, false);

    @Test
    void floor_isTheOutagePlusClientsOverCapacity() {
        assertEquals(Duration.ofSeconds(7), SETTINGS.floor());
    }

    @Test
    void checks_whenALibraryStrategyMeetsAllThree_holds() {
        LiveReport report = new LiveReport(SETTINGS, List.of(
                result(LiveStrategies.NO_BACKOFF, 20_000, 600, 7_000),
                result(LiveStrategies.EXPONENTIAL_NO_JITTER, 5_000, 500, -1),
                result(LiveStrategies.DEFAULT_BACKOFF, 4_000, 40, 11_000),
                result(LiveStrategies.ADAPTIVE, 2_400, 30, 13_900)));

        List<Check> checks = report.checks();

        assertTrue(checks.stream().allMatch(Check::holds), checks.toString());
        assertEquals(List.of(LiveStrategies.ADAPTIVE),
                report.meetingBestTarget().stream().map(LiveResult::strategy).toList());
    }

    @Test
    void checks_whenNoLibraryStrategyStaysUnderThePeak_bestTargetFails() {
        LiveReport report = new LiveReport(SETTINGS, List.of(
                result(LiveStrategies.DEFAULT_BACKOFF, 2_400, 31, 11_000),
                result(LiveStrategies.NO_BACKOFF, 2_000, 20, 7_000)));

        Check best = report.checks().get(report.checks().size() - 1);

        assertFalse(best.holds());
        assertTrue(report.meetingBestTarget().isEmpty(), "no backoff is not a library strategy");
    }

    private static LiveResult result(String strategy, long requests, int peak, long allDoneMs) {
        int gaveUp = allDoneMs < 0 ? 100 : 0;
        return new LiveResult(strategy, 1000, requests, requests - 1000 + gaveUp, peak,
                allDoneMs < 0 ? OptionalLong.empty() : OptionalLong.of(allDoneMs), Math.max(allDoneMs, 20_000),
                gaveUp, Map.of(EndReason.SUCCESS, 1000 - gaveUp), new int[300], new int[300], Duration.ofMillis(100),
                Duration.ofSeconds(2));
    }
}
