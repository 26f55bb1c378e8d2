/**
 * Testing code that uses a {@link dev.secondchance.retry.RetryPolicy}, deterministically and without sleeping.
 *
 * <p>Start with {@link dev.secondchance.retry.testing.TestRetries#instantWaits}: it puts a policy's builder on a
 * {@link dev.secondchance.retry.testing.VirtualTime} (one virtual time line that serves as ticker, wall clock,
 * sleeper and scheduler) with fixed jitter, so the policy keeps its production settings but never waits for
 * real. Add a {@link dev.secondchance.retry.testing.RecordingListener} to assert on attempts, delays and
 * outcomes. {@link dev.secondchance.retry.testing.Concurrently} releases several threads at once, for races.
 */
package dev.secondchance.retry.testing;
