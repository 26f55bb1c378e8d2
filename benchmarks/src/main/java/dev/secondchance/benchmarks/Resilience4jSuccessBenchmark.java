package dev.secondchance.benchmarks;

import io.github.resilience4j.core.functions.CheckedSupplier;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
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
 * Measures resilience4j 2.x's synchronous success path: a checked supplier decorated once with
 * {@code Retry.decorateCheckedSupplier} around a {@code Retry.of(name, RetryConfig.ofDefaults())}
 * (3 attempts, 500 ms wait, every exception retried), called once per operation with a first attempt that
 * succeeds.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Threads(1)
public class Resilience4jSuccessBenchmark {

    private CheckedSupplier<String> decorated;

    /** Builds the retry and decorates the operation once. */
    @Setup
    public void setUp() {
        Retry retry = Retry.of("bench", RetryConfig.<String>custom().build());
        CheapOperation cheap = new CheapOperation();
        decorated = Retry.decorateCheckedSupplier(retry, cheap::get);
    }

    /**
     * One call whose first attempt succeeds.
     *
     * @return the operation's value
     * @throws Throwable never here; the decorated supplier's signature declares it
     */
    @Benchmark
    public String resilience4jSuccess() throws Throwable {
        return decorated.get();
    }
}
