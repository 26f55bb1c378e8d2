package dev.secondchance.micrometer;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.secondchance.micrometer.Failures.Transient;
import dev.secondchance.retry.Backoff;
import dev.secondchance.retry.RetryPolicy;
import dev.secondchance.retry.testing.TestRetries;
import dev.secondchance.retry.testing.VirtualTime;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryObservationsTest {

    private final TestObservationRegistry observations = TestObservationRegistry.create();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final VirtualTime time = new VirtualTime();
    private final List<String> events = new ArrayList<>();

    private RetryPolicy policy(int maxAttempts) {
        observations.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public void onEvent(Observation.Event event, Observation.Context context) {
                events.add(event.getName() + ": " + event.getContextualName());
            }

            @Override
            public void onStop(Observation.Context context) {
                events.add("stopped " + context.getName());
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }
        });
        RetryPolicy plain = TestRetries.deterministic(RetryPolicy.builder().name("orders").maxAttempts(maxAttempts)
                .classifiers(List.of(Failures.CLASSIFIER)).backoff(Backoff.fixed(Duration.ofMillis(100))), time).build();
        return SecondChanceMicrometer.bind(plain, meters, observations, "orders", Tags.of("region", "eu"));
    }

    @Test
    void bind_whenACallRetriesThenSucceeds_makesOneObservationWithAnEventPerAttempt() {
        policy(3).call(Failures.script(time, Duration.ofMillis(20), new Transient()));

        assertThat(observations).hasNumberOfObservationsEqualTo(1)
                .hasSingleObservationThat()
                .hasNameEqualTo("secondchance.call")
                .hasContextualNameEqualTo("orders")
                .hasBeenStarted()
                .hasBeenStopped()
                .hasLowCardinalityKeyValue("policy", "orders")
                .hasLowCardinalityKeyValue("region", "eu")
                .hasLowCardinalityKeyValue("end.reason", "success")
                .hasLowCardinalityKeyValue("result", "success")
                .hasHighCardinalityKeyValue("secondchance.attempts", "2")
                .doesNotHaveError();
        assertEquals(List.of("secondchance.attempt: attempt 1: retry (transient) in 20 ms",
                "secondchance.attempt: attempt 2: success (success) in 20 ms", "stopped secondchance.call"), events);
    }

    @Test
    void bind_whenACallFails_recordsTheFailureAsTheObservationsError() {
        RetryPolicy policy = policy(2);

        assertThrows(Transient.class,
                () -> policy.call(Failures.script(time, Duration.ZERO, new Transient(), new Transient())));

        assertThat(observations).hasSingleObservationThat()
                .hasLowCardinalityKeyValue("end.reason", "attempts.exhausted")
                .hasLowCardinalityKeyValue("result", "failure")
                .hasHighCardinalityKeyValue("secondchance.attempts", "2")
                .assertThatError().isInstanceOf(Transient.class);
    }

    @Test
    void bind_whenCallsOverlap_givesEachItsOwnObservation() {
        RetryPolicy policy = policy(3);

        String inner = policy.call(() -> policy.call(Failures.script(time, Duration.ZERO, new Transient())));

        assertEquals("ok", inner);
        assertThat(observations).hasNumberOfObservationsWithNameEqualTo("secondchance.call", 2);
        assertEquals(List.of("secondchance.attempt: attempt 1: retry (transient) in 0 ms",
                "secondchance.attempt: attempt 2: success (success) in 0 ms", "stopped secondchance.call",
                "secondchance.attempt: attempt 1: success (success) in 100 ms", "stopped secondchance.call"), events,
                "the inner call's observation ends first, then the outer one's, whose attempt held the inner wait");
    }

    @Test
    void bind_withObservations_stillCountsTheMeters() {
        policy(3).call(Failures.script(time, Duration.ZERO));

        assertEquals(1, meters.get("secondchance.calls").tags("end.reason", "success", "region", "eu").functionCounter()
                .count());
    }
}
