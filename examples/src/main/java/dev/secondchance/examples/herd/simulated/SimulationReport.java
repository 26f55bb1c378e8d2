package dev.secondchance.examples.herd.simulated;

import dev.secondchance.examples.report.Check;
import dev.secondchance.examples.report.TextTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns the sweep's results into what a person reads: tables of calls and completion time against N, a
 * close-up at the reference N with standard errors, the published shape and the target as {@link Check}s,
 * and a summary of a few lines.
 */
public final class SimulationReport {

    /** The target: a library schedule needs at most this fraction of full jitter's calls... */
    public static final double TARGET_CALLS_RATIO = 0.6;

    /** ...in at most this fraction of its time. */
    public static final double TARGET_TIME_RATIO = 0.85;

    /** How close full and equal jitter's calls must be to count as "similar work". */
    public static final double SIMILAR_WORK_TOLERANCE = 0.10;

    private final List<Schedule> schedules;
    private final List<PointResult> points;
    private final int referenceClients;

    /**
     * @param schedules the schedules, in the order of the columns
     * @param points the sweep's results
     * @param referenceClients the N of the close-up and the checks; must be one of the swept N
     */
    public SimulationReport(List<Schedule> schedules, List<PointResult> points, int referenceClients) {
        this.schedules = List.copyOf(schedules);
        this.points = List.copyOf(points);
        this.referenceClients = referenceClients;
    }

    /** @return mean calls, one row per N, one column per schedule */
    public String callsTable() {
        return sweepTable(true);
    }

    /** @return mean completion times in milliseconds, one row per N, one column per schedule */
    public String completionTable() {
        return sweepTable(false);
    }

    /** @return the close-up at the reference N: means, standard errors and ratios to full jitter */
    public String referenceTable() {
        PointResult full = at(Schedules.FULL_JITTER).orElse(null);
        TextTable table = new TextTable("strategy", "calls", "± s.e.", "x full", "completion ms", "± s.e.", "x full");
        for (Schedule schedule : schedules) {
            PointResult point = at(schedule.name()).orElseThrow();
            table.row(schedule.name(), format("%.1f", point.meanCalls()), format("%.1f", point.callsStandardError()),
                    full == null ? "" : format("%.2f", point.meanCalls() / full.meanCalls()),
                    format("%.0f", point.meanCompletionMs()), format("%.0f", point.completionStandardErrorMs()),
                    full == null ? "" : format("%.2f", point.meanCompletionMs() / full.meanCompletionMs()));
        }
        return table.render();
    }

    /** @return one line per schedule: its label, name and what it is */
    public String legend() {
        TextTable table = new TextTable("label", "strategy", "schedule (n = failures so far, from 1)");
        for (Schedule schedule : schedules) {
            table.row(schedule.label(), schedule.name(), schedule.description());
        }
        return table.render();
    }

    /**
     * The published shape at the reference N, and the target. Empty if Brooker's schedules are missing.
     *
     * @return the checks, the target's last
     */
    public List<Check> checks() {
        Optional<PointResult> full = at(Schedules.FULL_JITTER);
        Optional<PointResult> expo = at(Schedules.EXPONENTIAL_NO_JITTER);
        Optional<PointResult> equal = at(Schedules.EQUAL_JITTER);
        Optional<PointResult> decorr = at(Schedules.DECORRELATED_JITTER);
        if (full.isEmpty() || expo.isEmpty() || equal.isEmpty() || decorr.isEmpty()) {
            return List.of();
        }
        PointResult f = full.get();
        PointResult x = expo.get();
        PointResult q = equal.get();
        PointResult d = decorr.get();
        List<Check> checks = new ArrayList<>();
        checks.add(new Check("full jitter needs less than half the calls of exponential without jitter",
                f.meanCalls() < 0.5 * x.meanCalls(), ratio(f.meanCalls(), x.meanCalls(), "calls")));
        double workGap = Math.abs(q.meanCalls() / f.meanCalls() - 1);
        checks.add(new Check("full and equal jitter do similar work (within 10 %)",
                workGap <= SIMILAR_WORK_TOLERANCE, ratio(q.meanCalls(), f.meanCalls(), "calls, equal vs full")));
        checks.add(new Check("equal jitter is slower than full", q.meanCompletionMs() > f.meanCompletionMs(),
                ratio(q.meanCompletionMs(), f.meanCompletionMs(), "ms, equal vs full")));
        checks.add(new Check("decorrelated jitter does more work than full", d.meanCalls() > f.meanCalls(),
                ratio(d.meanCalls(), f.meanCalls(), "calls, decorrelated vs full")));
        checks.add(new Check("decorrelated jitter finishes a little sooner than full",
                d.meanCompletionMs() < f.meanCompletionMs(),
                ratio(d.meanCompletionMs(), f.meanCompletionMs(), "ms, decorrelated vs full")));
        checks.add(new Check("exponential without jitter is by far the slowest of Brooker's and the library's",
                slowest(x),
                ratio(x.meanCompletionMs(), f.meanCompletionMs(), "ms, exponential vs full")));
        checks.add(target(f));
        return checks;
    }

