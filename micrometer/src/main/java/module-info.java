/**
 * Second Chance for Micrometer: meters for retry policies and idempotent executors, and an observation per
 * logical call.
 *
 * <p>Where to start: {@link dev.secondchance.micrometer.SecondChanceMicrometer}. Only
 * {@code dev.secondchance.micrometer} is exported; the listeners live in {@code dev.secondchance.micrometer.internal}.
 * Micrometer's jars are automatic modules; the names below are their {@code Automatic-Module-Name}s.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module dev.secondchance.micrometer {
    requires transitive dev.secondchance.core;
    requires transitive micrometer.core;
    requires transitive micrometer.observation;
    requires micrometer.commons;

    exports dev.secondchance.micrometer;
}
