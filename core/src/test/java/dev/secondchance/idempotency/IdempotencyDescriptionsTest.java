package dev.secondchance.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the executor's parts print where they show up: in log lines (the failure codec in the executor's
 * warnings) and in a user's own logs (the executor, the failure policy, the operation's context).
 */
class IdempotencyDescriptionsTest extends ExecutorTestBase {

    @Test
    void toString_ofTheExecutor_namesItsStoreCodecLeaseAndWaitMode() {
        String described = builder(memory).whenInProgress(WhenInProgress.FAIL_FAST).build().toString();

        assertEquals("IdempotentExecutor[" + memory + ", codec=utf-8 v1, lease=PT30S, FAIL_FAST]", described);
    }

    @Test
    void toString_ofTheDefaultsAndCodecs_namesTheFactoryThatMadeThem() {
        assertEquals("FailurePolicy.defaults()", FailurePolicy.defaults().toString());
        assertEquals("FailureCodec.none()", FailureCodec.none().toString());
        assertEquals("FailureCodec.forType(java.lang.IllegalStateException)", FailureCodec.forType(
                IllegalStateException.class, Throwable::getMessage, IllegalStateException::new).toString());
    }

    @Test
    void toString_ofTheOperationContext_namesTheKeyTheVersionAndALostLease() {
        List<String> described = new ArrayList<>();

        builder(memory).build().execute(token, REQUEST, context -> {
            described.add(context.toString());
            return "charged";
        });

        assertEquals(List.of("OperationContext[" + key + ", v1]"), described);
    }

    @Test
    void toString_ofAContextWhoseLeaseWasLost_saysSo() {
        IdempotentExecutor<String> taker = builder(memory).downstreamIdempotent(true).build();
        List<String> described = new ArrayList<>();

        assertThrows(LeaseLostException.class, () -> builder(memory).heartbeat(Duration.ofSeconds(10)).build()
                .execute(token, REQUEST, context -> {
                    time.sleep(LEASE.plusSeconds(1));
                    taker.execute(token, REQUEST, () -> "taker");
                    time.advance(Duration.ZERO);
                    described.add(context.toString());
                    return "late";
                }));

        assertEquals(List.of("OperationContext[" + key + ", v1, lease lost]"), described);
    }
}
