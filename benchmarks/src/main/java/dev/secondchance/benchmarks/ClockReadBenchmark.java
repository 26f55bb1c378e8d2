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
 * Measures the two clock reads that timing a call costs on this machine: {@code System.nanoTime()} (the default
 * {@code Ticker}; a timed call reads it twice) and {@code System.currentTimeMillis()} (Micrometer's
 * {@code TimeWindowMax} reads the registry's wall clock on every timer recording). Their cost depends on the
 * machine's clock source, so the observability benchmarks are read beside them.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Threads(1)
public class ClockReadBenchmark {

    /**
     * One monotonic clock read.
     *
     * @return the reading
     */
    @Benchmark
    public long nanoTime() {
        return System.nanoTime();
    }

    /**
     * One wall clock read.
     *
     * @return the reading
     */
    @Benchmark
    public long currentTimeMillis() {
        return System.currentTimeMillis();
    }
}
