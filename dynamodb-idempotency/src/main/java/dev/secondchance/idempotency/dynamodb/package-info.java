/**
 * The idempotency store on DynamoDB (AWS SDK v2): every write conditional, a claim answered in one
 * round trip, fenced completion, release and renewal; plus {@link dev.secondchance.idempotency.dynamodb.JacksonResultCodec}
 * and {@link dev.secondchance.idempotency.dynamodb.JacksonFingerprints}.
 *
 * <pre>{@code
 * IdempotencyTable.createIfAbsent(dynamo, "idempotency");
 * IdempotencyStore store = DynamoDbIdempotencyStore.builder(dynamo, "idempotency").build();
 * IdempotentExecutor<Receipt> charges = IdempotentExecutor
 *         .builder(store, JacksonResultCodec.of(mapper, Receipt.class)).keyPrefix("charge#").build();
 * Receipt receipt = charges.execute(order.token(), JacksonFingerprints.of(mapper, order), () -> pay(order));
 * }</pre>
 */
package dev.secondchance.idempotency.dynamodb;
