package dev.secondchance.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.secondchance.idempotency.IdempotencyListenerTest.EventLog;
import dev.secondchance.idempotency.spi.ClaimRequest;
import dev.secondchance.idempotency.spi.ClaimResult;
import dev.secondchance.idempotency.spi.CompleteResult;
import dev.secondchance.idempotency.spi.Completion;
import dev.secondchance.idempotency.spi.IdempotencyRecord;
import dev.secondchance.idempotency.spi.IdempotencyStore;
import dev.secondchance.idempotency.spi.RecordStatus;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What happens to a claim when its operation fails, on the paths mutation testing found untested
 * (docs/quality.md): a failure policy that answers null or throws, the recorded message's length, a recording
 * or a release that is fenced or cannot reach the store, a downstream-idempotent operation's final and unknown
 * failures, and the heartbeat stopping when the run ends.
 */
class OwnedRunFailuresTest extends ExecutorTestBase {

    /** The in-memory store, except that every completion is fenced, as if another caller had taken over. */
    private final IdempotencyStore fencing = new IdempotencyStore() {
        @Override
        public ClaimResult claim(ClaimRequest request) {
            return memory.claim(request);
        }

        @Override
        public CompleteResult complete(String key, String owner, long version, Completion completion, Duration ttl) {
            return CompleteResult.FENCED;
        }

        @Override
        public boolean release(String key, String owner, long version) {
            return memory.release(key, owner, version);
        }

        @Override
        public boolean renew(String key, String owner, long version, Duration lease, Duration ttl) {
            return memory.renew(key, owner, version, lease, ttl);
        }

        @Override
        public Optional<IdempotencyRecord> read(String key) {
            return memory.read(key);
        }
    };

    private static String decline() {
        throw new IllegalStateException("declined by the bank");
    }

    @Test
    void execute_whenTheFailurePolicyAnswersNull_recordsAnUnknownOutcome() {
        IdempotentExecutor<String> executor = builder(memory).failurePolicy(failure -> null).build();

        assertThrows(IllegalStateException.class, () -> executor.execute(token, REQUEST, () -> decline()));

        assertThrows(OutcomeUnknownException.class, () -> executor.execute(token, REQUEST, () -> "again"));
    }

    @Test
    void execute_whenTheFailurePolicyThrows_rethrowsTheFailureWithThePolicysAndRecordsAnUnknownOutcome() {
        IllegalArgumentException broken = new IllegalArgumentException("policy bug");
        IdempotentExecutor<String> executor = builder(memory).failurePolicy(failure -> {
            throw broken;
        }).build();

        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> executor.execute(token, REQUEST, () -> decline()));

