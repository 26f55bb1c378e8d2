package dev.secondchance.retry.http.internal;

import dev.secondchance.retry.RetryClassifier;
import dev.secondchance.retry.RetryPolicy;
import dev.secondchance.retry.internal.DefaultRetryPolicy;
import dev.secondchance.retry.internal.UnsentOnlyClassifier;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Decides, per request, what makes its retries safe: an idempotent method, an idempotency key (the
 * caller's, or one attached here once per logical send), or the caller's explicit opt-in; a request with
 * none of these is retried only when a failure proves it never left (the {@code unsentOnly} policy).
 * Immutable and thread-safe if the key supplier is.
 *
 * @param nonIdempotentMethods the methods that need one of those
 * @param keyHeader the header that carries a key
 * @param attachKey whether to attach a key to a request that lacks one
 * @param keys makes keys
 * @param retryAnyway whether the caller opted in to retry them regardless
 * @param unsentOnly the client's policy with its retries limited to unsent requests
 */
public record RequestSafety(Set<String> nonIdempotentMethods, String keyHeader, boolean attachKey,
        Supplier<String> keys, boolean retryAnyway, RetryPolicy unsentOnly) {

    /** The request to send for one logical send, and the policy its attempts go through. */
    public record Prepared(HttpRequest request, RetryPolicy policy) {}

    /**
     * @param nonIdempotentMethods the methods that need a key
     * @param keyHeader the header that carries a key
     * @param attachKey whether to attach a key to a request that lacks one
     * @param keys makes keys
     * @param retryAnyway whether the caller opted in to retry them regardless
     * @param policy the client's policy
     * @return the settings, with the client's policy limited to unsent requests derived once
     */
    public static RequestSafety of(Set<String> nonIdempotentMethods, String keyHeader, boolean attachKey,
            Supplier<String> keys, boolean retryAnyway, RetryPolicy policy) {
        return new RequestSafety(nonIdempotentMethods, keyHeader, attachKey, keys, retryAnyway,
                unsentOnly(policy, keyHeader));
    }

    private static RetryPolicy unsentOnly(RetryPolicy policy, String keyHeader) {
        List<RetryClassifier> guard = List.of(new UnsentOnlyClassifier(policy.classifiers(),
                "a non-idempotent request without " + keyHeader));
        return policy instanceof DefaultRetryPolicy ours
                ? ours.withClassifiers(guard)
                : policy.toBuilder().classifiers(guard).build();
    }

    /**
     * @param request the caller's request
     * @param policy the client's policy
     * @return the request to send on every attempt of this send (with a key attached, if one was due) and the
     *     policy to send it under
     */
    public Prepared prepare(HttpRequest request, RetryPolicy policy) {
        if (retryAnyway || !nonIdempotentMethods.contains(request.method())
                || request.headers().firstValue(keyHeader).isPresent()) {
            return new Prepared(request, policy);
        }
        if (attachKey) {
            String key = Objects.requireNonNull(keys.get(), "the idempotency key supplier returned null");
            return new Prepared(HttpRequest.newBuilder(request, (name, value) -> true).header(keyHeader, key).build(),
                    policy);
        }
        return new Prepared(request, unsentOnly);
    }

    /**
     * Checks an HTTP token (a method or header name, RFC 9110 section 5.6.2).
     *
     * @param value the value
     * @param name the parameter's name, for the message
     * @return {@code value}
     * @throws NullPointerException if it is null
     * @throws IllegalArgumentException if it is empty or has a character a token cannot have
     */
    public static String requireToken(String value, String name) {
        Objects.requireNonNull(value, () -> name + " must not be null");
        if (value.isEmpty() || !value.chars().allMatch(RequestSafety::isTokenChar)) {
            throw new IllegalArgumentException(name + " must be an HTTP token (letters, digits and !#$%&'*+-.^_`|~), "
                    + "got '" + value + "'");
        }
        return value;
    }

    private static boolean isTokenChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    @Override
    public String toString() {
        return "nonIdempotent=" + nonIdempotentMethods + (retryAnyway ? " (retried anyway)" : "")
                + (attachKey ? ", attaching " + keyHeader : ", key header " + keyHeader);
    }
}
