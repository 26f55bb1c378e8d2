package dev.secondchance.idempotency;

/** What the executor does with the claim when the operation throws. */
public enum FailureDisposition {
    /**
     * The operation certainly had no effect (it failed before acting, or the failure is transient):
     * release the claim so that a retry with the same token runs the operation again.
     */
    RELEASE,
    /**
     * The outcome is unknown (a timeout after the request may have gone out, an interruption, an
     * {@link Error}): keep the claim until its lease expires, so no retry runs the operation again early.
     * After the lease a caller with the same request takes over.
     */
    AMBIGUOUS,
    /**
     * The failure is the operation's final answer (for example a validation error): record it, and replay
     * it to later callers as {@link ReplayedFailureException} instead of running the operation again.
     */
    FINAL
}