    /** @return the library schedules that meet the target at the reference N, best (fewest calls) first */
    public List<PointResult> meetingTarget() {
        Optional<PointResult> full = at(Schedules.FULL_JITTER);
        List<PointResult> meeting = new ArrayList<>();
        if (full.isEmpty()) {
            return meeting;
        }
        for (Schedule schedule : schedules) {
            PointResult point = at(schedule.name()).orElseThrow();
            if (schedule.library() && meetsTarget(point, full.get())) {
                meeting.add(point);
            }
        }
        meeting.sort((a, b) -> Double.compare(a.meanCalls(), b.meanCalls()));
        return meeting;
    }

    /**
     * @param name a schedule's name
     * @return its result at the reference N
     */
    public Optional<PointResult> at(String name) {
        return points.stream().filter(p -> p.schedule().equals(name) && p.clients() == referenceClients).findFirst();
    }

    /** @return the reference N */
    public int referenceClients() {
        return referenceClients;
    }

    private Check target(PointResult full) {
        StringBuilder evidence = new StringBuilder();
        boolean any = false;
        for (Schedule schedule : schedules) {
            if (!schedule.library()) {
                continue;
            }
            PointResult point = at(schedule.name()).orElseThrow();
            boolean meets = meetsTarget(point, full);
            any |= meets;
            evidence.append(format("%n        %s %.2f x calls, %.2f x time%s", schedule.name(),
                    point.meanCalls() / full.meanCalls(), point.meanCompletionMs() / full.meanCompletionMs(),
                    meets ? " (meets it)" : ""));
        }
        return new Check(format("target: a library schedule needs <= %.1f x the calls of full jitter in <= %.2f x "
                + "its time", TARGET_CALLS_RATIO, TARGET_TIME_RATIO), any, evidence.toString());
    }

    private static boolean meetsTarget(PointResult point, PointResult full) {
        return point.meanCalls() <= TARGET_CALLS_RATIO * full.meanCalls()
                && point.meanCompletionMs() <= TARGET_TIME_RATIO * full.meanCompletionMs();
    }

    private boolean slowest(PointResult expo) {
        for (Schedule schedule : schedules) {
            PointResult point = at(schedule.name()).orElseThrow();
            if (PeerSchedules.NAMES.contains(schedule.name())) {
                continue; // the published shape is about Brooker's schedules (and ours); a peer may be slower still
            }
            if (point != expo && point.meanCompletionMs() * 2 > expo.meanCompletionMs()) {
                return false;
            }
        }
        return true;
    }

    private String sweepTable(boolean calls) {
        List<Object> header = new ArrayList<>();
        header.add("N");
        for (Schedule schedule : schedules) {
            header.add(schedule.label());
        }
        TextTable table = new TextTable(header.stream().map(String::valueOf).toArray(String[]::new));
        List<Integer> clientCounts = points.stream().map(PointResult::clients).distinct().sorted().toList();
        for (int clients : clientCounts) {
            List<Object> row = new ArrayList<>();
            row.add(clients);
            for (Schedule schedule : schedules) {
                PointResult point = points.stream()
                        .filter(p -> p.schedule().equals(schedule.name()) && p.clients() == clients)
                        .findFirst().orElseThrow();
                row.add(format("%.0f", calls ? point.meanCalls() : point.meanCompletionMs()));
            }
            table.row(row.toArray());
        }
        return table.render();
    }

    private static String ratio(double a, double b, String unit) {
        return format("%.1f vs %.1f %s (%.2f x)", a, b, unit, a / b);
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
