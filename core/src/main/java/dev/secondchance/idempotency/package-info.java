/**
 * Client-token idempotency: a retried, duplicated or crashed call takes effect once, and every caller
 * with the same token sees the same result.
 *
 * <p>Start with {@link dev.secondchance.idempotency.IdempotencyTokens} to make and check tokens,
 * {@link dev.secondchance.idempotency.Fingerprint} to identify the request a token stands for, and
 * {@link dev.secondchance.idempotency.IdempotentExecutor} to run an operation at most once per token.
 * Records live in an {@link dev.secondchance.idempotency.spi.IdempotencyStore}; the in-memory one is
 * {@link dev.secondchance.idempotency.spi.IdempotencyStore#inMemory()}, the DynamoDB one is in the module
 * {@code secondchance-dynamodb-idempotency}. A new store starts from {@link dev.secondchance.idempotency.spi}.
 *
 * <pre>{@code
 * IdempotentExecutor<String> executor = IdempotentExecutor.builder(store, ResultCodec.utf8()).build();
 * String token = IdempotencyTokens.random();          // persist it with the order before the first try
 * String receipt = executor.execute(token, Fingerprint.sha256(orderJson), () -> payments.charge(order));
 * }</pre>
 *
 * <p>All exceptions of this package extend {@link dev.secondchance.idempotency.IdempotencyException}.
 */
package dev.secondchance.idempotency;
