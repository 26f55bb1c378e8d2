/**
 * Runnable examples of Second Chance. {@link dev.secondchance.examples.Demo} runs the two thundering-herd
 * examples, {@link dev.secondchance.examples.herd.simulated.SimulatedHerd} and
 * {@link dev.secondchance.examples.herd.live.LiveHerd}; each example also has its own {@code main} with
 * {@code --help}.
 */
package dev.secondchance.examples;
