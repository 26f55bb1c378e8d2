/**
 * The {@code Idempotency-Key} servlet filter. Start with {@link dev.secondchance.servlet.IdempotencyFilter#builder}:
 *
 * <pre>{@code
 * IdempotencyFilter filter = IdempotencyFilter.builder(store)          // IdempotencyStore.inMemory(), DynamoDB, ...
 *         .methods("POST")
 *         .pathPrefixes("/payments")
 *         .executor(e -> e.keyPrefix("payments"))
 *         .build();
 * context.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST));
 * }</pre>
 *
 * <p>docs/servlet.md describes the semantics: which status answers which case, what is recorded and replayed.
 */
package dev.secondchance.servlet;
