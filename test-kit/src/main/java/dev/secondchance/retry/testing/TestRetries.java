package dev.secondchance.retry.testing;

import dev.secondchance.retry.RandomSource;
import dev.secondchance.retry.RetryPolicyBuilder;

/**
 * Makes a retry policy deterministic for a test, keeping everything else it was built with (attempts,
 * backoff, classifiers, budget, deadline): its time is a {@link VirtualTime}, so every wait ends at once and only
 * virtual time passes, and its randomness is fixed, so jitter always draws the same point of its range.
 *
 * <pre>{@code
 * RetryPolicyBuilder builder = Payments.retryPolicy();          // the production settings, unbuilt
 * VirtualTime time = TestRetries.instantWaits(builder);         // waits end at once, jitter draws the middle
 * RecordingListener listener = new RecordingListener();
 * RetryPolicy policy = builder.listener(listener).build();
 * ... run the code under test with policy ...
 * assertEquals(2, listener.lastOutcome().attempts());
 * assertEquals(List.of(Duration.ofMillis(50)), listener.delays());
 * }</pre>
 */
public final class TestRetries {

    /** Where a fixed random source draws by default: the middle of every jitter range. */
    public static final double MIDPOINT = 0.5;

    private TestRetries() {}

    /**
     * Installs {@code time} as the builder's ticker, wall clock, sleeper and scheduler, and a random source
     * that always answers {@link #MIDPOINT}. A synchronous wait advances {@code time} at once; an asynchronous
     * one runs when {@code time} runs its due tasks ({@link VirtualTime#advance}, {@link VirtualTime#runDueTasks}),
     * or at once if {@code time} was made with {@link VirtualTime#autoRun()}.
     *
     * @param builder the policy's builder, changed in place
     * @param time the virtual time line the policy runs on
     * @return {@code builder}
     */
    public static RetryPolicyBuilder deterministic(RetryPolicyBuilder builder, VirtualTime time) {
        return time.install(builder).random(fixedRandom(MIDPOINT));
    }

    /**
     * Makes every wait of the policy end at once, synchronous or asynchronous: a new auto-running
     * {@link VirtualTime} and a fixed random source, as {@link #deterministic} installs them.
     *
     * @param builder the policy's builder, changed in place
     * @return the virtual time line now installed, to read how much time the waits took ({@link VirtualTime#elapsed()})
     */
    public static VirtualTime instantWaits(RetryPolicyBuilder builder) {
        VirtualTime time = new VirtualTime().autoRun();
        deterministic(builder, time);
        return time;
    }

    /**
     * A random source that always answers {@code value}: with full jitter, {@code 0} waits nothing, {@code 0.5}
     * half the backoff, and a value just under 1 the whole backoff (the worst case, for deadline tests).
     *
     * @param value the value every draw returns, in {@code [0, 1)}
     * @return the fixed source
     * @throws IllegalArgumentException if {@code value} is outside {@code [0, 1)}
     */
    public static RandomSource fixedRandom(double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException("value must be in [0, 1), got " + value);
        }
        return () -> value;
    }
}
