package dev.secondchance.servlet.internal;

import dev.secondchance.idempotency.IdempotentExecutorBuilder;
import dev.secondchance.idempotency.spi.IdempotencyStore;
import dev.secondchance.servlet.RecordedResponse;
import dev.secondchance.servlet.ServerErrors;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * An {@code IdempotencyFilter}'s settings, as its builder validated them; immutable.
 *
 * @param store the idempotency store
 * @param keyHeader the request header that carries the key
 * @param methods the guarded methods, upper case
 * @param pathPrefixes the guarded path prefixes, each starting with {@code /}
 * @param keyRequired whether a guarded request without a key is refused with 400
 * @param serverErrors what a 5xx or a servlet exception does to the key
 * @param maxRequestBodyBytes the largest request body fingerprinted; larger ones get 413
 * @param replayHeaders the header names recorded and replayed, lower case
 * @param canonicalJson whether JSON bodies are fingerprinted as canonical JSON (when Jackson is present)
 * @param executorCustomizer applied to the executor builder before the filter sets its failure policy
 */
public record FilterSettings(IdempotencyStore store, String keyHeader, Set<String> methods,
        List<String> pathPrefixes, boolean keyRequired, ServerErrors serverErrors, int maxRequestBodyBytes,
        Set<String> replayHeaders, boolean canonicalJson,
        Consumer<? super IdempotentExecutorBuilder<RecordedResponse>> executorCustomizer) {

    /**
     * @param method the request method
     * @param path the request path within the context, starting with {@code /}
     * @return true if the filter guards such a request
     */
    public boolean guards(String method, String path) {
        if (!methods.contains(method)) {
            return false;
        }
        for (String prefix : pathPrefixes) {
            if (path.startsWith(prefix) && (prefix.endsWith("/") || path.length() == prefix.length()
                    || path.charAt(prefix.length()) == '/')) {
                return true;
            }
        }
        return false;
    }
}
