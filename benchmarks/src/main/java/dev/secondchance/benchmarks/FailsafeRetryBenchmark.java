package dev.secondchance.benchmarks;

import dev.failsafe.function.CheckedSupplier;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Measures a Failsafe 3.3.x call that fails twice with a pre-allocated exception and succeeds on the third
 * attempt, with {@code withMaxRetries(2)} and no delay (Failsafe's default delay is zero;
 * {@code withDelay(Duration.ZERO)} is rejected with "delay must be greater than 0", so it is not set).
 *
 * <p>Failsafe offers no sleep hook: its synchronous retry executor calls {@code Thread.sleep(0)} before each
 * retry even with zero delay (on HotSpot a thread yield), so that cost is part of what is measured here.
 * Failsafe has no retry budget.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Threads(1)
public class FailsafeRetryBenchmark {

    private FlakyOperation flaky;
    private FailsafeExecutor<String> executor;
    private CheckedSupplier<String> operation;

    /** Builds the policy, the executor and the operation once. */
    @Setup
    public void setUp() {
        RetryPolicy<String> policy = RetryPolicy.<String>builder()
                .withMaxRetries(FlakyOperation.FAILURES)
                .build();
        executor = Failsafe.with(policy);
        flaky = new FlakyOperation();
        operation = flaky::get;
    }

    /**
     * One call: failure, failure, success.
     *
     * @return the operation's value
     */
    @Benchmark
    public String failsafeTwoFailuresThenSuccess() {
        flaky.reset();
        return executor.get(operation);
    }
}
