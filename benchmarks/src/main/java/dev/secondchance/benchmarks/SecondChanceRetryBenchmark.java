package dev.secondchance.benchmarks;

import dev.secondchance.retry.CheckedSupplier;
import dev.secondchance.retry.RetryBudget;
import dev.secondchance.retry.RetryPolicy;
import java.io.IOException;
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
 * Measures a Second Chance call that fails twice with a pre-allocated transient {@link IOException} and
 * succeeds on the third (last default) attempt: two classifications, two backoff computations, two no-op
 * sleeps.
 *
 * <p>The policy is built once with the defaults except a no-op {@code Sleeper} and
 * {@link RetryBudget#unlimited()}: with the default token bucket (500 tokens, 5 per retry, 1 refunded per
 * success) a loop of 2 retries per call would empty the bucket within a few hundred calls and the benchmark
 * would then measure calls that stop early with {@code BUDGET_EXHAUSTED}. resilience4j and Failsafe have no
 * retry budget, so this keeps the three comparable.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Threads(1)
public class SecondChanceRetryBenchmark {

    private RetryPolicy policy;
    private FlakyOperation flaky;
    private CheckedSupplier<String, IOException> operation;

    /** Builds the shared policy and the operation once. */
    @Setup
    public void setUp() {
        policy = RetryPolicy.builder().sleeper(delay -> { }).budget(RetryBudget.unlimited()).build();
        flaky = new FlakyOperation();
        operation = flaky::get;
    }

    /**
     * One call: failure, failure, success.
     *
     * @return the operation's value
     * @throws IOException never, the third attempt succeeds
     */
    @Benchmark
    public String secondChanceTwoFailuresThenSuccess() throws IOException {
        flaky.reset();
        return policy.call(operation);
    }
}
