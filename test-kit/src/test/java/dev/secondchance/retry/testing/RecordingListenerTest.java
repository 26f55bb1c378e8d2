package dev.secondchance.retry.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondchance.retry.Backoff;
import dev.secondchance.retry.EndReason;
import dev.secondchance.retry.RetryPolicy;
import dev.secondchance.retry.Verdict;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RecordingListenerTest {

    private final RecordingListener listener = new RecordingListener();
    private final RetryPolicy policy = TestRetries.deterministic(RetryPolicy.builder().maxAttempts(3)
            .backoff(Backoff.fixed(Duration.ofMillis(40))), new VirtualTime()).listener(listener).build();

    @Test
    void events_whenACallFailsOnceThenSucceeds_recordsEachStepInOrder() throws Exception {
        AtomicInteger calls = new AtomicInteger();

        policy.call(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new ConnectException("refused");
            }
            return "ok";
        });

        assertEquals(List.of("failed 1 RETRY", "retry 2 after 40 ms", "end SUCCESS after 2"), listener.events());
        assertEquals(List.of(Duration.ofMillis(40)), listener.delays());
        assertEquals(Verdict.Kind.RETRY, listener.verdicts().get(0).kind());
        assertEquals(EndReason.SUCCESS, listener.lastOutcome().endReason());
    }

    @Test
    void outcomes_whenTheRetriesRunOut_recordTheEndReasonOfEachCall() {
        for (int call = 0; call < 2; call++) {
            assertThrows(ConnectException.class, () -> policy.call(() -> {
                throw new ConnectException("refused");
            }));
        }

        assertEquals(2, listener.outcomes().size());
        assertEquals(EndReason.ATTEMPTS_EXHAUSTED, listener.lastOutcome().endReason());
        assertEquals(3, listener.lastOutcome().attempts());
        assertEquals(4, listener.delays().size());
    }

    @Test
    void lastOutcome_whenNoCallHasEnded_refuses() {
        assertThrows(IllegalStateException.class, listener::lastOutcome);
    }

    @Test
    void clear_whenEventsWereRecorded_forgetsThemAll() throws Exception {
        policy.call(() -> "ok");

        listener.clear();

        assertTrue(listener.events().isEmpty());
        assertTrue(listener.outcomes().isEmpty());
    }
}
