package dev.secondchance.benchmarks;

import io.github.resilience4j.core.functions.CheckedSupplier;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
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
 * Measures resilience4j 2.x's synchronous success path with its Micrometer binding: a {@code Retry} with the
 * defaults, from a {@code RetryRegistry} bound once with {@code TaggedRetryMetrics.ofRetryRegistry(registry)
 * .bindTo(meterRegistry)} to a {@code SimpleMeterRegistry}, decorating the operation once
 * ({@code Retry.decorateCheckedSupplier}). The binding's meters read the retry's own counters when scraped.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Threads(1)
public class Resilience4jMicrometerSuccessBenchmark {

    private CheckedSupplier<String> decorated;

    /** Builds and binds the retry, and decorates the operation, once. */
    @Setup
    public void setUp() {
        RetryRegistry registry = RetryRegistry.of(RetryConfig.custom().build());
        TaggedRetryMetrics.ofRetryRegistry(registry).bindTo(new SimpleMeterRegistry());
        Retry retry = registry.retry("bench");
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
    public String resilience4jMicrometerSuccess() throws Throwable {
        return decorated.get();
    }
}
