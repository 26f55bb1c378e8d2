package dev.secondchance.examples.payments;

import java.util.Locale;
import java.util.Objects;

/**
 * A request to charge a card: what the client token stands for. Its canonical JSON is the request's
 * fingerprint, so reusing a token with another amount is detected.
 *
 * @param orderId the order being paid
 * @param card the card, as the payment network's token for it
 * @param amountCents the amount in cents
 * @param currency the ISO 4217 code
 */
public record ChargeRequest(String orderId, String card, long amountCents, String currency) {

    /** Checks the fields. */
    public ChargeRequest {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(card, "card");
        Objects.requireNonNull(currency, "currency");
        if (amountCents <= 0) {
            throw new IllegalArgumentException("amountCents must be > 0, got " + amountCents);
        }
    }

    /**
     * @param cents another amount
     * @return this request with {@code cents} instead
     */
    public ChargeRequest withAmount(long cents) {
        return new ChargeRequest(orderId, card, cents, currency);
    }

    /** @return for example "42.00 EUR" */
    public String amount() {
        return String.format(Locale.ROOT, "%d.%02d %s", amountCents / 100, amountCents % 100, currency);
    }
}
