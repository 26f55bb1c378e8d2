package dev.secondchance.idempotency.internal;

import dev.secondchance.idempotency.FailureDisposition;
import dev.secondchance.idempotency.FailurePolicy;
import dev.secondchance.retry.Verdict;
import java.io.InterruptedIOException;
import java.util.IdentityHashMap;
import java.util.Set;

/** Ambiguous for timeouts, interruptions and errors anywhere in the cause chain; release otherwise. */
public final class DefaultFailurePolicy implements FailurePolicy {

    /** The shared instance. */
    public static final DefaultFailurePolicy INSTANCE = new DefaultFailurePolicy();

    private DefaultFailurePolicy() {}

    @Override
    public FailureDisposition classify(Throwable failure) {
        return isAmbiguous(failure) ? FailureDisposition.AMBIGUOUS : FailureDisposition.RELEASE;
    }

    /** Maps a retry verdict after the ambiguity check. */
    public static FailureDisposition fromVerdict(Throwable failure, Verdict verdict) {
        if (isAmbiguous(failure)) {
            return FailureDisposition.AMBIGUOUS;
        }
        return verdict.kind() == Verdict.Kind.FAIL ? FailureDisposition.FINAL : FailureDisposition.RELEASE;
    }

    private static boolean isAmbiguous(Throwable failure) {
        Set<Throwable> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            String name = t.getClass().getSimpleName();
            if (name.endsWith("ConnectTimeoutException") || t instanceof java.net.ConnectException) {
                return false;
            }
            if (t instanceof Error || t instanceof InterruptedException || t instanceof InterruptedIOException
                    || name.endsWith("TimeoutException")) {
                return true;
            }
        }
        return false;
    }
}
