package dev.secondchance.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.secondchance.micrometer.Failures.Throttled;
import dev.secondchance.micrometer.Failures.Transient;
import dev.secondchance.retry.AdaptiveRateLimiter;
import dev.secondchance.retry.Backoff;
import dev.secondchance.retry.RetryBudget;
import dev.secondchance.retry.RetryPolicy;
import dev.secondchance.retry.RetryPolicyBuilder;
import dev.secondchance.retry.testing.TestRetries;
import dev.secondchance.retry.testing.VirtualTime;
import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class RetryMetersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final VirtualTime time = new VirtualTime();

    private RetryPolicyBuilder builder() {
        return TestRetries.deterministic(RetryPolicy.builder().name("orders").classifiers(List.of(Failures.CLASSIFIER))
                .backoff(Backoff.fixed(Duration.ofMillis(100)))
                .throttlingBackoff(Backoff.fixed(Duration.ofMillis(300))), time);
    }

    private double count(String name, String... tags) {
        return registry.get(name).tags(tags).meters().stream()
                .flatMap(meter -> StreamSupport.stream(meter.measure().spliterator(), false))
                .mapToDouble(Measurement::getValue).sum();
    }

    private Timer timer(String name, String... tags) {
        return registry.get(name).tags(tags).timer();
    }

    @Test
    void bind_whenTheFirstAttemptSucceeds_countsTheCallWithoutTimingIt() {
        RetryPolicy policy = SecondChanceMicrometer.bind(builder().build(), registry);

        assertEquals("ok", policy.call(Failures.script(time, Duration.ofMillis(30))));

        assertEquals(1, count("secondchance.calls", "policy", "orders", "result", "success", "end.reason", "success"));
        assertEquals(1, count("secondchance.attempts", "policy", "orders", "verdict", "success"));
        assertEquals(0, count("secondchance.attempts", "policy", "orders", "verdict", "retry"));
        assertNull(registry.find("secondchance.call.duration").timer());
        assertEquals(1, policy.metrics().calls(), "the binding turns the policy's own counters on");
    }

    @Test
    void bindTimed_whenTheFirstAttemptSucceeds_countsTheCallAndTimesIt() {
        RetryPolicy policy = SecondChanceMicrometer.bindTimed(builder().build(), registry, "orders", Tags.empty());

        assertEquals("ok", policy.call(Failures.script(time, Duration.ofMillis(30))));

        assertEquals(1, count("secondchance.calls", "policy", "orders", "result", "success", "end.reason", "success"));
        Timer duration = timer("secondchance.call.duration", "policy", "orders", "end.reason", "success");
        assertEquals(1, duration.count());
        assertEquals(30, duration.totalTime(TimeUnit.MILLISECONDS), 1e-9);
    }

    @Test
    void bind_whenTwoFailuresThenSuccess_countsRetriesByCauseAndTheirDelays() {
        RetryPolicy policy = SecondChanceMicrometer.bind(builder().build(), registry, "orders", Tags.of("region", "eu"));

        policy.call(Failures.script(time, Duration.ofMillis(10), new Transient(), new Throttled(null)));

        assertEquals(1, count("secondchance.calls", "region", "eu", "end.reason", "success"));
        assertEquals(1, count("secondchance.attempts", "region", "eu", "verdict", "retry"));
        assertEquals(1, count("secondchance.attempts", "region", "eu", "verdict", "throttled"));
        assertEquals(1, count("secondchance.attempts", "region", "eu", "verdict", "success"));
        assertEquals(1, count("secondchance.retries", "region", "eu", "cause", "error"));
        assertEquals(1, count("secondchance.retries", "region", "eu", "cause", "throttled"));
        assertEquals(0, count("secondchance.retries", "region", "eu", "cause", "hint"));
        assertEquals(400, registry.get("secondchance.retry.delay").tags("region", "eu").timers().stream()
                .mapToDouble(timer -> timer.totalTime(TimeUnit.MILLISECONDS)).sum(), 1e-9,
                "100 ms of backoff and 300 ms of throttling backoff");
        assertEquals(300, timer("secondchance.retry.delay", "cause", "throttled").max(TimeUnit.MILLISECONDS), 1e-9);
    }

    @Test
    void bindTimed_whenTwoFailuresThenSuccess_timesTheWholeCallWithItsWaits() {
        RetryPolicy policy = SecondChanceMicrometer.bindTimed(builder().build(), registry, "orders",
                Tags.of("region", "eu"));

        policy.call(Failures.script(time, Duration.ofMillis(10), new Transient(), new Throttled(null)));

        assertEquals(1, count("secondchance.attempts", "region", "eu", "verdict", "retry"));
        assertEquals(430, timer("secondchance.call.duration", "region", "eu", "end.reason", "success")
                .totalTime(TimeUnit.MILLISECONDS), 1e-9, "three 10 ms attempts and both waits");
    }

    @Test
    void bind_whenAServerHintSetsTheWait_countsTheRetryAsHinted() {
        RetryPolicy policy = SecondChanceMicrometer.bind(builder().build(), registry);

        policy.call(Failures.script(time, Duration.ZERO, new Throttled(Duration.ofSeconds(2))));

        assertEquals(1, count("secondchance.retries", "cause", "hint"));
        assertEquals(0, count("secondchance.retries", "cause", "throttled"));
        // HintRule.SPREAD (the default): the 2 s hint, then the virtual time's draw of 0.5 over the throttling 300 ms
        assertEquals(2150, timer("secondchance.retry.delay", "cause", "hint").totalTime(TimeUnit.MILLISECONDS), 1e-9);
    }

    @Test
    void bind_whenAttemptsRunOut_countsAFailureWithItsEndReason() {
        RetryPolicy policy = SecondChanceMicrometer.bind(builder().maxAttempts(2).build(), registry);

        assertThrows(Transient.class,
                () -> policy.call(Failures.script(time, Duration.ZERO, new Transient(), new Transient())));

        assertEquals(1, count("secondchance.calls", "result", "failure", "end.reason", "attempts.exhausted"));
        assertEquals(0, count("secondchance.calls", "result", "success"));
        assertEquals(2, count("secondchance.attempts", "verdict", "retry"));
    }

    @Test
    void bind_whenAFailureIsFinal_countsItNonRetryable() {
        RetryPolicy policy = SecondChanceMicrometer.bind(builder().build(), registry);

        assertThrows(IllegalStateException.class, () -> policy.call(() -> {
            throw new IllegalStateException("no");
        }));

        assertEquals(1, count("secondchance.calls", "end.reason", "non.retryable"));
        assertEquals(1, count("secondchance.attempts", "verdict", "fail"));
    }

    @Test
    void bind_whenRetriesSpendTheBudget_theGaugeShowsTheTokensLeft() {
        RetryPolicy policy = SecondChanceMicrometer.bind(builder().budget(RetryBudget.tokenBucket(100, 10, 1)).build(),
                registry);
        assertEquals(100, registry.get("secondchance.budget.tokens").tag("policy", "orders").gauge().value());

        policy.call(Failures.script(time, Duration.ZERO, new Transient(), new Transient()));

        assertEquals(81, registry.get("secondchance.budget.tokens").gauge().value(), "two retries of 10, one refund");
    }

    @Test
    void bind_whenTheLimiterIsThrottled_theGaugesShowItLimitingAtAFiniteRate() {
        AdaptiveRateLimiter limiter = AdaptiveRateLimiter.cubic(time);
        RetryPolicy policy = SecondChanceMicrometer.bind(builder().rateLimiter(limiter).build(), registry);
        assertEquals(0, registry.get("secondchance.ratelimiter.limiting").gauge().value());
        assertEquals(Double.POSITIVE_INFINITY, registry.get("secondchance.ratelimiter.rate").gauge().value());

        policy.call(Failures.script(time, Duration.ofMillis(5), new Throttled(null), new Throttled(null)));

        assertEquals(1, registry.get("secondchance.ratelimiter.limiting").gauge().value());
        assertEquals(limiter.sendRate(), registry.get("secondchance.ratelimiter.rate").gauge().value());
        assertEquals(true, Double.isFinite(limiter.sendRate()));
    }

    @Test
    void bind_whenThePolicyHasNoLimiter_registersNoLimiterGauges() {
        SecondChanceMicrometer.bind(builder().build(), registry);

        assertNull(registry.find("secondchance.ratelimiter.rate").gauge());
        assertNull(registry.find("secondchance.ratelimiter.limiting").gauge());
    }

    @Test
    void bind_whenCalled_keepsTheOriginalPolicyUnbound() {
        RetryPolicy original = builder().build();
        SecondChanceMicrometer.bind(original, registry);

        original.call(Failures.script(time, Duration.ZERO));

        assertEquals(0, count("secondchance.calls", "end.reason", "success"));
    }

    @Test
    void bind_whenBound_registersEveryMeterUpFront() {
        SecondChanceMicrometer.bind(builder().build(), registry);

        List<String> names = registry.getMeters().stream().map(meter -> meter.getId().getName()).distinct().sorted()
                .toList();
        assertEquals(List.of("secondchance.attempts", "secondchance.budget.tokens", "secondchance.calls",
                "secondchance.ratelimiter.wait", "secondchance.retries", "secondchance.retry.delay"), names);
        assertEquals(8, registry.get("secondchance.calls").functionCounters().size(), "one per end reason");
    }

    @Test
    void bindTimed_whenBound_registersOneDurationTimerPerEndReason() {
        SecondChanceMicrometer.bindTimed(builder().build(), registry, "orders", Tags.empty());

        assertEquals(8, registry.get("secondchance.call.duration").timers().size());
    }

    @Test
    void bind_whenAnArgumentIsNull_throwsNullPointerException() {
        RetryPolicy policy = builder().build();

        assertThrows(NullPointerException.class, () -> SecondChanceMicrometer.bind(policy, null));
        assertThrows(NullPointerException.class, () -> SecondChanceMicrometer.bind((RetryPolicy) null, registry));
        assertThrows(NullPointerException.class, () -> SecondChanceMicrometer.bind(policy, registry, null, Tags.empty()));
        assertThrows(NullPointerException.class, () -> SecondChanceMicrometer.bindTimed(policy, null, "p", Tags.empty()));
    }
}
