package dev.secondchance.opentelemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.secondchance.idempotency.Fingerprint;
import dev.secondchance.idempotency.IdempotentExecutor;
import dev.secondchance.idempotency.ResultCodec;
import dev.secondchance.idempotency.spi.IdempotencyStore;
import dev.secondchance.retry.testing.VirtualTime;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IdempotencyInstrumentsTest {

    private static final Fingerprint REQUEST = Fingerprint.sha256("order 42");

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final InMemoryMetricReader metrics = InMemoryMetricReader.create();
    private final OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
            .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
            .build();
    private final VirtualTime time = new VirtualTime();

    @AfterEach
    void close() {
        otel.close();
    }

    @Test
    void bind_whenATokenRunsThenRepeatsInsideASpan_countsBothAndAddsThemToTheSpan() {
        IdempotentExecutor<String> executor = SecondChanceOpenTelemetry.bind(
                IdempotentExecutor.builder(IdempotencyStore.inMemory(time.wallClock(), 1024), ResultCodec.utf8())
                        .clock(time.wallClock()).ticker(time).sleeper(time).build(),
                otel, "payments", Attributes.empty());
        Span request = otel.getTracer("test").spanBuilder("POST /charges").startSpan();

        try (Scope ignored = request.makeCurrent()) {
            executor.execute("t-1", REQUEST, () -> "charged");
            executor.execute("t-1", REQUEST, () -> "charged twice");
        } finally {
            request.end();
        }

        List<String> outcomes = metrics.collectAllMetrics().stream()
                .filter(metric -> metric.getName().equals("secondchance.idempotency.requests"))
                .flatMap(metric -> metric.getLongSumData().getPoints().stream())
                .map(point -> point.getAttributes().get(AttributeKey.stringKey("executor")) + " "
                        + point.getAttributes().get(AttributeKey.stringKey("outcome")) + " " + value(point))
                .sorted().toList();
        assertEquals(List.of("payments executed 1", "payments replayed 1"), outcomes);
        List<String> events = spans.getFinishedSpanItems().get(0).getEvents().stream()
                .map(event -> event.getName() + " " + event.getAttributes().get(AttributeKey.stringKey("outcome")))
                .toList();
        assertEquals(List.of("secondchance.idempotency executed", "secondchance.idempotency replayed"), events);
    }

    private static long value(LongPointData point) {
        return point.getValue();
    }
}
