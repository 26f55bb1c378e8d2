package dev.secondchance.examples.payments;

import dev.secondchance.retry.RetryPolicyBuilder;
import dev.secondchance.retry.Scheduler;
import dev.secondchance.retry.Sleeper;
import dev.secondchance.retry.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The time line of a run: one wall clock (leases in the store), ticker (waits and deadlines), sleeper and
 * scheduler (heartbeats), shared by the client's retry policy, the executors and the store. Either the
 * system's, or {@link SimulatedTime}, on which waiting out a lease takes no real time.
 *
 * @param clock the wall clock
 * @param ticker the monotonic time source
 * @param sleeper waits
 * @param scheduler runs heartbeats
 * @param simulated true for {@link SimulatedTime}
 */
public record PaymentsTime(Clock clock, Ticker ticker, Sleeper sleeper, Scheduler scheduler, boolean simulated) {

    /** Checks the fields. */
    public PaymentsTime {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(scheduler, "scheduler");
    }

    /** @return the system's time */
    public static PaymentsTime systemTime() {
        return new PaymentsTime(Clock.systemUTC(), Ticker.system(), Sleeper.system(), Scheduler.system(), false);
    }

    /** @return a new simulated time line, starting at the current second */
    public static PaymentsTime simulatedTime() {
        SimulatedTime time = new SimulatedTime();
        return new PaymentsTime(time.clock(), time, time, Scheduler.system(), true);
    }

    /**
     * Installs this time line in a retry policy builder.
     *
     * @param builder a builder
     * @return {@code builder}
     */
    public RetryPolicyBuilder install(RetryPolicyBuilder builder) {
        return builder.ticker(ticker).wallClock(clock).sleeper(sleeper).scheduler(scheduler);
    }

    /** @return the time elapsed on this time line since {@code start}, a value of {@link Ticker#nanoTime()} */
    public Duration since(long start) {
        return Duration.ofNanos(ticker.nanoTime() - start);
    }
}
