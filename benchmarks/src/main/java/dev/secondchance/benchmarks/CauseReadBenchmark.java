package dev.secondchance.benchmarks;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Measures one {@link Throwable#getCause()} of a pre-allocated exception, as the retry benchmarks throw it:
 * the method is {@code synchronized}, so every read takes and releases the exception's monitor. Every failed
 * attempt reads it at least once, to look for an interruption wrapped in the failure (a retry after an
 * interrupt the operation swallowed would keep a cancelled thread busy); resilience4j and Failsafe do not
 * look. The failure-path benchmarks are read beside this and {@link ClockReadBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Threads(1)
public class CauseReadBenchmark {

    private final IOException failure = new IOException("connection reset");

    /**
     * One cause read.
     *
     * @return the cause (null)
     */
    @Benchmark
    public Throwable getCause() {
        return failure.getCause();
    }
}
