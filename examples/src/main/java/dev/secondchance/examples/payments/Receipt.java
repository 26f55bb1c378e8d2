package dev.secondchance.examples.payments;

import java.util.Locale;
import java.util.Objects;

/**
 * What a successful charge returns, and what the store records and replays for its token.
 *
 * @param chargeId the payment network's id of the charge
 * @param orderId the order paid
 * @param amountCents the amount charged, in cents
 * @param currency the ISO 4217 code
 * @param server the server that ran the charge
 */
public record Receipt(String chargeId, String orderId, long amountCents, String currency, String server) {

    /** Checks the fields. */
    public Receipt {
        Objects.requireNonNull(chargeId, "chargeId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(server, "server");
    }

    /** @return for example "ch_0004 (19.99 EUR, order-1a2b3c-2, charged by server A)" */
    public String describe() {
        return String.format(Locale.ROOT, "%s (%d.%02d %s, %s, charged by %s)", chargeId, amountCents / 100,
                amountCents % 100, currency, orderId, server);
    }
}
