package dev.secondchance.retry.testing;

import dev.secondchance.retry.RetryPolicyBuilder;
import dev.secondchance.retry.Scheduler;
import dev.secondchance.retry.Sleeper;
import dev.secondchance.retry.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A virtual clock for tests: one time line that serves as ticker, wall clock, sleeper and scheduler.
 * Sleeping advances time at once and records the delay; scheduled tasks wait in a queue until
 * {@link #runDueTasks()} or {@link #advance(Duration)} runs them, or, with {@link #autoRun()}, run on the
 * common pool as soon as they are scheduled, after time has advanced to their due time. Thread-safe.
 */
public final class VirtualTime implements Ticker, Sleeper, Scheduler {

    private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    private final AtomicLong nanos = new AtomicLong();
    /** Histories that only grow: appended in O(1), copied when read (a copy-on-write list made each add O(n)). */
    private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
    private final List<Duration> scheduledDelays = Collections.synchronizedList(new ArrayList<>());
    private final ReentrantLock lock = new ReentrantLock();
    private final PriorityQueue<Task> queue =
            new PriorityQueue<>(Comparator.comparingLong((Task task) -> task.due).thenComparingLong(task -> task.order));
    private volatile boolean autoRun;
    private long sequence;

    /** Makes a time line at 0 (its wall clock at 2026-01-01T00:00:00Z) whose scheduled tasks wait to be run. */
    public VirtualTime() {}

    /**
     * Makes scheduled tasks run on the common pool at once, with time advanced to their due time.
     *
     * @return this time line
     */
    public VirtualTime autoRun() {
        autoRun = true;
        return this;
    }

    /**
     * Installs this time line as ticker, wall clock, sleeper and scheduler of {@code builder}.
     *
     * @param builder the policy's builder, changed in place
     * @return {@code builder}
     */
    public RetryPolicyBuilder install(RetryPolicyBuilder builder) {
        return builder.ticker(this).wallClock(wallClock()).sleeper(this).scheduler(this);
    }

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    /** @return a wall clock on this time line, starting at 2026-01-01T00:00:00Z */
    public Clock wallClock() {
        return new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Instant instant() {
                return EPOCH.plusNanos(nanos.get());
            }
        };
    }

    /** @return the virtual time elapsed since creation */
    public Duration elapsed() {
        return Duration.ofNanos(nanos.get());
    }

    @Override
    public void sleep(Duration delay) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("virtual sleep interrupted");
        }
        sleeps.add(delay);
        advanceClockOnly(delay);
    }

    /** @return every delay passed to {@link #sleep}, in order */
    public List<Duration> sleeps() {
        return snapshot(sleeps);
    }

    /** @return every delay passed to {@link #schedule}, in order */
    public List<Duration> scheduledDelays() {
        return snapshot(scheduledDelays);
    }

    private static List<Duration> snapshot(List<Duration> history) {
        synchronized (history) {
            return List.copyOf(history);
        }
    }

    @Override
    public Future<?> schedule(Runnable task, Duration delay) {
        scheduledDelays.add(delay);
        if (autoRun) {
            return ForkJoinPool.commonPool().submit(() -> {
                advanceClockOnly(delay);
                task.run();
            });
        }
        lock.lock();
        try {
            Task queued = new Task(task, nanos.get() + delay.toNanos(), sequence++);
            queue.add(queued);
            return queued;
        } finally {
            lock.unlock();
        }
    }

    /** @return how many scheduled tasks wait in the queue */
    public int pendingTasks() {
        lock.lock();
        try {
            return (int) queue.stream().filter(task -> !task.isCancelled()).count();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Advances time by {@code delay}, running each task that falls due, at its due time.
     *
     * @param delay how far to advance
     */
    public void advance(Duration delay) {
        long target = nanos.get() + delay.toNanos();
        Task next;
        while ((next = pollDue(target)) != null) {
            nanos.accumulateAndGet(next.due, Math::max);
            next.run();
        }
        nanos.accumulateAndGet(target, Math::max);
    }

    /** Runs queued tasks in due order, advancing time to each, until none is left. */
    public void runDueTasks() {
        Task next;
        while ((next = pollDue(Long.MAX_VALUE)) != null) {
            nanos.accumulateAndGet(next.due, Math::max);
            next.run();
        }
    }

    private Task pollDue(long target) {
        lock.lock();
        try {
            while (!queue.isEmpty()) {
                Task head = queue.peek();
                if (head.due > target) {
                    return null;
                }
                queue.poll();
                if (!head.isCancelled()) {
                    return head;
                }
            }
            return null;
        } finally {
            lock.unlock();
        }
    }

    private void advanceClockOnly(Duration delay) {
        nanos.addAndGet(Math.max(0, delay.toNanos()));
    }

    private static final class Task implements Future<Object> {
        private final Runnable body;
        private final long due;
        private final long order;
        private volatile boolean cancelled;
        private volatile boolean done;

        Task(Runnable body, long due, long order) {
            this.body = body;
            this.due = due;
            this.order = order;
        }

        void run() {
            done = true;
            body.run();
        }


        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            if (done) {
                return false;
            }
            cancelled = true;
            return true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return done || cancelled;
        }

        @Override
        public Object get() {
            return null;
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            return null;
        }
    }

}
