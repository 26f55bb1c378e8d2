package dev.secondchance.benchmarks;

import dev.secondchance.micrometer.SecondChanceMicrometer;
import dev.secondchance.retry.CheckedSupplier;
import dev.secondchance.retry.RetryPolicy;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
 * Measures Second Chance's synchronous success path with its Micrometer binding: the default policy (no-op
 * {@code Sleeper}) bound once with {@code SecondChanceMicrometer.bind(policy, registry)} to a
 * {@code SimpleMeterRegistry}. Its {@code secondchance.calls} and successful {@code secondchance.attempts} read
 * the policy's own counters, so every call costs one adder increment and no listener event.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Threads(1)
public class SecondChanceMicrometerSuccessBenchmark {

    private RetryPolicy policy;
    private CheckedSupplier<String, RuntimeException> operation;

    /** Builds and binds the policy, and the operation, once. */
    @Setup
    public void setUp() {
        policy = SecondChanceMicrometer.bind(RetryPolicy.builder().sleeper(delay -> { }).build(),
                new SimpleMeterRegistry());
        CheapOperation cheap = new CheapOperation();
        operation = cheap::get;
    }

    /**
     * One call whose first attempt succeeds.
     *
     * @return the operation's value
     */
    @Benchmark
    public String secondChanceMicrometerSuccess() {
        return policy.call(operation);
    }
}
