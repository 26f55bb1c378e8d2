/**
 * Second Chance core: the retry engine and the {@code java.net.http} integration.
 *
 * <p>Only the API packages are exported; implementations live in {@code internal} packages.
 */
module dev.secondchance.core {
    requires transitive java.net.http;
    requires org.slf4j;

    exports dev.secondchance.retry;
    exports dev.secondchance.retry.http;
    exports dev.secondchance.idempotency;
    exports dev.secondchance.idempotency.spi;
    exports dev.secondchance.internal to dev.secondchance.aws, dev.secondchance.idempotency.dynamodb;
}
