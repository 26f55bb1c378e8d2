package dev.secondchance.examples.payments;

import dev.secondchance.examples.report.Check;
import dev.secondchance.retry.RetryListener;
import dev.secondchance.retry.RetryPolicy;
import java.io.PrintStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * A retry after a timeout charges once: the server charges the card, its reply is lost, the client's read
 * times out and its retry policy tries again with the same token; the server replays the recorded receipt.
 * The same retry without a token charges the card twice.
 */
public final class RetryAfterTimeout implements PaymentScenario {

    @Override
    public String name() {
        return "retry after a timeout";
    }

    @Override
    public String description() {
        return "server A charges the card but its reply is lost; the client's read times out and its RetryPolicy "
                + "tries again with the same token";
    }

    @Override
    public ScenarioResult run(PaymentsWorld world, PrintStream out) throws Exception {
        long start = world.time().ticker().nanoTime();
        PaymentService server = world.server("server A");
        LossyLink link = new LossyLink(server);
        RetryPolicy client = world.clientPolicy(new RetryPrinter(out));

        ChargeRequest request = world.order(1, 4200);
        String token = world.token(request.orderId());
        out.printf(Locale.ROOT, "  %s, %s, token %s%n", request.orderId(), request.amount(), token);
        link.loseNextReply();
        Receipt receipt = client.call(() -> attempt(out, server, () -> link.charge(token, request)));
        int charges = world.network().charges(request.orderId());
        String lost = link.lastLostChargeId();
        out.printf(Locale.ROOT, "  => the card was charged %d time(s); the client holds receipt %s%n", charges,
                receipt.chargeId());

        ChargeRequest unprotected = world.order(11, 4200);
        out.printf(Locale.ROOT, "  The same without a token (%s, %s):%n", unprotected.orderId(), unprotected.amount());
        link.loseNextReply();
        Receipt second = client.call(() -> attempt(out, server, () -> link.chargeWithoutToken(unprotected)));
        int unprotectedCharges = world.network().charges(unprotected.orderId());
        out.printf(Locale.ROOT, "  => the card was charged %d time(s); the client holds receipt %s, and the other "
                + "charge is a double charge%n", unprotectedCharges, second.chargeId());

        List<Check> checks = List.of(
                new Check("retry after a timeout, with a token: charged once", charges == 1,
                        charges + " charge(s), receipt " + receipt.chargeId()),
                new Check("...and the retry got the receipt of the lost reply",
                        receipt.chargeId().equals(lost), receipt.chargeId() + ", lost " + lost),
                new Check("the same retry without a token charges twice", unprotectedCharges == 2,
                        unprotectedCharges + " charge(s)"));
        return new ScenarioResult(name(), charges, String.format(Locale.ROOT,
                "charged %d time(s), the retry got the lost receipt %s (without a token: %d charges)", charges,
                receipt.chargeId(), unprotectedCharges), checks, world.time().since(start));
    }

    /** One attempt of the client: says whether the server ran the charge, and what reached the client. */
    private static Receipt attempt(PrintStream out, PaymentService server, Call call) throws SocketTimeoutException {
        int runs = server.runs();
        try {
            Receipt receipt = call.send();
            out.printf(Locale.ROOT, "    %s; the reply arrives: receipt %s%n", what(server, runs), receipt.chargeId());
            return receipt;
        } catch (SocketTimeoutException e) {
            out.printf(Locale.ROOT, "    %s; the reply is lost: %s%n", what(server, runs),
                    e.getClass().getSimpleName());
            throw e;
        }
    }

    private static String what(PaymentService server, int runsBefore) {
        return server.runs() > runsBefore ? server.name() + " charges the card"
                : server.name() + " replays the recorded receipt without charging";
    }

    /** A client call that may time out. */
    @FunctionalInterface
    private interface Call {
        Receipt send() throws SocketTimeoutException;
    }

    /** Prints the client policy's decisions. */
    private static final class RetryPrinter implements RetryListener {

        private final PrintStream out;

        RetryPrinter(PrintStream out) {
            this.out = out;
        }

        @Override
        public void onRetryScheduled(int nextAttempt, Duration delay, String reason) {
            out.printf(Locale.ROOT, "    client: attempt %d failed (%s): retry in %,d ms with the same request%n",
                    nextAttempt - 1, reason, delay.toMillis());
        }
    }
}
