/**
 * The simulated thundering herd: a deterministic discrete-event simulation, on virtual time, of the
 * contention model in Marc Brooker's "Exponential Backoff And Jitter" (AWS Architecture Blog, 2015), with
 * every delay computed by the library's {@link dev.secondchance.retry.Backoff}. Start with
 * {@link dev.secondchance.examples.herd.simulated.SimulatedHerd}.
 */
package dev.secondchance.examples.herd.simulated;
