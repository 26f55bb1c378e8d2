package dev.secondchance.idempotency;

import dev.secondchance.idempotency.internal.TokenRules;
import dev.secondchance.idempotency.internal.Uuids;
import dev.secondchance.retry.RandomSource;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

/**
 * Makes and checks client tokens. Generate the token once per logical operation, persist it with the
 * operation (an order row, a message), and pass the same token on every retry, restart and redelivery:
 * that is what lets a store recognise the repetition. Stateless and thread-safe.
 *
 * <p>A valid token is 1 to {@link #DEFAULT_MAX_LENGTH} characters (configurable per executor up to
 * {@link #MAX_LENGTH_LIMIT}) of printable ASCII ({@code 0x20}–{@code 0x7E}), not starting or ending with a
 * space, which many transports trim.
 */
public final class IdempotencyTokens {

    /** The default longest token: 255 characters, as Stripe's {@code Idempotency-Key}. */
    public static final int DEFAULT_MAX_LENGTH = 255;

    /** The largest configurable maximum length: 8,192 characters. */
    public static final int MAX_LENGTH_LIMIT = 8192;

    private IdempotencyTokens() {}

    /**
     * A random (version 4) UUID from a cryptographically strong generator, so tokens cannot be guessed.
     *
     * @return a 36-character token such as {@code 550e8400-e29b-41d4-a716-446655440000}
     */
    public static String random() {
        return UUID.randomUUID().toString();
    }

    /**
     * A time-ordered (version 7, RFC 9562) UUID: 48 bits of Unix milliseconds, then 74 strongly random bits.
     * Tokens sort by creation time, which keeps B-tree indexes compact.
     *
     * @return a 36-character token
     */
    public static String timeOrdered() {
        return Uuids.v7(System.currentTimeMillis(), Uuids.secureRandom()).toString();
    }

    /**
     * A time-ordered (version 7) UUID from injected time and randomness, for tests.
     *
     * @param clock gives the millisecond timestamp; must be at or after 1970 and before year 10889
     * @param random gives the 74 random bits
     * @return a 36-character token
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the clock is out of the 48-bit millisecond range
     */
    public static String timeOrdered(Clock clock, RandomSource random) {
        Objects.requireNonNull(clock, "clock must not be null");
        Objects.requireNonNull(random, "random must not be null");
        return Uuids.v7(clock.millis(), Uuids.fromRandomSource(random)).toString();
    }

    /**
     * A name-based (version 5, RFC 9562) UUID derived from a business key: the same namespace and key always
     * give the same token, in any language that implements RFC 9562, so a caller that can rebuild the key
     * (an order number, a message id) need not persist the token.
     *
     * @param namespace separates key spaces (for example one namespace per operation type)
     * @param businessKey the caller's unique key for the operation, not empty; hashed as UTF-8
     * @return a 36-character token
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code businessKey} is empty
     */
    public static String derived(UUID namespace, String businessKey) {
        Objects.requireNonNull(namespace, "namespace must not be null");
        Objects.requireNonNull(businessKey, "businessKey must not be null");
        if (businessKey.isEmpty()) {
            throw new IllegalArgumentException("businessKey must not be empty");
        }
        return Uuids.v5(namespace, businessKey).toString();
    }

    /**
     * Checks a token against the default rules.
     *
     * @param token the token
     * @return the token, unchanged
     * @throws InvalidIdempotencyTokenException if it is null, empty, longer than 255 characters, not printable
     *     ASCII, or starts or ends with a space
     */
    public static String validate(String token) {
        return TokenRules.validate(token, DEFAULT_MAX_LENGTH);
    }

    /**
     * Checks a token with a custom maximum length.
     *
     * @param token the token
     * @param maxLength the longest allowed token, in {@code [1, 8192]}
     * @return the token, unchanged
     * @throws InvalidIdempotencyTokenException if the token breaks the rules
     * @throws IllegalArgumentException if {@code maxLength} is out of range
     */
    public static String validate(String token, int maxLength) {
        return TokenRules.validate(token, TokenRules.checkMaxLength(maxLength));
    }

    /**
     * The store key of a token under a key prefix: the prefix, {@code '#'}, then the token. A prefix may not
     * contain {@code '#'}, so the first {@code '#'} always ends the prefix and two (prefix, token) pairs never
     * share a store key.
     *
     * @param keyPrefix the executor's key prefix, possibly empty (see {@link #validatePrefix})
     * @param token a valid token
     * @return the store key
     * @throws IllegalArgumentException if the prefix breaks the prefix rules
     * @throws InvalidIdempotencyTokenException if the token breaks the default token rules
     */
    public static String storeKey(String keyPrefix, String token) {
        return validatePrefix(keyPrefix) + TokenRules.PREFIX_END + validate(token, MAX_LENGTH_LIMIT);
    }

    /**
     * Checks a key prefix: at most 256 characters of ASCII letters, digits and {@code . _ - : /}.
     *
     * @param keyPrefix the prefix, possibly empty
     * @return the prefix, unchanged
     * @throws NullPointerException if {@code keyPrefix} is null
     * @throws IllegalArgumentException if it is too long or has another character
     */
    public static String validatePrefix(String keyPrefix) {
        return TokenRules.validatePrefix(keyPrefix);
    }
}
