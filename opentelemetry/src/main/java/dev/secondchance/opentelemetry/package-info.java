/**
 * OpenTelemetry metrics and spans for Second Chance, through the OpenTelemetry API.
 *
 * <p>Where to start: {@link dev.secondchance.opentelemetry.SecondChanceOpenTelemetry#bind(dev.secondchance.retry.RetryPolicy,
 * io.opentelemetry.api.OpenTelemetry)} returns a policy whose calls are measured and traced; the other methods add
 * attributes, leave spans out, or bind an idempotent executor. docs/observability.md lists every instrument,
 * attribute and event.
 */
package dev.secondchance.opentelemetry;
