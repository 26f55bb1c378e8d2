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
 * Measures Failsafe 3.3.x's synchronous success path: {@code Failsafe.with(policy).get(op)} with a
 * default {@code RetryPolicy} (3 attempts, no delay, every exception retried), the executor and the
 * operation built once, and a first attempt that succeeds.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Threads(1)
public class FailsafeSuccessBenchmark {

    private FailsafeExecutor<String> executor;
    private CheckedSupplier<String> operation;

    /** Builds the policy, the executor and the operation once. */
    @Setup
    public void setUp() {
        RetryPolicy<String> policy = RetryPolicy.<String>builder().build();
        executor = Failsafe.with(policy);
        CheapOperation cheap = new CheapOperation();
        operation = cheap::get;
    }

    /**
     * One call whose first attempt succeeds.
     *
     * @return the operation's value
     */
    @Benchmark
    public String failsafeSuccess() {
        return executor.get(operation);
    }
}
