package dev.secondchance.benchmarks;

import dev.secondchance.retry.CheckedSupplier;
import dev.secondchance.retry.RetryPolicy;
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
 * Measures Second Chance's synchronous success path: {@code policy.call(op)} where the first attempt
 * succeeds. The policy is built once, with every default (3 attempts, classic backoff, default classifiers, counters off,
 * the default token-bucket budget) except a no-op {@code Sleeper}; the operation lambda is created once,
 * so the benchmark itself allocates nothing per call.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Threads(1)
public class SecondChanceSuccessBenchmark {

    private RetryPolicy policy;
    private CheckedSupplier<String, RuntimeException> operation;

    /** Builds the shared policy and the operation once. */
    @Setup
    public void setUp() {
        policy = RetryPolicy.builder().sleeper(delay -> { }).build();
        CheapOperation cheap = new CheapOperation();
        operation = cheap::get;
    }

    /**
     * One call whose first attempt succeeds.
     *
     * @return the operation's value
     */
    @Benchmark
    public String secondChanceSuccess() {
        return policy.call(operation);
    }
}
