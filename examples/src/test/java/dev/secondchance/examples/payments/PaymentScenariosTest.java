package dev.secondchance.examples.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondchance.examples.report.Check;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

/**
 * Each payments scenario with its records in memory (the example's default) and a simulated clock, so that
 * waiting out the lease takes no real time. Each test has its own orders, tokens and store (a new world).
 */
class PaymentScenariosTest {

    private static final Duration LEASE = Duration.ofSeconds(5);
    private static final PaymentsSettings SETTINGS = new PaymentsSettings(Path.of("unused"), null, false,
            Region.US_EAST_1, "payments-test", LEASE, true, 1);

    private static RecordsStore records;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
    private final PaymentsWorld world = new PaymentsWorld(SETTINGS, PaymentsTime.simulatedTime(), records);

    @BeforeAll
    static void openRecords() {
        records = RecordsStore.open(SETTINGS);
    }

    @AfterAll
    static void closeRecords() {
        records.close();
    }

    @Test
    void retryAfterTimeout_whenTheReplyIsLost_chargesOnceAndReturnsTheLostReceipt() throws Exception {
        ScenarioResult result = new RetryAfterTimeout().run(world, out);

        assertEquals(1, result.charges());
        assertEquals(1, world.network().charges(world.order(1, 4200).orderId()));
        assertEquals(2, world.network().charges(world.order(11, 4200).orderId()), "without a token");
        assertAllHold(result);
    }

    @Test
    void duplicateSubmission_whenPostedTwice_replaysAnEqualReceiptWithoutCharging() {
        ScenarioResult result = new DuplicateSubmission().run(world, out);

        assertEquals(1, world.network().charges(world.order(DuplicateSubmission.ORDER, 1).orderId()));
        assertEquals(1, world.network().totalCharges());
        assertAllHold(result);
        assertTrue(console.toString(StandardCharsets.UTF_8).contains("the two receipts are equal"));
    }

    @Test
    void tokenReuse_whenTheAmountDiffers_isRefusedAndChargesNothing() {
        new DuplicateSubmission().run(world, out);
        int before = world.network().totalCharges();

        ScenarioResult result = new TokenReuse().run(world, out);

        assertEquals(0, result.charges());
        assertEquals(before, world.network().totalCharges());
        assertAllHold(result);
        assertTrue(console.toString(StandardCharsets.UTF_8).contains("RequestMismatchException"));
    }

    @Test
    void crashTakeover_whenTheHolderCrashes_isTakenOverAfterTheLeaseAndChargedOnce() {
        ScenarioResult result = new CrashTakeover().run(world, out);

        assertEquals(1, result.charges());
        assertTrue(result.elapsed().compareTo(LEASE) >= 0, "taken over after " + result.elapsed());
        assertTrue(result.elapsed().compareTo(LEASE.plusSeconds(2)) < 0, "but soon after: " + result.elapsed());
        assertAllHold(result);
    }

    private void assertAllHold(ScenarioResult result) {
        for (Check check : result.checks()) {
            assertTrue(check.holds(), () -> check.line() + "\n" + console.toString(StandardCharsets.UTF_8));
        }
    }
}
