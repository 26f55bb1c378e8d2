package dev.secondchance.examples.payments;

import java.net.SocketTimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The network between the client and a payment server. It can lose replies: the server has done the work,
 * but the client's read times out ({@link SocketTimeoutException}), so the client cannot tell whether the
 * card was charged and retries. Thread-safe.
 */
public final class LossyLink {

    private final PaymentService server;
    private final AtomicInteger repliesToLose = new AtomicInteger();
    private final AtomicReference<String> lastLost = new AtomicReference<>();

    /** @param server the server at the other end */
    public LossyLink(PaymentService server) {
        this.server = server;
    }

    /** Loses the reply of the next call. */
    public void loseNextReply() {
        repliesToLose.incrementAndGet();
    }

    /**
     * Asks the server to charge with a token.
     *
     * @param token the client token
     * @param request what to charge
     * @return the server's receipt
     * @throws SocketTimeoutException if the reply was lost (the server did charge)
     */
    public Receipt charge(String token, ChargeRequest request) throws SocketTimeoutException {
        return deliver(server.charge(token, request));
    }

    /**
     * Asks the server to charge without a token.
     *
     * @param request what to charge
     * @return the server's receipt
     * @throws SocketTimeoutException if the reply was lost (the server did charge)
     */
    public Receipt chargeWithoutToken(ChargeRequest request) throws SocketTimeoutException {
        return deliver(server.chargeWithoutToken(request));
    }

    /** @return the charge id of the last receipt lost on the way, or null */
    public String lastLostChargeId() {
        return lastLost.get();
    }

    private Receipt deliver(Receipt receipt) throws SocketTimeoutException {
        if (repliesToLose.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            lastLost.set(receipt.chargeId());
            throw new SocketTimeoutException("Read timed out: the server charged " + receipt.chargeId()
                    + ", but its reply was lost");
        }
        return receipt;
    }
}
