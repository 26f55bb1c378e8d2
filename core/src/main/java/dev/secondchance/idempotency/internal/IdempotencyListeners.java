package dev.secondchance.idempotency.internal;

import dev.secondchance.idempotency.FailureDisposition;
import dev.secondchance.idempotency.IdempotencyListener;
import dev.secondchance.idempotency.Resolution;
import dev.secondchance.idempotency.StoreUnavailableException;
import dev.secondchance.idempotency.spi.Completion;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An executor's listeners as one: each event goes to every listener in order; what a listener throws is
 * caught (logged the first time for that listener, at debug level after) and never reaches the call.
 */
public final class IdempotencyListeners implements IdempotencyListener {

    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyListeners.class);

    private final List<IdempotencyListener> listeners;
    private final AtomicBoolean[] logged;

    private IdempotencyListeners(List<IdempotencyListener> listeners) {
        this.listeners = listeners;
        this.logged = new AtomicBoolean[listeners.size()];
        for (int i = 0; i < logged.length; i++) {
            logged[i] = new AtomicBoolean();
        }
    }

    /**
     * @param listeners the listeners, in order
     * @return them as one guarded listener ({@link IdempotencyListener#NONE} when there are none)
     */
    public static IdempotencyListener of(List<IdempotencyListener> listeners) {
        return listeners.isEmpty() ? NONE : new IdempotencyListeners(List.copyOf(listeners));
    }

    /**
     * @param listener what {@link #of} returned
     * @return the listeners it joins
     */
    public static List<IdempotencyListener> unwrap(IdempotencyListener listener) {
        return listener instanceof IdempotencyListeners group ? group.listeners : List.of();
    }

    @Override
    public void onClaimed(String token) {
        each("onClaimed", listener -> listener.onClaimed(token));
    }

    @Override
    public void onTakenOver(String token, long previousVersion) {
        each("onTakenOver", listener -> listener.onTakenOver(token, previousVersion));
    }

    @Override
    public void onResolved(String token, Resolution.Kind kind) {
        each("onResolved", listener -> listener.onResolved(token, kind));
    }

    @Override
    public void onReplayed(String token, Completion.Kind recorded) {
        each("onReplayed", listener -> listener.onReplayed(token, recorded));
    }

    @Override
    public void onWaited(String token, long waitedNanos, int polls) {
        each("onWaited", listener -> listener.onWaited(token, waitedNanos, polls));
    }

    @Override
    public void onRequestMismatch(String token) {
        each("onRequestMismatch", listener -> listener.onRequestMismatch(token));
    }

    @Override
    public void onInProgress(String token, boolean failFast) {
        each("onInProgress", listener -> listener.onInProgress(token, failFast));
    }

    @Override
    public void onLeaseLost(String token, long version) {
        each("onLeaseLost", listener -> listener.onLeaseLost(token, version));
    }

    @Override
    public void onReleased(String token) {
        each("onReleased", listener -> listener.onReleased(token));
    }

    @Override
    public void onFailureRecorded(String token, FailureDisposition disposition) {
        each("onFailureRecorded", listener -> listener.onFailureRecorded(token, disposition));
    }

    @Override
    public void onResultTooLarge(String token, long size) {
        each("onResultTooLarge", listener -> listener.onResultTooLarge(token, size));
    }

    @Override
    public void onStoreRetried(String token, int failedAttempts) {
        each("onStoreRetried", listener -> listener.onStoreRetried(token, failedAttempts));
    }

    @Override
    public void onStoreUnavailable(String token, StoreUnavailableException failure, boolean failOpen) {
        each("onStoreUnavailable", listener -> listener.onStoreUnavailable(token, failure, failOpen));
    }

    @Override
    public void onClockSkew(String token, Duration ahead) {
        each("onClockSkew", listener -> listener.onClockSkew(token, ahead));
    }

    private void each(String event, Consumer<IdempotencyListener> call) {
        for (int i = 0; i < logged.length; i++) {
            IdempotencyListener listener = listeners.get(i);
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                if (logged[i].compareAndSet(false, true)) {
                    LOG.warn("idempotency listener {} threw in {}; ignored (logged once per listener, at debug level "
                            + "after)", listener, event, e);
                } else {
                    LOG.debug("idempotency listener {} threw in {}; ignored", listener, event, e);
                }
            }
        }
    }

    @Override
    public String toString() {
        return "IdempotencyListeners" + listeners;
    }
}
