/**
 * Micrometer meters and observations for Second Chance.
 *
 * <p>Where to start: {@link dev.secondchance.micrometer.SecondChanceMicrometer#bind(dev.secondchance.retry.RetryPolicy,
 * io.micrometer.core.instrument.MeterRegistry)} returns a policy whose calls are counted and timed; the other
 * {@code bind} methods add tags, an observation per call, or bind an idempotent executor. docs/observability.md
 * lists every meter.
 */
package dev.secondchance.micrometer;