        assertEquals(List.of(broken), Arrays.asList(thrown.getSuppressed()));
        assertThrows(OutcomeUnknownException.class, () -> executor.execute(token, REQUEST, () -> "again"));
    }

    @Test
    void execute_whenAFinalFailureIsReplayed_keepsAtMostFailureMessageLengthCharacters() {
        IdempotentExecutor<String> cut = builder(memory).failurePolicy(failure -> FailureDisposition.FINAL)
                .failureMessageLength(8).build();
        String exact = IdempotencyTokens.random();
        String none = IdempotencyTokens.random();

        assertThrows(IllegalStateException.class, () -> cut.execute(token, REQUEST, () -> decline()));
        assertThrows(IllegalStateException.class, () -> cut.execute(exact, REQUEST, () -> {
            throw new IllegalStateException("declined");
        }));
        assertThrows(IllegalStateException.class, () -> cut.execute(none, REQUEST, () -> {
            throw new IllegalStateException();
        }));

        ReplayedFailureException longer = assertThrows(ReplayedFailureException.class,
                () -> cut.execute(token, REQUEST, () -> "again"));
        assertEquals(IllegalStateException.class.getName(), longer.failureType());
        assertEquals("declined", longer.failureMessage());
        assertEquals("declined", assertThrows(ReplayedFailureException.class,
                () -> cut.execute(exact, REQUEST, () -> "again")).failureMessage());
        assertNull(assertThrows(ReplayedFailureException.class,
                () -> cut.execute(none, REQUEST, () -> "again")).failureMessage());
    }

    @Test
    void execute_whenRecordingTheFailureIsFenced_addsALeaseLostExceptionToTheFailureAndTellsTheListener() {
        EventLog log = new EventLog();
        IdempotentExecutor<String> executor = builder(fencing).listener(log).build();

        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> executor.execute(token, REQUEST, () -> decline()));

        assertEquals(1, thrown.getSuppressed().length);
        assertInstanceOf(LeaseLostException.class, thrown.getSuppressed()[0]);
        assertEquals(List.of("claimed", "lease lost v1"), log.events);
    }

    @Test
    void execute_whenAReleasableFailureComesAfterAnotherCallerTookOver_tellsLeaseLostAndLeavesTheTakersRecord() {
        EventLog log = new EventLog();
        IdempotentExecutor<String> holder = builder(memory).heartbeat(Duration.ZERO).listener(log)
                .failurePolicy(FailurePolicy.releaseWhen(failure -> true)).build();
        IdempotentExecutor<String> taker = builder(memory).downstreamIdempotent(true).build();
        IllegalStateException refused = new IllegalStateException("refused");

        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> holder.execute(token, REQUEST, () -> {
                    time.advance(LEASE.plusSeconds(1));
                    assertEquals("taker's receipt", taker.execute(token, REQUEST, () -> "taker's receipt"));
                    throw refused;
                }));

        assertSame(refused, thrown);
        assertEquals(List.of("claimed", "lease lost v1"), log.events, "not 'released': the release was fenced");
        assertEquals("taker's receipt", holder.execute(token, REQUEST, () -> "ran a third time"));
    }

    @Test
    void execute_whenDownstreamIdempotentAndTheFailureIsFinal_recordsItAndReplaysItWithoutRunning() {
        EventLog log = new EventLog();
        IdempotentExecutor<String> executor = builder(memory).downstreamIdempotent(true).listener(log)
                .failurePolicy(failure -> FailureDisposition.FINAL).build();

        assertThrows(IllegalStateException.class, () -> executor.execute(token, REQUEST, () -> decline()));

        ReplayedFailureException replay = assertThrows(ReplayedFailureException.class,
                () -> executor.execute(token, REQUEST, () -> "charged after all"));
        assertEquals(IllegalStateException.class.getName(), replay.failureType());
        assertEquals(List.of("claimed", "recorded FINAL", "replayed FAILURE"), log.events);
    }

    @Test
    void execute_whenDownstreamIdempotentAndTheOutcomeIsUnknown_releasesInsteadOfRecordingIt() {
        EventLog log = new EventLog();
        IdempotentExecutor<String> executor = builder(memory).downstreamIdempotent(true).listener(log).build();

        assertThrows(IllegalStateException.class, () -> executor.execute(token, REQUEST, () -> decline()));

        assertEquals(RecordStatus.RELEASED, memory.read(key).orElseThrow().status());
        assertEquals(List.of("claimed", "released"), log.events);
    }

    @Test
    void execute_whenTheStoreIsDownWhileRecordingTheFailure_addsStoreUnavailableToTheFailure() {
        FaultyStore store = new FaultyStore(memory);
        IdempotentExecutor<String> executor = builder(store).build();
        IllegalStateException failure = new IllegalStateException("declined");

        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> executor.execute(token, REQUEST, () -> {
                    store.down = true;
                    throw failure;
                }));

        assertSame(failure, thrown);
        assertEquals(1, thrown.getSuppressed().length);
        assertInstanceOf(StoreUnavailableException.class, thrown.getSuppressed()[0]);
    }

    @Test
    void execute_whenTheRunEnds_stopsRenewingTheLease() {
        IdempotentExecutor<String> executor = builder(memory).build();
        String failed = IdempotencyTokens.random();

        assertEquals("ok", executor.execute(token, REQUEST, () -> "ok"));
        assertThrows(IllegalStateException.class, () -> executor.execute(failed, REQUEST, () -> decline()));

        assertEquals(0, time.pendingTasks(), "no renewal is left scheduled");
    }
}
