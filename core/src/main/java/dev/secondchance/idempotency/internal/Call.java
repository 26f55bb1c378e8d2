package dev.secondchance.idempotency.internal;

import dev.secondchance.idempotency.Fingerprint;
import dev.secondchance.idempotency.IdempotentOperation;
import dev.secondchance.idempotency.StoreUnavailableException;
import dev.secondchance.idempotency.spi.ClaimResult;

/**
 * One blocking call of {@code execute}: makes the store calls and waits that {@link ClaimSteps} decides, on
 * the calling thread, then runs as owner or replays.
 */
final class Call<T, E extends Exception> {

    private final ExecutorSettings<T> settings;
    private final StoreCalls storeCalls;
    private final String token;
    private final IdempotentOperation<? extends T, E> operation;
    private final ClaimSteps steps;

    Call(ExecutorSettings<T> settings, StoreCalls storeCalls, ClockSkew skew, String token, Fingerprint request,
            IdempotentOperation<? extends T, E> operation) {
        this.settings = settings;
        this.storeCalls = storeCalls;
        this.token = token;
        this.operation = operation;
        this.steps = new ClaimSteps(settings, storeCalls, skew, token, request);
    }

    T run() throws E {
        ClaimSteps.Next next;
        try {
            next = steps.afterClaim(claim(true));
        } catch (StoreUnavailableException unavailable) {
            steps.onFirstClaimUnavailable(unavailable);
            return operation.run(new RunContext(token, steps.key(), 0));
        }
        try {
            while (next.kind() != ClaimSteps.Next.Kind.DONE) {
                if (next.kind() == ClaimSteps.Next.Kind.CLAIM) {
                    next = steps.afterClaim(claim(false));
                } else {
                    sleep(next);
                    next = steps.afterRead(storeCalls.call(token, StoreCalls.READ, steps.read(), false, null));
                }
            }
        } finally {
            steps.waitEnded(); // a store failure ended the wait
        }
        ClaimResult claim = next.claim();
        if (!claim.acquired()) {
            return new Replay<>(settings, token).outcome(claim.record());
        }
        return new OwnedRun<T>(settings, storeCalls, token, claim, steps.lastClaimSentAt()).run(operation);
    }

    private ClaimResult claim(boolean first) {
        return storeCalls.call(token, StoreCalls.CLAIM, steps.claim(), false, null, first);
    }

    private void sleep(ClaimSteps.Next poll) {
        try {
            settings.sleeper().sleep(poll.delay());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw steps.stoppedWaiting();
        }
    }
}
