/**
 * Second Chance core: the retry engine, the {@code java.net.http} integration and client-token idempotency.
 *
 * <p>Where to start: {@link dev.secondchance.retry.RetryPolicy#builder()} makes the policy that runs your calls
 * ({@link dev.secondchance.retry}); {@link dev.secondchance.retry.http.RetryingHttpClient} puts one under a
 * {@link java.net.http.HttpClient}; {@link dev.secondchance.idempotency.IdempotentExecutor} runs an operation at
 * most once per token ({@link dev.secondchance.idempotency}); a store of your own implements
 * {@link dev.secondchance.idempotency.spi.IdempotencyStore}. The test kit, {@code secondchance-test}, tests code
 * that uses them on virtual time.
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
    exports dev.secondchance.internal to dev.secondchance.aws, dev.secondchance.idempotency.dynamodb,
            dev.secondchance.micrometer, dev.secondchance.opentelemetry;
}
