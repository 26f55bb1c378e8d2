package dev.secondchance.examples.report;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Reports progress of a long run on a stream (standard error by default), at most once a second plus
 * the final line, so that the results on standard output stay clean. Thread-safe (a short lock, no
 * {@code synchronized}).
 */
public final class Progress {

    private static final long INTERVAL_NANOS = 1_000_000_000L;

    private final PrintStream out;
    private final String label;
    private final long start = System.nanoTime();
    private final ReentrantLock lock = new ReentrantLock();
    private long lastReport = start;

    /**
     * @param out where to write
     * @param label what is running, for example {@code "simulation"}
     */
    public Progress(PrintStream out, String label) {
        this.out = out;
        this.label = label;
    }

    /**
     * Reports {@code done} of {@code total} if a second has passed since the last report, or if done.
     *
     * @param done units finished
     * @param total units in all
     * @param unit what a unit is, plural
     */
    public void update(long done, long total, String unit) {
        lock.lock();
        try {
            long now = System.nanoTime();
            if (done < total && now - lastReport < INTERVAL_NANOS) {
                return;
            }
            lastReport = now;
            out.printf(Locale.ROOT, "  [%s] %3d%%  %d of %d %s, %.1f s%n", label,
                    total == 0 ? 100 : done * 100 / total, done, total, unit, (now - start) / 1e9);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Reports a free-form line, if a second has passed since the last report or {@code force} is set.
     *
     * @param line what to say
     * @param force report even if the last report was less than a second ago
     */
    public void note(String line, boolean force) {
        lock.lock();
        try {
            long now = System.nanoTime();
            if (!force && now - lastReport < INTERVAL_NANOS) {
                return;
            }
            lastReport = now;
            out.printf(Locale.ROOT, "  [%s] %s%n", label, line);
        } finally {
            lock.unlock();
        }
    }

    /** @return seconds since this progress was created */
    public double elapsedSeconds() {
        return (System.nanoTime() - start) / 1e9;
    }
}
