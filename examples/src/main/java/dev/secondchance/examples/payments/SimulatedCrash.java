package dev.secondchance.examples.payments;

/**
 * Stands for a server process dying in the middle of a charge. It is an {@link Error}, which the executor's
 * default failure policy treats as ambiguous: the claim is kept until its lease ends, as a dead process
 * would leave it (no release, and no more heartbeats).
 */
public final class SimulatedCrash extends Error {

    private static final long serialVersionUID = 1L;

    /** @param server the server that "crashed" */
    public SimulatedCrash(String server) {
        super(server + " crashed while the charge was in flight");
    }
}
