package dev.secondchance.examples.payments;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The card network, in memory. A call without an idempotency key charges the card again, as a payment API
 * without one does; a call with a key charges once per key and answers a repeated key with the first
 * receipt, as Stripe's {@code Idempotency-Key} does. It counts the charges per order, which is what the
 * example checks. Thread-safe.
 */
public final class CardNetwork {

    private final AtomicInteger sequence = new AtomicInteger();
    private final Map<String, AtomicInteger> chargesByOrder = new ConcurrentHashMap<>();
    private final Map<String, Receipt> receiptsByKey = new ConcurrentHashMap<>();

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
     * Charges the card once per idempotency key.
     *
     * @param request what to charge
     * @param server the server that asked, for the receipt
     * @param idempotencyKey the caller's key for this charge
     * @return the receipt of the key's one charge
     */
    public Receipt charge(ChargeRequest request, String server, String idempotencyKey) {
        return receiptsByKey.computeIfAbsent(idempotencyKey, key -> charge(request, server));
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
