/**
 * The one internal toolkit of Second Chance: argument checks, saturating time arithmetic, rethrowing,
 * cause-chain walking, class names that never throw, the library's daemon threads, and the telemetry names the
 * bindings share. Exported only to the project's own modules; not API.
 */
package dev.secondchance.internal;
