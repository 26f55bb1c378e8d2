package dev.secondchance.examples.payments;

import java.io.PrintStream;

/** One scenario of the payments example: it prints what happens, step by step, and checks the outcome. */
public interface PaymentScenario {

    /** @return a short name */
    String name();

    /** @return what happens, in a sentence */
    String description();

    /**
     * Runs the scenario on fresh orders.
     *
     * @param world the shared table, network and time
     * @param out where the steps are printed
     * @return what it showed
     * @throws Exception if something other than the scenario's own faults fails
     */
    ScenarioResult run(PaymentsWorld world, PrintStream out) throws Exception;
}
