package dev.secondchance.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Measures the bare operation, {@link CheapOperation#get()}, called directly without any retry library:
 * the baseline that the success-path benchmarks of Second Chance, resilience4j and Failsafe add to.
 * The result is returned, so JMH consumes it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Threads(1)
public class BareCallBenchmark {

    private final CheapOperation operation = new CheapOperation();

    /**
     * One direct call.
     *
     * @return the operation's value
     */
    @Benchmark
    public String bare() {
        return operation.get();
    }
}
