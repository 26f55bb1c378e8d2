package dev.secondchance.examples.herd.simulated;

import dev.secondchance.retry.Backoff;
import dev.secondchance.retry.Jitter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The schedules the simulation compares: Brooker's five with his parameters, the library's presets, and
 * on request candidate presets. Every one is built from the library's public {@link Backoff} factories.
 */
public final class Schedules {

    /** Brooker's base: 5 ms (his {@code expo(n) = min(cap, base · 2^n)} with n = 1 at the first failure). */
    public static final Duration BROOKER_BASE = Duration.ofMillis(5);

    /** Brooker's cap: 2 s. */
    public static final Duration BROOKER_CAP = Duration.ofSeconds(2);

    /** Brooker's growth factor: 2. */
    public static final double BROOKER_MULTIPLIER = 2.0;

    /** Name of Brooker's full-jitter schedule, the reference of the target. */
    public static final String FULL_JITTER = "full-jitter";

    /** Name of Brooker's exponential schedule without jitter. */
    public static final String EXPONENTIAL_NO_JITTER = "exponential-no-jitter";

    /** Name of Brooker's equal-jitter schedule. */
    public static final String EQUAL_JITTER = "equal-jitter";

    /** Name of Brooker's decorrelated-jitter schedule. */
    public static final String DECORRELATED_JITTER = "decorrelated-jitter";

    /** Name of the no-backoff schedule. */
    public static final String NO_BACKOFF = "no-backoff";

    private Schedules() {}

    /**
     * The schedules of the issue: Brooker's five, the library's {@link Backoff#classic()} default and
     * {@link Backoff#contention()} preset, and the peers' schedules ({@link PeerSchedules}).
     *
     * @return the schedules, in the order of the report
     */
    public static List<Schedule> standard() {
        List<Schedule> all = new ArrayList<>(List.of(
                new Schedule(NO_BACKOFF, "none", "retry at once (Backoff.none())", Backoff.none(), false),
                new Schedule(EXPONENTIAL_NO_JITTER, "expo", "Brooker: min(2 s, 5 ms x 2^n), no jitter",
                        brooker(Jitter.NONE), false),
                new Schedule(FULL_JITTER, "full", "Brooker: uniform [0, min(2 s, 5 ms x 2^n))",
                        brooker(Jitter.FULL), false),
                new Schedule(EQUAL_JITTER, "equal", "Brooker: e/2 + uniform [0, e/2), e = min(2 s, 5 ms x 2^n)",
                        brooker(Jitter.EQUAL), false),
                new Schedule(DECORRELATED_JITTER, "decorr", "Brooker: min(2 s, uniform [5 ms, 3 x previous))",
                        Backoff.decorrelatedJitter(BROOKER_BASE, BROOKER_CAP), false),
                new Schedule("library-default", "default", "Backoff.classic(): uniform [0, min(5 s, 100 ms x 4^n))",
                        Backoff.classic(), true),
                new Schedule("library-contention", "contention",
                        "Backoff.contention(): uniform [0, min(1 s, 100 ms x 4^n))",
                        Backoff.contention(), true)));
        all.addAll(PeerSchedules.all());
        return List.copyOf(all);
    }

    /**
     * Candidate presets for contention, to show which values would meet the target: full jitter,
     * {@code base × 4^n}, with other bases and caps than the library's presets.
     *
     * @return the candidates
     */
    public static List<Schedule> candidates() {
        List<Schedule> candidates = new ArrayList<>();
        int[][] baseAndCapMillis = {{25, 1000}, {50, 500}, {50, 1000}, {50, 2000}, {100, 500}, {100, 2000}};
        for (int[] values : baseAndCapMillis) {
            candidates.add(candidate(values[0], values[1]));
        }
        return candidates;
    }

    /**
     * A candidate preset: full jitter, {@code min(cap, base × 4^n)}.
     *
     * @param baseMillis the base in milliseconds
     * @param capMillis the cap in milliseconds
     * @return the schedule, named {@code candidate-<base>ms-cap-<cap>ms}
     */
    public static Schedule candidate(int baseMillis, int capMillis) {
        return new Schedule("candidate-" + baseMillis + "ms-cap-" + capMillis + "ms", baseMillis + "/" + capMillis,
                "candidate: uniform [0, min(" + capMillis + " ms, " + baseMillis + " ms x 4^n))",
                Backoff.exponential(Duration.ofMillis(baseMillis), Backoff.CLASSIC_MULTIPLIER,
                        Duration.ofMillis(capMillis), Jitter.FULL),
                true);
    }

    private static Backoff brooker(Jitter jitter) {
        return Backoff.exponential(BROOKER_BASE, BROOKER_MULTIPLIER, BROOKER_CAP, jitter);
    }
}
