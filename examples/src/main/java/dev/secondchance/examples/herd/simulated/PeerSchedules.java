package dev.secondchance.examples.herd.simulated;

import dev.failsafe.RetryPolicyConfig;
import dev.failsafe.internal.util.RandomDelay;
import dev.secondchance.retry.Backoff;
import dev.secondchance.retry.RandomSource;
import io.github.resilience4j.core.IntervalFunction;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import software.amazon.awssdk.retries.api.BackoffStrategy;

/**
 * The peers' schedules for Brooker's model, each computed by the peer's own code behind the {@link Backoff}
 * interface the simulation asks: the AWS SDK's {@code BackoffStrategy.exponentialDelay} with its legacy
 * (100 ms) and 2026 (50 ms) base delays and its 20 s cap; resilience4j's
 * {@code IntervalFunction.ofExponentialRandomBackoff()}; Failsafe's {@code withBackoff(1, 30, SECONDS)} and
 * {@code withJitter(.1)}, its exponential delay read from its built policy's configuration and jittered by its
 * own {@code RandomDelay}. Every draw comes from the simulation's seeded random source (the peers' own draws
 * cannot be seeded): the SDK's window by its {@code exponentialDelayWithoutJitter}, drawn uniformly below it as
 * its {@code exponentialDelay} does; resilience4j's intervals by its {@code ofExponentialBackoff}, randomized by
 * its default factor as {@code ofExponentialRandomBackoff} does.
 */
public final class PeerSchedules {

    /** The peers' schedules' names. */
    public static final List<String> NAMES = List.of("sdk-legacy", "sdk-2026", "resilience4j", "failsafe");

    private static final Duration SDK_CAP = Duration.ofSeconds(20);
    private static final Duration NO_CAP = Duration.ofDays(1);

    private PeerSchedules() {}

    /** @return the peers' schedules, in the order of the report */
    public static List<Schedule> all() {
        return List.of(
                sdk("sdk-legacy", "sdk 2.0", Duration.ofMillis(100)),
                sdk("sdk-2026", "sdk 2.1", Duration.ofMillis(50)),
                new Schedule("resilience4j", "r4j", "resilience4j ofExponentialRandomBackoff(): 500 ms x 1.5^(n-1) "
                        + "+-50 %, no cap", resilience4j(), false),
                new Schedule("failsafe", "failsafe", "Failsafe withBackoff(1 s, 30 s) withJitter(.1): "
                        + "min(30 s, 1 s x 2^(n-1)) +-10 %", failsafe(), false));
    }

    private static Schedule sdk(String name, String label, Duration base) {
        // The SDK's window by its own code (exponentialDelay draws uniformly below the same window); the SDK
        // numbers attempts, so the wait before attempt n + 1 is computeDelay(n + 1).
        BackoffStrategy window = BackoffStrategy.exponentialDelayWithoutJitter(base, SDK_CAP);
        return new Schedule(name, label, "AWS SDK exponentialDelay(" + base.toMillis() + " ms, 20 s): uniform [0, "
                + "min(20 s, " + base.toMillis() + " ms x 2^(n-1)))", new PeerBackoff(SDK_CAP,
                (failures, random) -> Duration.ofNanos((long) (random.nextDouble()
                        * window.computeDelay(Math.min(failures, 1_000) + 1).toNanos()))), false);
    }

    private static Backoff resilience4j() {
        // ofExponentialRandomBackoff() = these intervals, each randomized to interval +- factor x interval
        IntervalFunction intervals = IntervalFunction.ofExponentialBackoff(IntervalFunction.DEFAULT_INITIAL_INTERVAL,
                IntervalFunction.DEFAULT_MULTIPLIER);
        double factor = IntervalFunction.DEFAULT_RANDOMIZATION_FACTOR;
        return new PeerBackoff(NO_CAP, (failures, random) -> {
            double interval = intervals.apply(Math.min(failures, 60));
            return Duration.ofNanos((long) ((interval * (1 - factor) + random.nextDouble() * 2 * factor * interval)
                    * 1_000_000));
        });
    }

    private static Backoff failsafe() {
        RetryPolicyConfig<Object> config = dev.failsafe.RetryPolicy.builder()
                .withBackoff(1, 30, ChronoUnit.SECONDS)
                .withJitter(.1)
                .build()
                .getConfig();
        return new PeerBackoff(config.getMaxDelay().plus(config.getMaxDelay().dividedBy(10)), (failures, random) -> {
            double exponential = config.getDelay().toNanos() * Math.pow(config.getDelayFactor(), failures - 1);
            long delay = (long) Math.min(exponential, config.getMaxDelay().toNanos());
            return Duration.ofNanos(RandomDelay.randomDelay(delay, config.getJitterFactor(), random.nextDouble()));
        });
    }

    /** A peer's delay function as a {@link Backoff}; never above the cap. */
    private record PeerBackoff(Duration cap, SeededDelay seeded) implements Backoff {

        @Override
        public Duration delay(int failures, Duration previousDelay, RandomSource random) {
            Duration delay = seeded.delay(failures, random);
            return delay.compareTo(cap) > 0 ? cap : delay;
        }

        @Override
        public Duration maxDelay() {
            return cap;
        }
    }

    /** A delay from the peer's formula, jittered with the simulation's seeded random source. */
    @FunctionalInterface
    private interface SeededDelay {
        Duration delay(int failures, RandomSource random);
    }
}
