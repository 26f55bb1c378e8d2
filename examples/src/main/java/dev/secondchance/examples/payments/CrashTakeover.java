package dev.secondchance.examples.payments;

import dev.secondchance.examples.report.Check;
import dev.secondchance.idempotency.OperationInProgressException;
import dev.secondchance.idempotency.WhenInProgress;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * A crash mid-charge is taken over after the lease: server A claims the token, the card network charges the
 * card, and A dies before it records the receipt, leaving the record IN_PROGRESS under its lease. A fail-fast
 * server is told to come back later; server B, which waits (the default), polls until the lease ends and takes
 * the token over with a higher fencing version. Its run sends the same token to the card network as its
 * idempotency key, so the network answers with A's charge: charged once. (Without that downstream key the
 * executor would not run the charge again: B would get {@code OutcomeUnknownException}.)
 */
public final class CrashTakeover implements PaymentScenario {

    @Override
    public String name() {
        return "crash mid-charge";
    }

    @Override
    public String description() {
        return "server A claims the token, the card is charged, and A crashes before it records the receipt; the "
                + "client's retry reaches server B";
    }

    @Override
    public ScenarioResult run(PaymentsWorld world, PrintStream out) {
        PaymentsTime time = world.time();
        Duration lease = world.settings().lease();
        PaymentService a = world.server("server A");
        PaymentService failFast = world.server("server C", WhenInProgress.FAIL_FAST);
        PaymentService b = world.server("server B");
        ChargeRequest request = world.order(4, 7500);
        String token = world.token(request.orderId());
        out.printf(Locale.ROOT, "  %s, %s, token %s, lease %,d ms%n", request.orderId(), request.amount(), token,
                lease.toMillis());

        long start = time.ticker().nanoTime();
        a.crashDuringNextCharge();
        try {
            a.charge(token, request);
            out.println("    server A did NOT crash");
        } catch (SimulatedCrash crash) {
            out.printf(Locale.ROOT, "    +%,5d ms  %s; its claim stays IN_PROGRESS until the lease ends%n",
                    time.since(start).toMillis(), crash.getMessage());
        }
        Duration retryAfter = null;
        try {
            failFast.charge(token, request);
        } catch (OperationInProgressException e) {
            retryAfter = e.retryAfter();
            out.printf(Locale.ROOT, "    +%,5d ms  a fail-fast server (C) refuses the retry for now: %s, retry "
                    + "after %,d ms (an API answers 409)%n", time.since(start).toMillis(),
                    e.getClass().getSimpleName(), e.retryAfter().toMillis());
        }
        Receipt receipt = b.charge(token, request);
        Duration takenOver = time.since(start);
        int charges = world.network().charges(request.orderId());
        out.printf(Locale.ROOT, "    +%,5d ms  server B, which waits, polled until the lease ended, took the token "
                + "over and sent the same token to the card network, which answered with the first charge: %s%n",
                takenOver.toMillis(), receipt.describe());
        out.printf(Locale.ROOT, "  => the card was charged %d time(s) (charge %s, made for %s); server B answered "
                + "%,d ms after server A's claim (lease %,d ms)%n", charges, receipt.chargeId(), receipt.server(),
                takenOver.toMillis(), lease.toMillis());

        List<Check> checks = List.of(
                new Check("crash mid-charge: taken over after the lease, charged once",
                        charges == 1 && b.runs() == 1 && takenOver.compareTo(lease) >= 0,
                        charges + " charge(s), server B ran once, after " + takenOver.toMillis()
                                + " ms, lease " + lease.toMillis() + " ms"),
                new Check("...and a fail-fast server refused the retry while the lease held", retryAfter != null
                        && failFast.runs() == 0, retryAfter == null ? "not refused"
                                : "retry after " + retryAfter.toMillis() + " ms"));
        return new ScenarioResult(name(), charges, String.format(Locale.ROOT,
                "server B took over %,d ms after server A's claim (lease %,d ms); the card was charged %d time(s)",
                takenOver.toMillis(), lease.toMillis(), charges), checks, takenOver);
    }
}
