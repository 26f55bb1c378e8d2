package dev.secondchance.examples.payments;

/**
 * Stands for a server process dying in the middle of a charge. The server's {@link ServerProcessStore} dies
 * with it, so the claim stays IN_PROGRESS until its lease ends, as a dead process would leave it (no
 * outcome, no release, no more heartbeats).
 */
public final class SimulatedCrash extends Error {

    private static final long serialVersionUID = 1L;

    /** @param server the server that "crashed" */
    public SimulatedCrash(String server) {
        super(server + " crashed after the card network charged, before it recorded the receipt");
    }
}
