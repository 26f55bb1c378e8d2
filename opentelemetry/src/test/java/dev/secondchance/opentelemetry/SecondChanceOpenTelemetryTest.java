package dev.secondchance.opentelemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.secondchance.opentelemetry.Failures.Throttled;
import dev.secondchance.opentelemetry.Failures.Transient;
import dev.secondchance.retry.Backoff;
import dev.secondchance.retry.RetryBudget;
import dev.secondchance.retry.RetryPolicy;
import dev.secondchance.retry.RetryPolicyBuilder;
import dev.secondchance.retry.testing.TestRetries;
import dev.secondchance.retry.testing.VirtualTime;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SecondChanceOpenTelemetryTest {

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

    private RetryPolicyBuilder builder() {
        return TestRetries.deterministic(RetryPolicy.builder().name("orders").classifiers(List.of(Failures.CLASSIFIER))
                .backoff(Backoff.fixed(Duration.ofMillis(100)))
                .throttlingBackoff(Backoff.fixed(Duration.ofMillis(300))), time);
    }

    private MetricData metric(Collection<MetricData> all, String name) {
        return all.stream().filter(metric -> metric.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no metric " + name + " in " + all));
    }

    private long sum(Collection<MetricData> all, String name, String key, String value) {
        return metric(all, name).getLongSumData().getPoints().stream()
                .filter(point -> value.equals(point.getAttributes().get(AttributeKey.stringKey(key))))
                .mapToLong(LongPointData::getValue).sum();
    }

    @Test
    void bind_whenACallRetriesThenSucceeds_recordsTheSameMetersAsMicrometer() {
        RetryPolicy policy = SecondChanceOpenTelemetry.bind(builder().build(), otel, "orders",
                Attributes.of(AttributeKey.stringKey("region"), "eu"));

        policy.call(Failures.script(time, Duration.ofMillis(10), new Transient(), new Throttled(null)));

        Collection<MetricData> all = metrics.collectAllMetrics();
        assertEquals(1, sum(all, "secondchance.calls", "end.reason", "success"));
        assertEquals(1, sum(all, "secondchance.attempts", "verdict", "retry"));
        assertEquals(1, sum(all, "secondchance.attempts", "verdict", "throttled"));
        assertEquals(1, sum(all, "secondchance.retries", "cause", "error"));
        assertEquals(1, sum(all, "secondchance.retries", "cause", "throttled"));
        HistogramPointData duration = metric(all, "secondchance.call.duration").getHistogramData().getPoints()
                .iterator().next();
        assertEquals("s", metric(all, "secondchance.call.duration").getUnit());
        assertEquals(0.430, duration.getSum(), 1e-9, "three 10 ms attempts, 100 ms and 300 ms of waits");
        assertEquals("eu", duration.getAttributes().get(AttributeKey.stringKey("region")));
        assertEquals("orders", duration.getAttributes().get(AttributeKey.stringKey("policy")));
        assertEquals(500 - 10 + 1, metric(all, "secondchance.budget.tokens").getDoubleGaugeData().getPoints()
                .iterator().next().getValue(), "the default bucket: two retries of 5, one refund");
    }

    @Test
    void bind_whenACallRetriesThenSucceeds_makesOneSpanWithAnEventPerAttempt() {
        RetryPolicy policy = SecondChanceOpenTelemetry.bind(builder().build(), otel);

        policy.call(Failures.script(time, Duration.ofMillis(20), new Throttled(Duration.ofSeconds(1))));

        SpanData span = spans.getFinishedSpanItems().get(0);
        assertEquals(1, spans.getFinishedSpanItems().size());
        assertEquals("retry orders", span.getName());
        assertEquals("success", span.getAttributes().get(AttributeKey.stringKey("end.reason")));
        assertEquals(2L, span.getAttributes().get(AttributeKey.longKey("secondchance.attempts")));
        assertEquals(1L, span.getAttributes().get(AttributeKey.longKey("http.request.resend_count")));
        assertNull(span.getAttributes().get(AttributeKey.stringKey("error.type")));
        assertEquals(StatusCode.UNSET, span.getStatus().getStatusCode());
        List<String> events = span.getEvents().stream().map(SecondChanceOpenTelemetryTest::describe).toList();
        // HintRule.SPREAD (the default): the 1 s hint, then the virtual time's draw of 0.5 over the throttling 300 ms
        assertEquals(List.of("secondchance.attempt 1 throttled 429 0.02", "secondchance.retry 2 hint 1.15",
                "secondchance.attempt 2 success success 0.02"), events);
    }

    private static String describe(EventData event) {
        Attributes a = event.getAttributes();
        return event.getName() + " " + a.get(AttributeKey.longKey("secondchance.attempt"))
                + (a.get(AttributeKey.stringKey("verdict")) != null
                        ? " " + a.get(AttributeKey.stringKey("verdict")) + " " + a.get(AttributeKey.stringKey("secondchance.reason"))
                                + " " + a.get(AttributeKey.doubleKey("secondchance.duration"))
                        : " " + a.get(AttributeKey.stringKey("cause")) + " " + a.get(AttributeKey.doubleKey("secondchance.delay")));
    }

    @Test
    void bind_whenACallFails_marksTheSpanWithErrorTypeAndStatus() {
        RetryPolicy policy = SecondChanceOpenTelemetry.bind(builder().maxAttempts(2).build(), otel);

        assertThrows(Transient.class,
                () -> policy.call(Failures.script(time, Duration.ZERO, new Transient(), new Transient())));

        SpanData span = spans.getFinishedSpanItems().get(0);
        assertEquals(Transient.class.getName(), span.getAttributes().get(AttributeKey.stringKey("error.type")));
        assertEquals("attempts.exhausted", span.getAttributes().get(AttributeKey.stringKey("end.reason")));
        assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode());
        assertEquals(1, span.getEvents().stream().filter(event -> event.getName().equals("exception")).count());
    }

    @Test
    void bind_whenACallStartsInsideASpan_makesItsSpanAChild() {
        RetryPolicy policy = SecondChanceOpenTelemetry.bind(builder().build(), otel);
        Span parent = otel.getTracer("test").spanBuilder("request").startSpan();

        try (Scope ignored = parent.makeCurrent()) {
            policy.call(Failures.script(time, Duration.ZERO));
        } finally {
            parent.end();
        }

        SpanData retry = spans.getFinishedSpanItems().get(0);
        assertEquals(parent.getSpanContext().getSpanId(), retry.getParentSpanId());
        assertEquals(parent.getSpanContext().getTraceId(), retry.getTraceId());
    }

    @Test
    void bindMetrics_whenCalled_recordsMetersButNoSpans() {
        RetryPolicy policy = SecondChanceOpenTelemetry.bindMetrics(builder().budget(RetryBudget.unlimited()).build(),
                otel, "orders", Attributes.empty());

        policy.call(Failures.script(time, Duration.ZERO));

        assertEquals(0, spans.getFinishedSpanItems().size());
        Collection<MetricData> all = metrics.collectAllMetrics();
        assertEquals(1, sum(all, "secondchance.calls", "result", "success"));
        assertEquals(1, sum(all, "secondchance.attempts", "verdict", "success"));
        assertTrue(all.stream().noneMatch(metric -> metric.getName().equals("secondchance.call.duration")),
                "calls are counted, not timed");
    }

    @Test
    void bindMetricsTimed_whenTheFirstAttemptSucceeds_timesTheCall() {
        RetryPolicy policy = SecondChanceOpenTelemetry.bindMetricsTimed(builder().build(), otel, "orders",
                Attributes.empty());

        policy.call(Failures.script(time, Duration.ofMillis(30)));

        Collection<MetricData> all = metrics.collectAllMetrics();
        assertEquals(0, spans.getFinishedSpanItems().size());
        assertEquals(0.030, metric(all, "secondchance.call.duration").getHistogramData().getPoints().iterator().next()
                .getSum(), 1e-9);
    }

    @Test
    void bind_whenAnArgumentIsNull_throwsNullPointerException() {
        RetryPolicy policy = builder().build();

        assertThrows(NullPointerException.class, () -> SecondChanceOpenTelemetry.bind(policy, null));
        assertThrows(NullPointerException.class,
                () -> SecondChanceOpenTelemetry.bind(policy, otel, null, Attributes.empty()));
    }
}
