package dev.secondchance.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.secondchance.idempotency.FailureDisposition;
import dev.secondchance.idempotency.Fingerprint;
import dev.secondchance.idempotency.IdempotentExecutor;
import dev.secondchance.idempotency.IdempotentExecutorBuilder;
import dev.secondchance.idempotency.OperationInProgressException;
import dev.secondchance.idempotency.ReplayedFailureException;
import dev.secondchance.idempotency.RequestMismatchException;
import dev.secondchance.idempotency.ResultCodec;
import dev.secondchance.idempotency.WhenInProgress;
import dev.secondchance.idempotency.spi.IdempotencyStore;
import dev.secondchance.retry.testing.VirtualTime;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class IdempotencyMetersTest {

    private static final Fingerprint REQUEST = Fingerprint.sha256("order 42");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final VirtualTime time = new VirtualTime();

    private IdempotentExecutor<String> executor(WhenInProgress whenInProgress) {
        IdempotentExecutorBuilder<String> builder = IdempotentExecutor.builder(
                IdempotencyStore.inMemory(time.wallClock(), 1024), ResultCodec.utf8())
                .whenInProgress(whenInProgress)
                .failurePolicy(failure -> failure instanceof IllegalArgumentException ? FailureDisposition.FINAL
                        : FailureDisposition.OUTCOME_UNKNOWN)
                .clock(time.wallClock()).ticker(time).sleeper(time);
        return SecondChanceMicrometer.bind(builder.build(), registry, "payments", Tags.of("region", "eu"));
    }

    private double count(String outcome) {
        return registry.get("secondchance.idempotency.requests").tags("executor", "payments", "region", "eu",
                "outcome", outcome).counter().count();
    }

    @Test
    void bind_whenATokenRunsThenRepeats_countsOneExecutionAndOneReplay() {
        IdempotentExecutor<String> executor = executor(WhenInProgress.WAIT);

        executor.execute("t-1", REQUEST, () -> "charged");
        assertEquals("charged", executor.execute("t-1", REQUEST, () -> "charged twice"));

        assertEquals(1, count("executed"));
        assertEquals(1, count("replayed"));
        assertEquals(0, count("waited"));
    }

    @Test
    void bind_whenATokenComesBackWithAnotherRequest_countsAMismatch() {
        IdempotentExecutor<String> executor = executor(WhenInProgress.WAIT);
        executor.execute("t-1", REQUEST, () -> "charged");

        assertThrows(RequestMismatchException.class,
                () -> executor.execute("t-1", Fingerprint.sha256("order 43"), () -> "other"));

        assertEquals(1, count("mismatch"));
    }

    @Test
    void bind_whenAnotherCallerHoldsTheToken_countsInProgress() {
        IdempotentExecutor<String> executor = executor(WhenInProgress.FAIL_FAST);

        executor.execute("t-1", REQUEST, () -> {
            assertThrows(OperationInProgressException.class, () -> executor.execute("t-1", REQUEST, () -> "dup"));
            return "charged";
        });

        assertEquals(1, count("in.progress"));
        assertEquals(1, count("executed"));
    }

    @Test
    void bind_whenAFinalFailureIsRecordedAndReplayed_countsBoth() {
        IdempotentExecutor<String> executor = executor(WhenInProgress.WAIT);

        assertThrows(IllegalArgumentException.class, () -> executor.execute("t-1", REQUEST, () -> {
            throw new IllegalArgumentException("card declined");
        }));
        assertThrows(ReplayedFailureException.class, () -> executor.execute("t-1", REQUEST, () -> "again"));

        assertEquals(1, count("failure.recorded"));
        assertEquals(1, count("replayed"));
    }

    @Test
    void bind_whenAFailureMayHaveTakenEffect_countsAnUnknownOutcome() {
        IdempotentExecutor<String> executor = executor(WhenInProgress.WAIT);

        assertThrows(IllegalStateException.class, () -> executor.execute("t-1", REQUEST, () -> {
            throw new IllegalStateException("timeout");
        }));

        assertEquals(1, count("outcome.unknown"));
        assertEquals(0, count("failure.recorded"));
    }
}
