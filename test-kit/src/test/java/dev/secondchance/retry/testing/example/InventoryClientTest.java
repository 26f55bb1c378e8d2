package dev.secondchance.retry.testing.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.secondchance.retry.RetryPolicyBuilder;
import dev.secondchance.retry.testing.RecordingListener;
import dev.secondchance.retry.testing.TestRetries;
import dev.secondchance.retry.testing.VirtualTime;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** docs/testing.md's example of a user's test, as it stands there. */
class InventoryClientTest {

    /** Refuses the connection a number of times, then answers 7. */
    private static final class FlakyWarehouse implements Warehouse {
        private final AtomicInteger refusals;

        FlakyWarehouse(int refusals) {
            this.refusals = new AtomicInteger(refusals);
        }

        @Override
        public int stock(String sku) throws ConnectException {
            if (refusals.getAndDecrement() > 0) {
                throw new ConnectException("refused");
            }
            return 7;
        }
    }

    @Test
    void stock_whenTheWarehouseRefusesThreeTimes_answersOnTheFourthAttempt() throws Exception {
        RetryPolicyBuilder builder = InventoryClient.retryPolicy();
        VirtualTime time = TestRetries.instantWaits(builder);     // waits end at once; jitter draws the middle
        RecordingListener listener = new RecordingListener();
        Warehouse warehouse = new FlakyWarehouse(3);              // refuses 3 times, then answers 7
        InventoryClient client = new InventoryClient(builder.listener(listener).build(), warehouse);

        assertEquals(7, client.stock("sku-1"));

        assertEquals(4, listener.lastOutcome().attempts());
        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400)),
                listener.delays());                               // the middle of [0, 200), [0, 400), [0, 800) ms
        assertEquals(Duration.ofMillis(700), time.elapsed());     // virtual: the test took milliseconds
    }
}
