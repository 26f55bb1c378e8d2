package dev.secondchance.idempotency.internal;

import dev.secondchance.idempotency.IdempotencyTokens;
import dev.secondchance.idempotency.InvalidIdempotencyTokenException;

/** The token syntax: 1..maxLength characters of printable ASCII, no leading or trailing space. */
public final class TokenRules {

    /** Ends the key prefix in a store key; never part of a prefix. */
    public static final char PREFIX_END = '#';

    private static final int MAX_PREFIX_LENGTH = 256;

    private TokenRules() {}

    /** Returns the prefix or throws {@link IllegalArgumentException} saying what is wrong. */
    public static String validatePrefix(String prefix) {
        java.util.Objects.requireNonNull(prefix, "keyPrefix must not be null");
        if (prefix.length() > MAX_PREFIX_LENGTH) {
            throw new IllegalArgumentException("keyPrefix must be at most " + MAX_PREFIX_LENGTH + " characters, got "
                    + prefix.length());
        }
        for (int i = 0; i < prefix.length(); i++) {
            char c = prefix.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-' || c == ':' || c == '/';
            if (!allowed) {
                throw new IllegalArgumentException(String.format("keyPrefix has character U+%04X at index %d; use "
                        + "ASCII letters, digits and . _ - : / only ('%c' ends the prefix in a store key)",
                        (int) c, i, PREFIX_END));
            }
        }
        return prefix;
    }

    /** Requires {@code 1 <= maxLength <= IdempotencyTokens.MAX_LENGTH_LIMIT}. */
    public static int checkMaxLength(int maxLength) {
        if (maxLength < 1 || maxLength > IdempotencyTokens.MAX_LENGTH_LIMIT) {
            throw new IllegalArgumentException("maxTokenLength must be in [1, " + IdempotencyTokens.MAX_LENGTH_LIMIT
                    + "], got " + maxLength);
        }
        return maxLength;
    }

    /** Returns the token or throws {@link InvalidIdempotencyTokenException} saying what is wrong. */
    public static String validate(String token, int maxLength) {
        if (token == null) {
            throw new InvalidIdempotencyTokenException(null, "idempotency token must not be null; "
                    + "generate one with IdempotencyTokens.random() and keep it for every retry");
        }
        if (token.isEmpty()) {
            throw new InvalidIdempotencyTokenException(token, "idempotency token must not be empty");
        }
        if (token.length() > maxLength) {
            throw new InvalidIdempotencyTokenException(abbreviate(token), "idempotency token is " + token.length()
                    + " characters long; the limit is " + maxLength);
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                throw new InvalidIdempotencyTokenException(abbreviate(token), String.format(
                        "idempotency token has character U+%04X at index %d; only printable ASCII (0x20-0x7E) is allowed",
                        (int) c, i));
            }
        }
        if (token.charAt(0) == ' ' || token.charAt(token.length() - 1) == ' ') {
            throw new InvalidIdempotencyTokenException(token, "idempotency token must not start or end with a space");
        }
        return token;
    }

    private static String abbreviate(String token) {
        return token.length() <= 64 ? token : token.substring(0, 61) + "...";
    }
}
