package dev.secondchance.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondchance.idempotency.spi.Completion;
import dev.secondchance.idempotency.spi.IdempotencyRecord;
import dev.secondchance.idempotency.spi.RecordStatus;
import org.junit.jupiter.api.Test;

/**
 * What a store author reads off a record: when it expires (to the second, as DynamoDB's TTL attribute does) and
 * how it describes itself in a store's logs and error messages (without the result's bytes).
 */
class IdempotencyRecordTest {

    private static final String FP = Fingerprint.sha256("request").hex();

    private static IdempotencyRecord inProgress(long expiresAtEpochSecond) {
        return new IdempotencyRecord("k", RecordStatus.IN_PROGRESS, FP, "owner", 3, 5_000, expiresAtEpochSecond, null);
    }

    @Test
    void isExpired_fromTheFirstMillisecondOfItsExpirySecond() {
        IdempotencyRecord record = inProgress(100);

        assertFalse(record.isExpired(99_999));
        assertTrue(record.isExpired(100_000));
        assertFalse(record.isOutcomeUnknown(100_000), "an expired record is no outcome at all");
    }

    @Test
    void toString_namesKeyStatusVersionOwnerLeaseExpiryAndTheCompletionKindOnly() {
        IdempotencyRecord running = inProgress(100);
        IdempotencyRecord done = running.complete(Completion.result(new byte[] {42, 43}, "utf-8", 1), 200);

        assertEquals("IdempotencyRecord[k, IN_PROGRESS, v3, owner=owner, lease=5000, expires=100]", running.toString());
        assertEquals("IdempotencyRecord[k, COMPLETED, v3, owner=owner, lease=5000, expires=200, "
                + "RESULT(2 bytes, utf-8 v1)]", done.toString());
        assertEquals("FAILURE(java.io.IOException)", Completion.failure("java.io.IOException", "secret").toString());
        assertEquals("RESULT_TOO_LARGE(500000 bytes)", Completion.resultTooLarge(500_000, "utf-8", 1).toString());
        assertEquals("OUTCOME_UNKNOWN(null)", Completion.outcomeUnknown(null, "secret").toString());
    }
}
