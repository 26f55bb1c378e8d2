package dev.secondchance.idempotency;

/** What the executor does with the claim when the operation throws. */
public enum FailureDisposition {
    /**
     * The failure proves the operation had no effect (the user's classification, for example a validation
     * the operation makes before it acts): release the claim so that a retry with the same token, or with a
     * corrected request, runs the operation again.
     */
    RELEASE,
    /**
     * The operation may have taken effect (a connection reset after the request went out, a 5xx, a timeout,
     * an interruption, an {@link Error}): record the outcome as unknown. Later callers with the token get
     * {@link OutcomeUnknownException} instead of a second run, until an {@link OutcomeResolver} settles it,
     * unless the operation is downstream-idempotent (then the claim is released and a retry runs it again,
     * which the downstream deduplicates). The default for every failure.
     */
    OUTCOME_UNKNOWN,
    /**
     * The failure is the operation's final answer (for example a declined card): record it, and replay it to
     * later callers as {@link ReplayedFailureException} instead of running the operation again.
     */
    FINAL
}
