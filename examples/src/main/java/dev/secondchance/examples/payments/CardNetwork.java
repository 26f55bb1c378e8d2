package dev.secondchance.examples.payments;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The card network, in memory: every call charges the card again, as a payment API without an idempotency
 * key does. It counts the charges per order, which is what the example checks. Thread-safe.
 */
public final class CardNetwork {

    private final AtomicInteger sequence = new AtomicInteger();
    private final Map<String, AtomicInteger> chargesByOrder = new ConcurrentHashMap<>();

    /**
     * Charges the card.
     *
     * @param request what to charge
     * @param server the server that asked, for the receipt
     * @return the receipt, with a new charge id
     */
    public Receipt charge(ChargeRequest request, String server) {
        chargesByOrder.computeIfAbsent(request.orderId(), id -> new AtomicInteger()).incrementAndGet();
        String chargeId = String.format("ch_%04d", sequence.incrementAndGet());
        return new Receipt(chargeId, request.orderId(), request.amountCents(), request.currency(), server);
    }

    /**
     * @param orderId an order
     * @return how many times its card was charged
     */
    public int charges(String orderId) {
        AtomicInteger charges = chargesByOrder.get(orderId);
        return charges == null ? 0 : charges.get();
    }

    /** @return charges made for every order */
    public int totalCharges() {
        return sequence.get();
    }
}
