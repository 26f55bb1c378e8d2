/**
 * dynalite on a loopback port for tests, examples and benchmarks: {@link dev.secondchance.testing.dynamodb.Dynalite}.
 */
package dev.secondchance.testing.dynamodb;
