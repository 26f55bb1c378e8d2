package dev.secondchance.examples.payments;

import dev.secondchance.examples.report.Check;
import dev.secondchance.idempotency.RequestMismatchException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * The same token with another amount is refused: the token of {@link DuplicateSubmission}'s order (paid
 * first if that scenario did not run) is sent with another amount (a client bug, or a tampered form); the
 * request's fingerprint differs from the recorded one, so the executor throws
 * {@link RequestMismatchException} and nothing is charged.
 */
public final class TokenReuse implements PaymentScenario {

    private static final long OTHER_CENTS = 9900;

    @Override
    public String name() {
        return "same token, other amount";
    }

    @Override
    public String description() {
        return "the token of the duplicate-submission order comes back with another amount";
    }

    @Override
    public ScenarioResult run(PaymentsWorld world, PrintStream out) {
        long start = world.time().ticker().nanoTime();
        PaymentService a = world.server("server A");
        ChargeRequest original = world.order(DuplicateSubmission.ORDER, DuplicateSubmission.CENTS);
        ChargeRequest changed = original.withAmount(OTHER_CENTS);
        String token = world.token(original.orderId());
        if (world.network().charges(original.orderId()) == 0) {
            a.charge(token, original); // run on its own: pay the order first
        }
        int chargesBefore = world.network().totalCharges();
        int runsBefore = a.runs();
        out.printf(Locale.ROOT, "  %s, %s instead of %s, token %s%n", changed.orderId(), changed.amount(),
                original.amount(), token);

        String refusal = null;
        try {
            Receipt receipt = a.charge(token, changed);
            out.printf(Locale.ROOT, "    server A ACCEPTS it: %s%n", receipt.describe());
        } catch (RequestMismatchException e) {
            refusal = e.getClass().getSimpleName();
            out.printf(Locale.ROOT, "    server A refuses it: %s: %s%n", refusal, e.getMessage());
        }
        int newCharges = world.network().totalCharges() - chargesBefore;
        out.printf(Locale.ROOT, "  => %s; new charges: %d; the order stays charged %d time(s), %s%n",
                refusal != null ? "refused (an API answers 422)" : "NOT refused", newCharges,
                world.network().charges(original.orderId()), original.amount());

        List<Check> checks = List.of(
                new Check("same token with another amount: refused, nothing charged",
                        refusal != null && newCharges == 0 && a.runs() == runsBefore,
                        (refusal != null ? refusal : "accepted") + ", " + newCharges + " new charge(s)"));
        return new ScenarioResult(name(), newCharges, String.format(Locale.ROOT,
                "%s; %d new charge(s)", refusal != null ? "refused with " + refusal : "NOT refused", newCharges),
                checks, world.time().since(start));
    }
}
