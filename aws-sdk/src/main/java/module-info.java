/**
 * Second Chance for the AWS SDK for Java v2: AWS error classification for the core engine, a
 * {@code RetryStrategy} decided by a core {@code RetryPolicy}, and client tokens for idempotent operations.
 *
 * <p>Where to start: to let the SDK's own retry loop decide with a policy, give a client
 * {@link dev.secondchance.aws.SecondChanceRetryStrategy#from(dev.secondchance.retry.RetryPolicy)} as its
 * {@code retryStrategy}; to wrap calls instead, build the policy with
 * {@link dev.secondchance.aws.AwsRetryPolicies#builder()} and turn the client's retries off with
 * {@link dev.secondchance.aws.AwsRetryPolicies#sdkRetriesOff()}. {@link dev.secondchance.aws.AwsClassifiers} decides what an SDK failure
 * means, {@link dev.secondchance.aws.ClientToken} gives an idempotent operation its token. Never both styles on
 * one client: retries would multiply.
 *
 * <p>Only {@code dev.secondchance.aws} is exported; implementations live in {@code dev.secondchance.aws.internal}.
 * The SDK jars are automatic modules; the names below are their {@code Automatic-Module-Name}s. The SDK's
 * types appear in this module's API, hence the transitive requires of automatic modules.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module dev.secondchance.aws {
    requires transitive dev.secondchance.core;
    requires transitive software.amazon.awssdk.core;
    requires transitive software.amazon.awssdk.retries.api;
    requires transitive software.amazon.awssdk.utils;
    requires software.amazon.awssdk.awscore;
    requires software.amazon.awssdk.http;
    requires org.slf4j;

    exports dev.secondchance.aws;
}
