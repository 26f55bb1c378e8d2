package dev.secondchance.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondchance.idempotency.spi.IdempotencyStore;
import dev.secondchance.retry.Verdict;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

/** What a caller reads off the executor's typed failures, and what a store without its own classifier answers. */
class IdempotencyExceptionsTest {

    @Test
    void replayedFailure_namesTheTypeAndTheMessageOnlyWhenOneWasKept() {
        assertEquals("idempotency token 't-1' already completed with a final failure: java.io.IOException: declined",
                new ReplayedFailureException("t-1", "java.io.IOException", "declined", null).getMessage());
        assertEquals("idempotency token 't-1' already completed with a final failure: java.io.IOException",
                new ReplayedFailureException("t-1", "java.io.IOException", null, null).getMessage());
    }

    @Test
    void outcomeUnknown_saysWhetherTheRunFailedOrItsHolderVanished() {
        String failed = new OutcomeUnknownException("t-1", "java.net.SocketException", null).getMessage();
        String vanished = new OutcomeUnknownException("t-1", null, null).getMessage();

        assertTrue(failed.startsWith("the outcome of the earlier run of idempotency token 't-1' is unknown (it failed "
                + "with java.net.SocketException); it may have taken effect"), failed);
        assertTrue(vanished.startsWith("the outcome of the earlier run of idempotency token 't-1' is unknown (its "
                + "holder's lease lapsed without an outcome); it may have taken effect"), vanished);
    }

    @Test
    void leaseLost_carriesTheVersionItHeldAndTheLateResult() {
        LeaseLostException lost = new LeaseLostException("t-1", 7, "late receipt");

        assertEquals(7, lost.version());
        assertEquals("late receipt", lost.result());
    }

    @Test
    void retryClassifier_ofAStoreThatDefinesNone_abstainsSoThePolicysOtherClassifiersDecide() {
        IdempotencyStore store = new LeaseRenewalTest.ForwardingStore(IdempotencyStore.inMemory());

        Verdict verdict = store.retryClassifier().classifyFailure(new ConnectException("refused"));

        assertEquals(Verdict.abstain(), verdict);
    }
}
