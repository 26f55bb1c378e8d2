package dev.secondchance.examples.herd.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondchance.examples.herd.live.LiveStrategy.Role;
import dev.secondchance.examples.report.Check;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class LiveReportTest {

    private static final LiveSettings SETTINGS = new LiveSettings(Path.of("out"), 1, 1000, 200, Duration.ofSeconds(2),
            Duration.ofSeconds(15), Duration.ofSeconds(2), LiveStrategies.all(), List.of(LiveMode.values()), true,
            false);

    @Test
    void floor_isTheOutagePlusClientsOverCapacity() {
        assertEquals(Duration.ofSeconds(7), SETTINGS.floor());
    }

    @Test
    void checks_whenALibraryRowMeetsItsModesTarget_holds() {
        LiveReport report = new LiveReport(SETTINGS, List.of(
                result(LiveMode.SHARED, LiveStrategies.NO_BACKOFF, Role.CONTRAST, 20_000, 600, 7_000),
                result(LiveMode.SHARED, LiveStrategies.ADAPTIVE, Role.LIBRARY, 2_100, 24, 8_400),
                result(LiveMode.FLEET, LiveStrategies.ADAPTIVE, Role.LIBRARY, 2_900, 30, 13_900),
                result(LiveMode.FLEET, LiveStrategies.LIBRARY_DEFAULT, Role.LIBRARY_DEFAULT, 3_000, 35, 12_000),
                result(LiveMode.FLEET, "resilience4j", Role.PEER_DEFAULT, 5_000, 50, 12_000)));

        List<Check> checks = report.checks();

        assertEquals(3, checks.size(), checks.toString());
        assertTrue(checks.stream().allMatch(Check::holds), checks.toString());
        assertEquals(2, report.meetingBestTarget().size());
    }

    @Test
    void checks_whenTheBestSharedRowMissesThePeakByOne_isNotMet() {
        LiveReport report = new LiveReport(SETTINGS, List.of(
                result(LiveMode.SHARED, LiveStrategies.ADAPTIVE, Role.LIBRARY, 2_100, 25, 8_400),
                result(LiveMode.SHARED, LiveStrategies.NO_BACKOFF, Role.CONTRAST, 2_000, 20, 7_000)));

        Check best = report.checks().get(0);

        assertFalse(best.holds(), best.line());
        assertTrue(report.meetingBestTarget().isEmpty(), "no backoff is not a library row");
    }

    @Test
    void checks_whenAPeerDefaultGetsEveryoneDoneWithFewerRequests_defaultTargetIsNotMet() {
        LiveReport report = new LiveReport(SETTINGS, List.of(
                result(LiveMode.FLEET, LiveStrategies.LIBRARY_DEFAULT, Role.LIBRARY_DEFAULT, 3_000, 35, 12_000),
                result(LiveMode.FLEET, "sdk-adaptive-2026", Role.PEER_DEFAULT, 2_500, 40, 13_000)));

        Check check = report.checks().stream().filter(c -> c.claim().contains("every peer")).findFirst().orElseThrow();

        assertFalse(check.holds(), check.line());
    }

    @Test
    void checks_whenAPeerDefaultSendsFewerRequestsBecauseItsClientsGaveUp_doesNotCountItAsBetter() {
        LiveReport report = new LiveReport(SETTINGS, List.of(
                result(LiveMode.FLEET, LiveStrategies.LIBRARY_DEFAULT, Role.LIBRARY_DEFAULT, 3_000, 35, 12_000),
                result(LiveMode.FLEET, "sdk-standard-2026", Role.PEER_DEFAULT, 2_500, 1, -1)));

        Check check = report.checks().stream().filter(c -> c.claim().contains("every peer")).findFirst().orElseThrow();

        assertTrue(check.holds(), check.line());
        assertTrue(check.line().contains("sdk-standard-2026 2,500, 1, gave up 100"), check.line());
    }

    @Test
    void checks_whenTheDefaultItselfLeavesClientsBehind_defaultTargetIsNotMet() {
        LiveReport report = new LiveReport(SETTINGS, List.of(
                result(LiveMode.FLEET, LiveStrategies.LIBRARY_DEFAULT, Role.LIBRARY_DEFAULT, 1_100, 0, -1),
                result(LiveMode.FLEET, "resilience4j", Role.PEER_DEFAULT, 5_000, 100, 12_000)));

        Check check = report.checks().stream().filter(c -> c.claim().contains("every peer")).findFirst().orElseThrow();

        assertFalse(check.holds(), check.line());
    }

    @Test
    void checks_whenTheDefaultSendsEarlyInTheHintScenario_isNotMet() {
        LiveResult early = new LiveResult(LiveStrategies.LIBRARY_DEFAULT, LiveMode.HINT, Role.LIBRARY_DEFAULT, 1000,
                2_000, 1_000, 30, OptionalLong.of(9_000), 9_000, 0, 1, Map.of("SUCCESS", 1000), new int[150],
                new int[150], Duration.ofMillis(100), Duration.ofSeconds(2));
        LiveReport report = new LiveReport(SETTINGS, List.of(early,
                result(LiveMode.HINT, LiveStrategies.HINT_EXACT, Role.CONTRAST, 5_000, 900, 12_000)));

        List<Check> checks = report.checks();

        assertFalse(checks.get(0).holds(), checks.get(0).line());
        assertTrue(checks.get(1).holds(), checks.get(1).line());
    }

    private static LiveResult result(LiveMode mode, String strategy, Role role, long requests, int peak,
            long allDoneMs) {
        int gaveUp = allDoneMs < 0 ? 100 : 0;
        return new LiveResult(strategy, mode, role, 1000, requests, requests - 1000 + gaveUp, peak,
                allDoneMs < 0 ? OptionalLong.empty() : OptionalLong.of(allDoneMs), Math.max(allDoneMs, 15_000),
                gaveUp, 0, Map.of("SUCCESS", 1000 - gaveUp), new int[300], new int[300], Duration.ofMillis(100),
                Duration.ofSeconds(2));
    }
}
