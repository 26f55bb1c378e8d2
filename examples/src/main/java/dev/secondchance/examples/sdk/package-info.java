/**
 * SDK wrapping: one DynamoDB {@code PutItem} made resilient by Second Chance in the two ways the AWS SDK
 * allows, wrapped by a policy ({@code retry.call(() -> dynamo.putItem(...))}, the SDK's own retries off) and
 * plugged into the client as its {@code RetryStrategy} ({@code SecondChanceRetryStrategy.from(policy)}),
 * against dynalite behind a proxy that injects throttling. {@link dev.secondchance.examples.sdk.SdkWrapping}
 * is the {@code main}.
 */
package dev.secondchance.examples.sdk;
