package dev.secondchance.idempotency.dynamodb.internal;

/**
 * DynamoDB, or something between it and the store, answered a request for one key with another key's item.
 * The store never hands such an item to a caller; the executor reports it as a store failure.
 */
public final class ForeignItemException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    ForeignItemException(String expected, String actual) {
        super("DynamoDB returned the item of partition key '" + actual + "' for a request on '" + expected
                + "'; the item was not used");
    }
}
