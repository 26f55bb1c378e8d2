package dev.secondchance.retry;

import dev.secondchance.retry.internal.ExecutorScheduler;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Runs a task after a delay: the asynchronous engine schedules its next attempt with it, so no thread is
 * parked while an async call waits.
 *
 * <p>Implementations must be thread-safe and must not run the task before the delay has passed.
 */
@FunctionalInterface
public interface Scheduler {

    /**
     * Schedules {@code task} to run once after {@code delay}.
     *
     * @param task the task; it must not be run on the caller's thread before this method returns
     * @param delay the delay; zero means as soon as possible
     * @return a handle whose {@link Future#cancel(boolean)} stops the task if it has not started
     */
    Future<?> schedule(Runnable task, Duration delay);

    /**
     * Returns the default scheduler: one shared daemon timer thread that only hands due tasks to
     * {@link java.util.concurrent.ForkJoinPool#commonPool()}, so a slow attempt never delays other timers.
     *
     * @return the default scheduler; thread-safe
     */
    static Scheduler system() {
        return ExecutorScheduler.system();
    }

    /**
     * Adapts a scheduled executor: the timer runs on {@code timer}, the task on {@code executor}.
     *
     * @param timer fires the delays; not shut down by this library
     * @param executor runs the tasks; use {@code Runnable::run} to run them on the timer thread
     * @return a scheduler over the two; thread-safe
     * @throws NullPointerException if an argument is null
     */
    static Scheduler of(ScheduledExecutorService timer, Executor executor) {
        return new ExecutorScheduler(timer, executor);
    }
}
