package dev.secondchance.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.secondchance.idempotency.IdempotencyListenerTest.EventLog;
import dev.secondchance.idempotency.spi.Completion;
import dev.secondchance.idempotency.spi.IdempotencyRecord;
import dev.secondchance.idempotency.spi.RecordStatus;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A caller took over an unknown outcome and its resolver could not settle it (it cannot tell, throws, or
 * dies): the caller hears {@link OutcomeUnknownException} (or the Error), the listener hears the answer as
 * UNKNOWN, the unknown outcome is put back at once (the next caller need not wait out a lease), no renewal is
 * left running, and the operation never runs.
 */
class OutcomeResolverFailuresTest extends ExecutorTestBase {

    private static final Duration HEARTBEAT = Duration.ofSeconds(10);

    private final EventLog log = new EventLog();
    private final AtomicInteger charges = new AtomicInteger();
    private long crashedVersion;

    private String charge() {
        return "receipt " + charges.incrementAndGet();
    }

    /** A holder that claimed the key and crashed; its lease has lapsed, so its outcome is unknown. */
    private void crashedHolderLeaseLapsed() {
        crashedVersion = holdAsAnotherCaller("crashed").version();
        time.advance(LEASE);
    }

    private IdempotentExecutor<String> resolving(OutcomeResolver<String> resolver) {
        return builder(memory).heartbeat(HEARTBEAT).listener(log).outcomeResolver(resolver).build();
    }

    /** What a caller relies on after the resolver failed: unknown in the store now, nothing renewing, no run. */
    private void assertUnknownPutBackAtOnce() {
        IdempotencyRecord record = memory.read(key).orElseThrow();
        assertEquals(RecordStatus.COMPLETED, record.status(), "put back now, not left to a lapsing lease");
        assertEquals(Completion.Kind.OUTCOME_UNKNOWN, record.completion().kind());
        assertEquals(0, time.pendingTasks(), "no renewal left running");
        assertEquals(0, charges.get());
        assertEquals(List.of("taken over from v" + crashedVersion, "resolved UNKNOWN"), log.events);
    }

    @Test
    void execute_whenResolverCannotTell_putsTheUnknownOutcomeBackAtOnceAndStopsRenewing() {
        crashedHolderLeaseLapsed();

        assertThrows(OutcomeUnknownException.class,
                () -> resolving(context -> Resolution.unknown()).execute(token, REQUEST, this::charge));

        assertUnknownPutBackAtOnce();
        assertThrows(OutcomeUnknownException.class, () -> builder(memory).whenInProgress(WhenInProgress.FAIL_FAST)
                .build().execute(token, REQUEST, this::charge), "the next caller is told at once, not 'in progress'");
    }

    @Test
    void execute_whenResolverAnswersNull_treatsItAsCannotTell() {
        crashedHolderLeaseLapsed();

        assertThrows(OutcomeUnknownException.class,
                () -> resolving(context -> null).execute(token, REQUEST, this::charge));

        assertUnknownPutBackAtOnce();
    }

    @Test
    void execute_whenResolverThrows_throwsOutcomeUnknownCausedByItAndPutsTheOutcomeBack() {
        crashedHolderLeaseLapsed();
        IOException providerDown = new IOException("provider unreachable");

        OutcomeUnknownException thrown = assertThrows(OutcomeUnknownException.class,
                () -> resolving(context -> {
                    throw providerDown;
                }).execute(token, REQUEST, this::charge));

        assertSame(providerDown, thrown.getCause());
        assertEquals(0, providerDown.getSuppressed().length);
        assertUnknownPutBackAtOnce();
    }

    @Test
    void execute_whenResolverThrowsAnError_tellsTheListenerUnknownAndRethrowsTheError() {
        crashedHolderLeaseLapsed();
        StackOverflowError broke = new StackOverflowError("resolver broke");

        assertSame(broke, assertThrows(StackOverflowError.class, () -> resolving(context -> {
            throw broke;
        }).execute(token, REQUEST, this::charge)));

        assertUnknownPutBackAtOnce();
    }

    @Test
    void execute_whenResolverThrowsAndTheStoreIsDown_throwsOutcomeUnknownWithTheStoreFailureSuppressed() {
        crashedHolderLeaseLapsed();
        FaultyStore store = new FaultyStore(memory);
        IOException providerDown = new IOException("provider unreachable");
        IdempotentExecutor<String> executor = builder(store).listener(log).outcomeResolver(context -> {
            store.down = true;
            throw providerDown;
        }).build();

        OutcomeUnknownException thrown = assertThrows(OutcomeUnknownException.class,
                () -> executor.execute(token, REQUEST, this::charge));

        assertSame(providerDown, thrown.getCause());
        assertEquals(1, providerDown.getSuppressed().length);
        assertInstanceOf(StoreUnavailableException.class, providerDown.getSuppressed()[0]);
        assertEquals(0, charges.get());
        store.down = false;
        time.advance(LEASE);
        assertThrows(OutcomeUnknownException.class, () -> builder(memory).build().execute(token, REQUEST,
                this::charge), "once the claim's lease ends the outcome is still unknown");
        assertEquals(0, charges.get());
    }

    @Test
    void execute_whenResolverCannotTellAndTheStoreIsDown_stillThrowsOutcomeUnknown() {
        crashedHolderLeaseLapsed();
        FaultyStore store = new FaultyStore(memory);
        IdempotentExecutor<String> executor = builder(store).listener(log).outcomeResolver(context -> {
            store.down = true;
            return Resolution.unknown();
        }).build();

        OutcomeUnknownException thrown = assertThrows(OutcomeUnknownException.class,
                () -> executor.execute(token, REQUEST, this::charge));

        assertEquals(null, thrown.getCause());
        assertEquals(List.of("taken over from v" + crashedVersion, "resolved UNKNOWN",
                "store unavailable, fail closed"), log.events);
        assertEquals(0, charges.get());
    }
}
