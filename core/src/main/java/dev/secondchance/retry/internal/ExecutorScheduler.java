package dev.secondchance.retry.internal;

import dev.secondchance.internal.Checks;
import dev.secondchance.internal.DaemonThreads;
import dev.secondchance.internal.Durations;
import dev.secondchance.retry.Scheduler;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** A timer that hands due tasks to an executor, so slow tasks never hold up other timers. */
public final class ExecutorScheduler implements Scheduler {

    private final ScheduledExecutorService timer;
    private final Executor executor;

    public ExecutorScheduler(ScheduledExecutorService timer, Executor executor) {
        this.timer = Checks.notNull(timer, "timer");
        this.executor = Checks.notNull(executor, "executor");
    }

    /** One daemon timer thread for the whole JVM, created on first use, feeding the common pool. */
    public static Scheduler system() {
        return SystemTimer.SCHEDULER;
    }

    @Override
    public Future<?> schedule(Runnable task, Duration delay) {
        Checks.notNull(task, "task");
        return timer.schedule(() -> executor.execute(task), Math.max(0, Durations.saturatedNanos(delay)),
                TimeUnit.NANOSECONDS);
    }

    private static final class SystemTimer {
        static final Scheduler SCHEDULER = new ExecutorScheduler(newTimer(), ForkJoinPool.commonPool());

        private static ScheduledExecutorService newTimer() {
            ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1,
                    DaemonThreads.named("secondchance-timer"));
            timer.setRemoveOnCancelPolicy(true);
            return timer;
        }
    }
}
