/**
 * Second Chance for OpenTelemetry: instruments and spans for retry policies and idempotent executors, through the
 * OpenTelemetry API only.
 *
 * <p>Where to start: {@link dev.secondchance.opentelemetry.SecondChanceOpenTelemetry}. Only
 * {@code dev.secondchance.opentelemetry} is exported; the listeners live in
 * {@code dev.secondchance.opentelemetry.internal}. The OpenTelemetry jars are automatic modules; the names below are
 * their {@code Automatic-Module-Name}s.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module dev.secondchance.opentelemetry {
    requires transitive dev.secondchance.core;
    requires transitive io.opentelemetry.api;

    exports dev.secondchance.opentelemetry;
}
