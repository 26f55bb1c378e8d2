package dev.secondchance.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.secondchance.retry.testing.VirtualTime;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A call's own deadline, from its request's latency budget, on one shared policy. */
class CallOptionsTest {

    private final VirtualTime time = new VirtualTime().autoRun();
    private final RetryPolicy policy = time.install(RetryPolicy.builder()).maxAttempts(10)
            .backoff(Backoff.fixed(Duration.ofSeconds(1))).recordMetrics().build();

    private CheckedSupplier<String, IOException> alwaysRefused(AtomicInteger attempts) {
        return () -> {
            attempts.incrementAndGet();
            throw new ConnectException("refused");
        };
    }

    @Test
    void execute_whenCallHasItsOwnDeadline_endsWithinItWhileThePolicyHasNone() {
        AtomicInteger attempts = new AtomicInteger();

        Outcome<String> outcome = policy.execute(CallOptions.deadline(Duration.ofMillis(2500)), alwaysRefused(attempts));

        assertEquals(EndReason.DEADLINE_EXCEEDED, outcome.endReason());
        assertEquals(3, attempts.get(), "attempts at 0, 1 s and 2 s; a wait to 3 s would pass 2.5 s");
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(1)), time.sleeps());
        assertEquals(Duration.ofSeconds(2), outcome.elapsed(), "elapsed counts from the first attempt");
    }

    @Test
    void call_whenPolicyDeadlineIsShorter_thePolicysApplies() {
        RetryPolicy strict = policy.toBuilder().deadline(Duration.ofMillis(1500)).build();
        AtomicInteger attempts = new AtomicInteger();

        IOException e = assertThrows(IOException.class,
                () -> strict.call(CallOptions.deadline(Duration.ofSeconds(30)), alwaysRefused(attempts)));

        assertEquals(2, attempts.get());
        assertEquals(EndReason.DEADLINE_EXCEEDED, RetriesEnded.of(e).orElseThrow().endReason());
    }

    @Test
    void call_whenNoOptions_isThePolicysCallSharingItsCounters() throws IOException {
        AtomicInteger attempts = new AtomicInteger();

        assertThrows(IOException.class, () -> policy.call(CallOptions.deadline(Duration.ofMillis(500)),
                alwaysRefused(attempts)));
        assertEquals("ok", policy.call(CallOptions.none(), () -> "ok"));

        assertEquals(1, attempts.get());
        assertEquals(2, policy.metrics().calls());
        assertEquals(1, policy.metrics().ended(EndReason.DEADLINE_EXCEEDED));
    }

    @Test
    void executeAsync_whenCallHasItsOwnDeadline_endsWithinIt() {
        AtomicInteger attempts = new AtomicInteger();

        Outcome<String> outcome = policy.<String>executeAsync(CallOptions.deadline(Duration.ofMillis(2500)), () -> {
            attempts.incrementAndGet();
            return CompletableFuture.failedFuture(new ConnectException("refused"));
        }).join();

        assertEquals(EndReason.DEADLINE_EXCEEDED, outcome.endReason());
        assertEquals(3, attempts.get());
    }

    @Test
    void deadline_whenNotPositive_throwsAndNoneChangesNothing() {
        assertThrows(IllegalArgumentException.class, () -> CallOptions.deadline(Duration.ZERO));
        assertThrows(NullPointerException.class, () -> CallOptions.deadline(null));
        assertNull(CallOptions.none().deadline());
        assertSame(CallOptions.none(), CallOptions.none());
        assertEquals(Duration.ofSeconds(1), CallOptions.deadline(Duration.ofSeconds(5)).deadlineWithin(Duration.ofSeconds(1)));
        assertEquals(Duration.ofSeconds(5), CallOptions.deadline(Duration.ofSeconds(5)).deadlineWithin(null));
        assertEquals(Duration.ofSeconds(1), CallOptions.none().deadlineWithin(Duration.ofSeconds(1)));
    }
}
