package dev.secondchance.retry.internal;

import dev.secondchance.retry.DelaySource;
import dev.secondchance.retry.EndReason;
import dev.secondchance.retry.RetryListener;
import dev.secondchance.retry.Verdict;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A policy's listeners as one: each event goes to every listener in order; what a listener throws is caught
 * (logged the first time for that listener, at debug level after) and never reaches the call. Stateless
 * listeners cost no allocation per call; per-call listeners ({@link RetryListener#onCallStarted()}) get one
 * group per call.
 */
final class GuardedListeners implements RetryListener {

    private static final Logger LOG = LoggerFactory.getLogger(GuardedListeners.class);

    private final String policy;
    private final RetryListener[] listeners;
    /** One flag per registered listener, shared by the per-call groups. */
    private final AtomicBoolean[] logged;

    private GuardedListeners(String policy, RetryListener[] listeners, AtomicBoolean[] logged) {
        this.policy = policy;
        this.listeners = listeners;
        this.logged = logged;
    }

    /** @return the listeners as one, or null when there are none (so a call can skip every event) */
    static RetryListener of(String policy, List<RetryListener> listeners) {
        if (listeners.isEmpty()) {
            return null;
        }
        AtomicBoolean[] logged = new AtomicBoolean[listeners.size()];
        for (int i = 0; i < logged.length; i++) {
            logged[i] = new AtomicBoolean();
        }
        return new GuardedListeners(policy, listeners.toArray(new RetryListener[0]), logged);
    }

    @Override
    public RetryListener onCallStarted() {
        RetryListener[] perCall = null;
        for (int i = 0; i < listeners.length; i++) {
            RetryListener started = listeners[i];
            try {
                RetryListener answer = listeners[i].onCallStarted();
                started = answer != null ? answer : listeners[i];
            } catch (RuntimeException e) {
                failed(i, "onCallStarted", e);
            }
            if (started != listeners[i] && perCall == null) {
                perCall = listeners.clone();
            }
            if (perCall != null) {
                perCall[i] = started;
            }
        }
        return perCall == null ? this : new GuardedListeners(policy, perCall, logged);
    }

    @Override
    public void onAttemptStarted(int attempt, long precedingDelayNanos) {
        for (int i = 0; i < listeners.length; i++) {
            try {
                listeners[i].onAttemptStarted(attempt, precedingDelayNanos);
            } catch (RuntimeException e) {
                failed(i, "onAttemptStarted", e);
            }
        }
    }

    @Override
    public void onAttemptEnded(int attempt, long durationNanos, Verdict verdict, Object result, Throwable failure) {
        for (int i = 0; i < listeners.length; i++) {
            try {
                listeners[i].onAttemptEnded(attempt, durationNanos, verdict, result, failure);
            } catch (RuntimeException e) {
                failed(i, "onAttemptEnded", e);
            }
        }
    }

    @Override
    public void onRetryScheduled(int nextAttempt, long delayNanos, DelaySource source, Verdict verdict) {
        for (int i = 0; i < listeners.length; i++) {
            try {
                listeners[i].onRetryScheduled(nextAttempt, delayNanos, source, verdict);
            } catch (RuntimeException e) {
                failed(i, "onRetryScheduled", e);
            }
        }
    }

    @Override
    public void onLimiterWait(int attempt, long waitNanos, boolean slotHeld) {
        for (int i = 0; i < listeners.length; i++) {
            try {
                listeners[i].onLimiterWait(attempt, waitNanos, slotHeld);
            } catch (RuntimeException e) {
                failed(i, "onLimiterWait", e);
            }
        }
    }

    @Override
    public void onCallEnded(EndReason reason, int attempts, long durationNanos, Object result, Throwable failure) {
        for (int i = 0; i < listeners.length; i++) {
            try {
                listeners[i].onCallEnded(reason, attempts, durationNanos, result, failure);
            } catch (RuntimeException e) {
                failed(i, "onCallEnded", e);
            }
        }
    }

    private void failed(int index, String event, RuntimeException e) {
        if (logged[index].compareAndSet(false, true)) {
            LOG.warn("{}: listener {} threw in {}; ignored (logged once per listener, at debug level after)",
                    policy, listeners[index], event, e);
        } else {
            LOG.debug("{}: listener {} threw in {}; ignored", policy, listeners[index], event, e);
        }
    }

    @Override
    public String toString() {
        return "listeners of " + policy + " " + List.of(listeners);
    }
}
