/**
 * Idempotent payments: a "charge the card" call made idempotent with a client token by the library's
 * {@code IdempotentExecutor}, its records in memory by default or in a DynamoDB table (an endpoint or AWS). Four scenarios: a
 * retry after a timeout charges once, a duplicate submission replays the receipt, the same token with another
 * amount is refused, and a crash mid-charge is taken over after the lease.
 * {@link dev.secondchance.examples.payments.IdempotentPayments} is the {@code main}.
 */
package dev.secondchance.examples.payments;
