package dev.secondchance.aws;

import dev.secondchance.idempotency.IdempotencyTokens;
import dev.secondchance.internal.Checks;
import java.util.UUID;
import java.util.function.BiFunction;
import software.amazon.awssdk.utils.builder.CopyableBuilder;
import software.amazon.awssdk.utils.builder.ToCopyableBuilder;

/**
 * One idempotency token for one logical operation, reused on every attempt: the {@code ClientRequestToken}
 * of DynamoDB's {@code TransactWriteItems}, EC2's {@code ClientToken}, and the like. A repeated request with
 * the same token makes the service return the first request's result instead of acting twice.
 *
 * <p>The SDK fills a modelled token field with a fresh UUID once per API call: its own retries reuse it, but
 * an application-level retry is a new call and gets a new token, so a write whose response was lost is
 * applied twice. Create the token once, outside the retried lambda:
 *
 * <pre>{@code
 * ClientToken token = ClientToken.random();
 * TransactWriteItemsRequest request = token.applyTo(transaction, TransactWriteItemsRequest.Builder::clientRequestToken);
 * retry.call(() -> dynamo.transactWriteItems(request));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class ClientToken {

    /** The longest token {@link #of(String)} accepts: 64 characters, EC2's limit and the common one. */
    public static final int MAX_LENGTH = 64;

    /** The longest {@code ClientRequestToken} DynamoDB accepts: 36 characters, a UUID. */
    public static final int DYNAMODB_MAX_LENGTH = 36;

    private final String value;

    private ClientToken(String value) {
        this.value = value;
    }

    /**
     * A new random token: a version-4 UUID, 36 characters, which fits every AWS token field.
     *
     * @return a new token
     */
    public static ClientToken random() {
        return new ClientToken(UUID.randomUUID().toString());
    }

    /**
     * A token derived from a key that names the logical operation (an order id, a message id) within a
     * namespace (one per operation type): the same namespace and key always give the same token, so even a
     * retry after a process restart is recognised, while two operation types with the same business key get
     * different tokens. The token is the name-based UUID version 5 (RFC 9562) of the namespace and the key's
     * UTF-8 bytes, 36 characters: the very token {@code IdempotencyTokens.derived(namespace, businessKey)}
     * gives, so a service's idempotency record and its AWS call carry the same token.
     *
     * @param namespace separates operation types
     * @param businessKey the key, not empty
     * @return the token for that key
     * @throws IllegalArgumentException if the key is empty
     * @throws NullPointerException if an argument is null
     */
    public static ClientToken derivedFrom(UUID namespace, String businessKey) {
        return new ClientToken(IdempotencyTokens.derived(namespace, businessKey));
    }

    /**
     * A token with a given value, at most {@link #MAX_LENGTH} characters.
     *
     * @param value 1 to 64 printable ASCII characters, no spaces
     * @return the token
     * @throws IllegalArgumentException if the value is empty, too long or has other characters
     * @throws NullPointerException if the value is null
     */
    public static ClientToken of(String value) {
        return of(value, MAX_LENGTH);
    }

    /**
     * A token with a given value and a service's length limit, such as {@link #DYNAMODB_MAX_LENGTH}.
     *
     * @param value 1 to {@code maxLength} printable ASCII characters ({@code '!'} to {@code '~'})
     * @param maxLength the service's limit, {@code >= 1}
     * @return the token
     * @throws IllegalArgumentException if the value is empty, too long or has other characters, or if
     *     {@code maxLength} is below 1
     * @throws NullPointerException if the value is null
     */
    public static ClientToken of(String value, int maxLength) {
        Checks.notNull(value, "value");
        Checks.atLeast(maxLength, 1, "maxLength");
        if (value.isEmpty() || value.length() > maxLength) {
            throw new IllegalArgumentException(
                    "client token must be 1 to " + maxLength + " characters, got " + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '!' || c > '~') {
                throw new IllegalArgumentException("client token must be printable ASCII without spaces; character "
                        + i + " is U+" + String.format("%04X", (int) c));
            }
        }
        return new ClientToken(value);
    }

    /**
     * The token's value, for a setter that takes a string ({@code b -> b.clientRequestToken(token.value())}).
     *
     * @return the value
     */
    public String value() {
        return value;
    }

    /**
     * Returns a copy of an SDK request with this token set by {@code setter}; the request itself is not
     * changed. Applying the same token again gives an equal request, so this may run inside the retried lambda
     * or once before it.
     *
     * @param request the SDK request (any {@code ToCopyableBuilder}, such as {@code TransactWriteItemsRequest})
     * @param setter the token field's builder setter, such as {@code TransactWriteItemsRequest.Builder::clientRequestToken}
     * @param <T> the request type
     * @param <B> its builder type
     * @return the request with the token
     * @throws NullPointerException if an argument is null
     */
    public <T extends ToCopyableBuilder<B, T>, B extends CopyableBuilder<B, T>> T applyTo(
            T request, BiFunction<? super B, String, ? extends B> setter) {
        Checks.notNull(request, "request");
        Checks.notNull(setter, "setter");
        return setter.apply(request.toBuilder(), value).build();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClientToken token && value.equals(token.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "ClientToken[" + value + "]";
    }
}
