package dev.secondchance.retry.testing;

import dev.secondchance.retry.AdaptiveRateLimiter;
import dev.secondchance.retry.SendSlot;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A rate limiter that answers {@link #acquire()} from a script (the last answer repeats) and refuses
 * {@link #reserve()}, which only trackers use. Thread-safe.
 */
public final class ScriptedLimiter implements AdaptiveRateLimiter {

    private final List<SendSlot> script;
    private final AtomicInteger asked = new AtomicInteger();

    /** @param script the answers, in order */
    public ScriptedLimiter(SendSlot... script) {
        this.script = List.of(script);
    }

    @Override
    public SendSlot acquire() {
        return script.get(Math.min(asked.getAndIncrement(), script.size() - 1));
    }

    @Override
    public Duration reserve() {
        throw new AssertionError("the retry loops ask acquire(); reserve() is for trackers");
    }

    @Override
    public void onThrottled() {}

    @Override
    public void onSuccess() {}

    /** @return how often {@link #acquire()} was asked */
    public int asked() {
        return asked.get();
    }
}
