/**
 * Second Chance for the AWS SDK for Java v2.
 *
 * <ul>
 *   <li>{@link dev.secondchance.aws.AwsClassifiers}: classifies SDK failures by HTTP status and AWS error code
 *       for the core engine.</li>
 *   <li>{@link dev.secondchance.aws.SecondChanceRetryStrategy}: the SDK's own {@code RetryStrategy}, decided by a
 *       {@link dev.secondchance.retry.RetryPolicy} (its budget, listeners and metrics included).</li>
 *   <li>{@link dev.secondchance.aws.AwsRetryPolicies}: the wrapping style, {@code retry.call(() -> client.op(...))},
 *       with the SDK's own retries turned off.</li>
 *   <li>{@link dev.secondchance.aws.ClientToken}: one idempotency token per logical operation.</li>
 * </ul>
 *
 * <p>Retry at one layer only for each call: either plug the strategy into the client, or wrap calls to a client
 * whose own retries are off. Stacked layers multiply attempts (3 × 3 = 9; five layers of 3 make 243). One policy
 * may serve both styles, for different clients, with one budget.
 */
package dev.secondchance.aws;
