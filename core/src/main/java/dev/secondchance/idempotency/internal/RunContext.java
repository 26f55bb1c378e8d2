package dev.secondchance.idempotency.internal;

import dev.secondchance.idempotency.OperationContext;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The context of one owned run; the heartbeat completes {@link #lost} when the lease is gone. */
final class RunContext implements OperationContext {

    private final String token;
    private final String storeKey;
    private final long version;
    private final CompletableFuture<Void> lost = new CompletableFuture<>();

    RunContext(String token, String storeKey, long version) {
        this.token = token;
        this.storeKey = storeKey;
        this.version = version;
    }

    void loseLease() {
        lost.complete(null);
    }

    @Override
    public String token() {
        return token;
    }

    @Override
    public String storeKey() {
        return storeKey;
    }

    @Override
    public long fencingVersion() {
        return version;
    }

    @Override
    public boolean isLeaseLost() {
        return lost.isDone();
    }

    @Override
    public CompletionStage<Void> leaseLost() {
        return lost.minimalCompletionStage();
    }

    @Override
    public String toString() {
        return "OperationContext[" + storeKey + ", v" + version + (isLeaseLost() ? ", lease lost" : "") + "]";
    }
}
