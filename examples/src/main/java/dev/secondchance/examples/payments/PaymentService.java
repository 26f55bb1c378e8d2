package dev.secondchance.examples.payments;

import dev.secondchance.idempotency.IdempotentExecutor;
import dev.secondchance.idempotency.dynamodb.JacksonFingerprints;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One payment server: it charges a card through the {@link CardNetwork}, at most once per client token,
 * with an {@link IdempotentExecutor} whose records are in DynamoDB. Several servers may share one table, as
 * the processes of one service do. It can be told to crash during its next charge. Thread-safe.
 */
public final class PaymentService {

    private final String name;
    private final IdempotentExecutor<Receipt> charges;
    private final CardNetwork network;
    private final AtomicInteger runs = new AtomicInteger();
    private final AtomicBoolean crashNext = new AtomicBoolean();
    private final ServerProcessStore process;

    /**
     * @param name the server's name, for receipts and output
     * @param charges the executor, with its store and lease
     * @param network the card network
     * @param process the store as this server process sees it; it dies with the server
     */
    PaymentService(String name, IdempotentExecutor<Receipt> charges, CardNetwork network, ServerProcessStore process) {
        this.name = name;
        this.charges = charges;
        this.network = network;
        this.process = process;
    }

    /**
     * Charges the card once per token: a later call with the same token and request gets the first receipt.
     *
     * @param token the client token, the same on every retry and resubmission of one payment
     * @param request what to charge
     * @return the receipt of the one charge
     * @throws dev.secondchance.idempotency.RequestMismatchException if the token was used for another request
     */
    public Receipt charge(String token, ChargeRequest request) {
        return charges.execute(token, JacksonFingerprints.of(request), context -> run(request, context.token()));
    }

    /**
     * Charges the card with no token: every call is a new charge.
     *
     * @param request what to charge
     * @return the receipt of a new charge
     */
    public Receipt chargeWithoutToken(ChargeRequest request) {
        return run(request, null);
    }

    /**
     * Makes the next charge crash the server after the card network charged the card and before the server
     * recorded the receipt: the worst moment, since the charge happened but nobody knows it.
     */
    public void crashDuringNextCharge() {
        crashNext.set(true);
    }

    /** @return how many times this server ran a charge (a replay does not run one) */
    public int runs() {
        return runs.get();
    }

    /** @return the server's name */
    public String name() {
        return name;
    }

    /** Charges the card, passing the client token on as the card network's idempotency key when there is one. */
    private Receipt run(ChargeRequest request, String token) {
        runs.incrementAndGet();
        Receipt receipt = token == null ? network.charge(request, name) : network.charge(request, name, token);
        if (crashNext.getAndSet(false)) {
            SimulatedCrash crash = new SimulatedCrash(name);
            process.die(crash);
            throw crash;
        }
        return receipt;
    }
}
