/**
 * The DynamoDB idempotency store of Second Chance, with a Jackson result codec and canonical JSON
 * fingerprints. Only {@code dev.secondchance.idempotency.dynamodb} is exported.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"}) // the AWS SDK ships automatic modules only
module dev.secondchance.idempotency.dynamodb {
    requires transitive dev.secondchance.core;
    requires dev.secondchance.aws;
    requires transitive software.amazon.awssdk.services.dynamodb;
    requires software.amazon.awssdk.core;
    requires software.amazon.awssdk.awscore;
    requires transitive com.fasterxml.jackson.databind;
    requires org.slf4j;

    exports dev.secondchance.idempotency.dynamodb;
}
