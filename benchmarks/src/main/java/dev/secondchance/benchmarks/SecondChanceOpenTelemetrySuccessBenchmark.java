package dev.secondchance.benchmarks;

import dev.secondchance.opentelemetry.SecondChanceOpenTelemetry;
import dev.secondchance.retry.CheckedSupplier;
import dev.secondchance.retry.RetryPolicy;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
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
 * Measures Second Chance's synchronous success path with its OpenTelemetry metrics: the default policy (no-op
 * {@code Sleeper}) bound once with {@code SecondChanceOpenTelemetry.bindMetrics} to an OpenTelemetry SDK whose
 * meter provider has one (in-memory, cumulative) reader and no tracer; its call and successful-attempt counters
 * read the policy's own counters, so every call costs one adder increment and no listener event.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Threads(1)
public class SecondChanceOpenTelemetrySuccessBenchmark {

    private OpenTelemetrySdk sdk;
    private RetryPolicy policy;
    private CheckedSupplier<String, RuntimeException> operation;

    /** Builds the SDK and binds the policy, and the operation, once. */
    @Setup
    public void setUp() {
        sdk = OpenTelemetrySdk.builder()
                .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(InMemoryMetricReader.create()).build())
                .build();
        policy = SecondChanceOpenTelemetry.bindMetrics(RetryPolicy.builder().sleeper(delay -> { }).build(), sdk,
                "retry", Attributes.empty());
        CheapOperation cheap = new CheapOperation();
        operation = cheap::get;
    }

    /** Shuts the SDK down. */
    @TearDown
    public void tearDown() {
        sdk.close();
    }

    /**
     * One call whose first attempt succeeds.
     *
     * @return the operation's value
     */
    @Benchmark
    public String secondChanceOpenTelemetrySuccess() {
        return policy.call(operation);
    }
}
