/**
 * The DynamoDB idempotency store of Second Chance, with a Jackson result codec and canonical JSON
 * fingerprints. Only {@code dev.secondchance.idempotency.dynamodb} is exported.
 *
 * <p>Where to start: {@link dev.secondchance.idempotency.dynamodb.IdempotencyTable#createIfAbsent} creates the
 * table ({@link dev.secondchance.idempotency.dynamodb.IdempotencyTable} names its attributes), {@link dev.secondchance.idempotency.dynamodb.DynamoDbIdempotencyStore#builder} makes the
 * store to give an {@code IdempotentExecutor} from core, and
 * {@link dev.secondchance.idempotency.dynamodb.JacksonResultCodec} and
 * {@link dev.secondchance.idempotency.dynamodb.JacksonFingerprints} encode results and fingerprint requests.
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
