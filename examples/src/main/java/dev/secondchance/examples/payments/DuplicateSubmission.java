package dev.secondchance.examples.payments;

import dev.secondchance.examples.report.Check;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * A duplicate submission replays the receipt: the same payment form is posted twice (a double click, a
 * redelivered message); the second post lands on another server, which finds the first one's record in the
 * shared table and returns the same receipt without charging.
 */
public final class DuplicateSubmission implements PaymentScenario {

    /** The order of this scenario; {@link TokenReuse} reuses its token. */
    static final int ORDER = 2;

    /** Its amount. */
    static final long CENTS = 1999;

    @Override
    public String name() {
        return "duplicate submission";
    }

    @Override
    public String description() {
        return "the same payment is submitted twice (a double click); the second submission reaches server B";
    }

    @Override
    public ScenarioResult run(PaymentsWorld world, PrintStream out) {
        long start = world.time().ticker().nanoTime();
        PaymentService a = world.server("server A");
        PaymentService b = world.server("server B");
        ChargeRequest request = world.order(ORDER, CENTS);
        String token = world.token(request.orderId());
        out.printf(Locale.ROOT, "  %s, %s, token %s%n", request.orderId(), request.amount(), token);

        Receipt first = a.charge(token, request);
        out.printf(Locale.ROOT, "    submission 1 -> server A charges the card: %s%n", first.describe());
        Receipt second = b.charge(token, request);
        out.printf(Locale.ROOT, "    submission 2 -> server B %s: %s%n",
                b.runs() == 0 ? "replays the recorded receipt without charging" : "CHARGES AGAIN", second.describe());
        int charges = world.network().charges(request.orderId());
        boolean same = first.equals(second);
        out.printf(Locale.ROOT, "  => the card was charged %d time(s); the two receipts are %s%n", charges,
                same ? "equal" : "DIFFERENT");

        List<Check> checks = List.of(
                new Check("duplicate submission: charged once", charges == 1, charges + " charge(s)"),
                new Check("...and the duplicate got a receipt equal to the first", same && b.runs() == 0,
                        second.chargeId() + " by " + second.server() + " vs " + first.chargeId() + " by "
                                + first.server() + "; server B ran " + b.runs() + " charge(s)"));
        return new ScenarioResult(name(), charges, String.format(Locale.ROOT,
                "charged %d time(s); the duplicate on server B got %s, equal to the first receipt: %s", charges,
                second.chargeId(), same), checks, world.time().since(start));
    }
}
