package dev.secondchance.benchmarks;

import io.github.resilience4j.core.functions.CheckedSupplier;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.internal.RetryImpl;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Measures a resilience4j 2.x call that fails twice with a pre-allocated exception and succeeds on the third
 * (last default) attempt.
 *
 * <p>Zero wait: {@code RetryConfig.waitDuration(Duration.ZERO)} is legal in 2.4.0 (it only rejects negative
 * values; {@code IntervalFunction.of(0)} would be rejected, it requires at least 1 ms). resilience4j still
 * calls its sleep function with 0 ms before each retry, and {@code RetryConfig} has no sleep setting: the
 * sleep function is a global static, {@code RetryImpl.setSleepFunction}, which this benchmark replaces
 * with a no-op in {@code @Setup} (and restores to {@code Thread::sleep} in {@code @TearDown}) so that no
 * {@code Thread.sleep(0)} is measured, as for Second Chance's no-op {@code Sleeper}. resilience4j has no
 * retry budget.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Threads(1)
public class Resilience4jRetryBenchmark {

    private FlakyOperation flaky;
    private CheckedSupplier<String> decorated;

    /** Replaces the global sleep function, builds the retry and decorates the operation once. */
    @Setup
    public void setUp() {
        RetryImpl.setSleepFunction(millis -> { });
        Retry retry = Retry.of("bench", RetryConfig.<String>custom()
                .maxAttempts(FlakyOperation.FAILURES + 1)
                .waitDuration(Duration.ZERO)
                .build());
        flaky = new FlakyOperation();
        decorated = Retry.decorateCheckedSupplier(retry, flaky::get);
    }

    /** Puts resilience4j's default sleep function back. */
    @TearDown
    public void tearDown() {
        RetryImpl.setSleepFunction(Thread::sleep);
    }

    /**
     * One call: failure, failure, success.
     *
     * @return the operation's value
     * @throws Throwable never, the third attempt succeeds
     */
    @Benchmark
    public String resilience4jTwoFailuresThenSuccess() throws Throwable {
        flaky.reset();
        return decorated.get();
    }
}
