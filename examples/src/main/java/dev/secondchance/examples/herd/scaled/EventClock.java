package dev.secondchance.examples.herd.scaled;

import dev.secondchance.retry.RetryPolicyBuilder;
import dev.secondchance.retry.Scheduler;
import dev.secondchance.retry.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.PriorityQueue;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A virtual clock for a million events: the policies' {@link Ticker}, wall clock and {@link Scheduler}, and
 * a queue of tasks run in due order, each at its due time. Nothing waits in real time. Unlike the test kit's
 * {@code VirtualTime} it keeps no history of the delays asked for, so its cost per event stays constant.
 * One thread runs it; not thread-safe.
 */
final class EventClock implements Ticker, Scheduler {

    private final PriorityQueue<Task> queue = new PriorityQueue<>();
    private long now;
    private long sequence;

    /**
     * @param builder a policy builder
     * @return the builder, on this clock
     */
    RetryPolicyBuilder install(RetryPolicyBuilder builder) {
        return builder.ticker(this).wallClock(wallClock()).scheduler(this);
    }

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public Future<?> schedule(Runnable task, Duration delay) {
        Task queued = new Task(task, now + Math.max(0, delay.toNanos()), sequence++);
        queue.add(queued);
        return queued;
    }

    /** Runs every task in due order, moving the clock to each, until none is left. */
    void run() {
        Task next;
        while ((next = queue.poll()) != null) {
            if (!next.cancelled) {
                now = Math.max(now, next.due);
                next.done = true;
                next.body.run();
            }
        }
    }

    private Clock wallClock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.EPOCH.plusNanos(now);
            }
        };
    }

    private static final class Task implements Future<Object>, Comparable<Task> {
        private final Runnable body;
        private final long due;
        private final long order;
        private boolean cancelled;
        private boolean done;

        Task(Runnable body, long due, long order) {
            this.body = body;
            this.due = due;
            this.order = order;
        }

        @Override
        public int compareTo(Task other) {
            int byDue = Long.compare(due, other.due);
            return byDue != 0 ? byDue : Long.compare(order, other.order);
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
