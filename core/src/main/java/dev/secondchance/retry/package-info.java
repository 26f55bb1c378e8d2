/**
 * The retry engine. Start with {@link dev.secondchance.retry.RetryPolicy#builder()}.
 *
 * <p>A {@link dev.secondchance.retry.RetryPolicy} runs an operation, asks its
 * {@link dev.secondchance.retry.RetryClassifier}s whether the outcome is final, and while it is not, asks
 * the shared {@link dev.secondchance.retry.RetryBudget}, computes the wait with a
 * {@link dev.secondchance.retry.Backoff} (or the server's hint, if longer), checks the deadline and waits
 * with the injected {@link dev.secondchance.retry.Sleeper} or {@link dev.secondchance.retry.Scheduler}.
 */
package dev.secondchance.retry;
