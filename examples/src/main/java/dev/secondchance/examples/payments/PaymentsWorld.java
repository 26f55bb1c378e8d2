package dev.secondchance.examples.payments;

import dev.secondchance.idempotency.IdempotencyTokens;
import dev.secondchance.idempotency.IdempotentExecutor;
import dev.secondchance.idempotency.IdempotentExecutorBuilder;
import dev.secondchance.idempotency.WhenInProgress;
import dev.secondchance.idempotency.dynamodb.JacksonResultCodec;
import dev.secondchance.idempotency.spi.IdempotencyStore;
import dev.secondchance.retry.RandomSource;
import dev.secondchance.retry.RetryListener;
import dev.secondchance.retry.RetryPolicy;
import java.util.UUID;

/**
 * What the scenarios share: the idempotency store, the card network, the time line, and factories for
 * payment servers, orders, tokens and the client's retry policy. Orders are named after a random run id, so
 * that runs against a persistent table never meet each other's tokens.
 */
public final class PaymentsWorld {

    /** The namespace of the checkout's tokens: token = UUID v5 of (namespace, order id). */
    static final UUID CHECKOUT = UUID.fromString("5b6e2c8e-7f4c-4d0a-9a53-3c2f1e0d9b71");

    private final PaymentsSettings settings;
    private final PaymentsTime time;
    private final IdempotencyStore store;
    private final CardNetwork network = new CardNetwork();
    private final String runId = UUID.randomUUID().toString().substring(0, 6);

    /**
     * @param settings the example's settings
     * @param time the run's time line
     * @param records where the idempotency records are kept
     */
    public PaymentsWorld(PaymentsSettings settings, PaymentsTime time, RecordsStore records) {
        this.settings = settings;
        this.time = time;
        this.store = records.store(time.clock());
    }

    /**
     * A payment server that waits for a charge in progress elsewhere (the executor's default).
     *
     * @param name its name
     * @return the server
     */
    public PaymentService server(String name) {
        return server(name, WhenInProgress.WAIT);
    }

    /**
     * A payment server.
     *
     * @param name its name
     * @param whenInProgress what it does when another server holds the token
     * @return the server
     */
    public PaymentService server(String name, WhenInProgress whenInProgress) {
        ServerProcessStore process = new ServerProcessStore(store);
        return new PaymentService(name, executor(process).whenInProgress(whenInProgress).build(), network, process);
    }

    /**
     * The executor's settings: the store, a JSON codec for receipts, one key prefix for charges, the
     * settings' lease with a heartbeat of a quarter of it, and the run's time line. The charge is declared
     * downstream-idempotent because the server passes the token on as the card network's idempotency key:
     * that is what makes a second run after a crash safe.
     *
     * @param store the store as one server process sees it
     * @return a new builder
     */
    private IdempotentExecutorBuilder<Receipt> executor(IdempotencyStore store) {
        return IdempotentExecutor.builder(store, JacksonResultCodec.of(Receipt.class))
                .keyPrefix("charge")
                .downstreamIdempotent(true)
                .lease(settings.lease())
                .heartbeat(settings.lease().dividedBy(4))
                .clock(time.clock())
                .ticker(time.ticker())
                .sleeper(time.sleeper())
                .scheduler(time.scheduler());
    }

    /**
     * The client's retry policy: core's defaults (3 attempts, I/O timeouts retried), on the run's time line.
     *
     * @param listener prints its decisions
     * @return the policy
     */
    public RetryPolicy clientPolicy(RetryListener listener) {
        return time.install(RetryPolicy.builder().name("checkout-client"))
                .random(RandomSource.seeded(settings.seed()))
                .listener(listener)
                .build();
    }

    /**
     * @param number the order's number within the run
     * @param cents the amount
     * @return a request to charge the test card for a new order
     */
    public ChargeRequest order(int number, long cents) {
        return new ChargeRequest("order-" + runId + "-" + number, "card_visa_4242", cents, "EUR");
    }

    /**
     * The checkout's token for an order: derived from the order id, so every submission of the order's
     * payment carries the same token, even after a restart.
     *
     * @param orderId the order
     * @return the token
     */
    public String token(String orderId) {
        return IdempotencyTokens.derived(CHECKOUT, orderId);
    }

    /** @return the card network */
    public CardNetwork network() {
        return network;
    }

    /** @return the run's time line */
    public PaymentsTime time() {
        return time;
    }

    /** @return the example's settings */
    public PaymentsSettings settings() {
        return settings;
    }
}
