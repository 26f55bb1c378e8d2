/**
 * Second Chance for servlets: an {@code Idempotency-Key} filter that runs a request once per key and replays
 * its response to every retry and duplicate, over any idempotency store.
 *
 * <p>Where to start: {@link dev.secondchance.servlet.IdempotencyFilter#builder} makes the filter;
 * {@link dev.secondchance.servlet.RecordedResponse} is what it records. Only {@code dev.secondchance.servlet}
 * is exported; the implementation is in an internal package.
 */
module dev.secondchance.servlet {
    requires transitive dev.secondchance.core;
    requires transitive jakarta.servlet;
    requires static com.fasterxml.jackson.databind;

    exports dev.secondchance.servlet;
}
