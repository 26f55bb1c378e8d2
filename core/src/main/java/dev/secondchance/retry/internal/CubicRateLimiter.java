package dev.secondchance.retry.internal;

import dev.secondchance.internal.Checks;
import dev.secondchance.retry.AdaptiveRateLimiter;
import dev.secondchance.retry.RandomSource;
import dev.secondchance.retry.SendSlot;
import dev.secondchance.retry.Ticker;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A client-side rate limiter after the AWS SDK's adaptive retry mode: sends are spaced {@code 1/rate}
 * apart once the first throttle turns it on, and the rate follows TCP CUBIC, with the changes a herd of
 * callers needs (see below).
 *
 * <p><b>Slots.</b> Until the first throttle {@link #acquire()} answers {@link SendSlot#now()}. Then each
 * caller is handed the next free slot, spaced {@code 1/rate} after the previous one (no bursts), if that
 * slot is at most 50 ms ahead; otherwise it holds nothing and is told to ask again when the line will
 * have moved that far (at least 25 ms, at most 0.5 s). Slots are whole nanoseconds, spaced by
 * {@code 1/rate} rounded up, so no caller sends early. Slots once handed out keep their time when the rate
 * changes; the next free slot is always {@code 1/rate} after the last one handed out, at the current rate,
 * so a rise takes effect at once. {@link #reserve()} hands out the next slot however far ahead, for pipelines that cannot ask again.
 *
 * <p><b>Random phase after a cut.</b> The first caller to ask after a cut draws {@code u}, uniform in
 * {@code [0, 1)}, from its {@link RandomSource} ({@link #acquire(RandomSource)}, {@link #reserve(RandomSource)};
 * the retry loops pass the policy's source), and no slot is free before {@code cut + u/rate}. Limiters cut by
 * answers of the same instant, such as a fleet's processes when an outage begins, would otherwise send their
 * probes in the same instant every {@code 1/rate} (every 2 s at the minimum rate), and all come back together
 * when the server does. At the rates of a working server the phase is at most one interval, a few
 * milliseconds. {@link #acquire()} and {@link #reserve()} draw {@code u = 0}: no phase.
 *
 * <p><b>Rate.</b> A throttle cuts the rate from {@code M} to a lower rate {@code R} (below) and starts a CUBIC
 * curve {@code C·(t − K)³ + M} (C = 0.4, {@code K = ∛((M − R)/C)}, t in seconds since the cut), which each
 * success follows upwards. While the rate is below the slow-start target, each success adds
 * {@value #SLOW_START_STEP} per second instead, which doubles the rate about every 0.35 s while every send
 * succeeds. Unless callers are lined up for slots, successes never raise the rate above twice the rate of
 * slots granted in the last 0.25 s ({@link RecentRate}; a client that does not use its rate does not raise
 * it). Successes never lower it. The rate
 * never falls below {@value #MIN_RATE} per second.
 *
 * <p>Differences from the AWS SDK, each found with a herd of 1,000 callers after a 2 s outage (examples,
 * {@code LiveHerd}):
 * <ul>
 *   <li><b>The first cut starts from the rate the server accepted</b> ({@link RateMeter}, successes per
 *       second), not from the send rate. A herd's first answers arrive before any send rate means
 *       anything (1,000 sends in a few milliseconds read as 100,000 per second), and a server that sheds
 *       load tells the client its capacity by what it accepts. In an outage that is zero: the limiter
 *       drops to its minimum rate and probes.</li>
 *   <li><b>Later cuts start from the granted rate</b> (M is the lower of the allowed rate and the slots
 *       granted in the last 0.25 s), which is what the client really sent, without the half-second
 *       smoothing that lags a ramp, <b>and go to the rate the server accepted</b> in the last 0.25 s, kept
 *       within {@code [0.7 M, 0.9 M]}: a server that sheds load beyond its capacity accepts what it can
 *       take, so a client that overshot by 15 % falls back to the capacity, not to 0.7 × (1.15 × capacity)
 *       = 0.8 × it, and the curve has less to climb back; a cut is never deeper than the SDK's 0.7 M (a
 *       quarter second holds few successes at low rates) nor shallower than 0.9 M. (The first cut goes to
 *       0.7 × the rate the server accepted, as in the SDK.)</li>
 *   <li><b>One cut per congestion event.</b> Throttles within 0.5 s of a cut answer requests sent before
 *       the cut took effect, so they do not cut again: TCP cuts once per round trip, not once per lost
 *       packet. The SDK cuts on every throttle, so 1,000 callers throttled together cut 1,000 times.</li>
 *   <li><b>Slow start back to the last good rate.</b> A cut to a rate above the minimum, after at least one
 *       success, sets the slow-start target to the new rate. A cut with no success since the previous one
 *       (an outage), or down to the minimum (too few successes to tell a rate), keeps the target, so when
 *       the server comes back the rate doubles its way up from the minimum in seconds, where the cubic
 *       curve from 0.5 per second needs tens of seconds.</li>
 *   <li><b>Probes and the restart follow the callers held back.</b> The limiter counts the callers it has
 *       told to ask again whose wait has not ended ({@link HeldCallers}), and a cut never goes below one
 *       probe a second per {@value #CALLERS_PER_PROBE} of them (at least {@value #MIN_RATE} per second). A
 *       late probe costs every waiting caller half a probe interval, one probe costs one request: 1,000
 *       callers through an outage probe four times a second, 20 callers every two seconds as before. The
 *       restart below follows them too. A fleet's processes, each holding back its own few callers, keep the
 *       SDK's probe rate and restart from 10 per second, so together they restart no harder than before; one
 *       process holding back all of them finds a recovered server sooner and climbs from a rate its backlog
 *       needs. Measured on the herd of the examples (docs/herd.md), 1,000 callers in one process: done 7.9 s
 *       on average after a 2 s outage on virtual time instead of 10.2 s. {@link #reserve()} holds nobody
 *       back, so pipelines keep the fixed rates.</li>
 *   <li><b>Slow start restarts from {@value #RESTART_RATE} per second</b>, or from the callers held back
 *       sent over {@value #BACKLOG_SECONDS} s if that is faster (1,000 callers waiting: 50 per second), or
 *       the slow-start target if lower: in slow start a success raises the rate to at least that, so the
 *       first success after an outage lifts it from the 0.5 per second probe straight to 10 (within the
 *       growth ceiling above), as TCP restarts from an initial window of ten segments (RFC 6928), not from
 *       one. Adding
 *       {@value #SLOW_START_STEP} per success from 0.5 per second spends over a second of a recovered server
 *       on the first 20 per second, because at those rates successes are seconds apart; ten probes a second
 *       are no load for a server that has just answered one.</li>
 *   <li><b>A success never lowers the rate.</b> The SDK sets the rate to {@code min(curve, 2 × measured)}
 *       on every success, so while callers wait and few answers arrive, successes pull it down.</li>
 *   <li><b>Slots are held at most 50 ms ahead.</b> The SDK hands every caller a slot
 *       however far ahead (at the minimum rate the k-th caller waits k × 2 s) and never revisits it when
 *       the rate recovers. Callers beyond the horizon ask again, so they see the new rate. A held slot
 *       keeps its time when the rate is cut, so the horizon is also how long a cut lags: 1,000 callers in
 *       one process after an outage peaked at 22–25 requests per 100 ms against a capacity of 20 with a
 *       100 ms horizon, 21–23 with 50 ms (docs/herd.md, virtual time, ten seeds); waiting callers ask twice
 *       as often.</li>
 * </ul>
 *
 * <p>Thread-safe through one short {@link ReentrantLock} section per call (no {@code synchronized}). Time
 * comes only from the injected {@link Ticker}, measured from construction.
 */
public final class CubicRateLimiter implements AdaptiveRateLimiter {

    /** CUBIC's multiplicative decrease (RFC 9438 and the AWS SDK): the rate falls to 70 % of M. */
    private static final double BETA = 0.7;

    /** CUBIC's scaling constant C (RFC 9438 and the AWS SDK), in requests per second per second³. */
    private static final double SCALE = 0.4;

    /** The lowest rate, as in the AWS SDK: one request every two seconds, the probe rate in an outage. */
    static final double MIN_RATE = 0.5;

    /** Slow start: requests per second added per success, so a fully used rate grows e^2 ≈ 7.4 × per second. */
    static final double SLOW_START_STEP = 2.0;

    /** The rate slow start restarts from at the first success after an outage (10 per second, after TCP's IW10). */
    static final double RESTART_RATE = 10.0;

    /** A later cut goes at least this far below the rate sent (to 90 %), however much the server accepted. */
    private static final double LATER_CUT = 0.9;

    /** Callers held back per probe per second: 1,000 callers waiting through an outage probe four times a second. */
    static final double CALLERS_PER_PROBE = 250.0;

    /** The restart sends the callers held back over this time (20 s): 1,000 callers restart at 50 per second. */
    static final double BACKLOG_SECONDS = 20.0;

    /** For a fleet, the least restart rate when callers are held back: 2 per second instead of 10. */
    static final double FLEET_RESTART_RATE = 2.0;

    /** For a fleet, slow start takes its whole step from this many callers held back, a share of it below. */
    static final double FLEET_FULL_STEP_CALLERS = 100.0;

    /** How far ahead a slot is held (50 ms); beyond it callers ask again. Also the lag of a cut behind its cause. */
    private static final long HORIZON_NANOS = 50_000_000L;

    /** The longest wait before asking again (0.5 s), so that a caller sees a recovering rate soon. */
    private static final long MAX_ASK_AGAIN_NANOS = 500_000_000L;

    /** {@code lastSlot} before any slot was handed out: far enough back that the next slot is now. */
    private static final long NO_SLOT_YET = Long.MIN_VALUE / 2;

    /** What {@link #acquire()} and {@link #reserve()} draw: always 0, no random phase. */
    private static final RandomSource NO_PHASE = () -> 0.0;

    /** Throttles within this time of a cut belong to the same congestion event. */
    private static final double CONGESTION_EVENT_SECONDS = 0.5;

    private final Ticker ticker;
    private final long origin;
    private final boolean forFleet;
    private final ReentrantLock lock = new ReentrantLock();

    // All guarded by lock; times are seconds since origin.
    private final RateMeter accepted = new RateMeter();
    private final RecentRate granted = new RecentRate();
    private final RecentRate succeeded = new RecentRate();
    private final HeldCallers held = new HeldCallers();
    private boolean enabled;
    private double rate;
    private long lastSlot = NO_SLOT_YET;
    private double lastMaxRate;
    private double lastCut;
    private double timeWindow;
    private double slowStartTarget = Double.POSITIVE_INFINITY;
    private boolean succeededSinceCut;
    /** True from a cut until a caller has drawn its random phase. */
    private boolean phaseDue;
    /** No slot is free before this (nanoseconds since origin): the cut's random phase. */
    private long phaseEnd = NO_SLOT_YET;

    /**
     * @param ticker the time source
     * @throws NullPointerException if {@code ticker} is null
     */
    public CubicRateLimiter(Ticker ticker) {
        this(ticker, false);
    }

    /**
     * @param ticker the time source
     * @param forFleet whether the restart and slow start after an outage follow the callers held back also
     *     below the fixed rates ({@link AdaptiveRateLimiter#cubicForFleet(Ticker)})
     * @throws NullPointerException if {@code ticker} is null
     */
    public CubicRateLimiter(Ticker ticker, boolean forFleet) {
        this.ticker = Checks.notNull(ticker, "ticker");
        this.origin = ticker.nanoTime();
        this.forFleet = forFleet;
    }

    @Override
    public SendSlot acquire() {
        return acquire(NO_PHASE);
    }

    @Override
    public SendSlot acquire(RandomSource random) {
        Checks.notNull(random, "random");
        lock.lock();
        try {
            if (!enabled) {
                return SendSlot.now();
            }
            long now = elapsedNanos();
            drawPhase(random);
            long ahead = Math.max(now, nextSlot()) - now;
            if (ahead > HORIZON_NANOS) {
                long askAgain = Math.max(HORIZON_NANOS / 2, Math.min(ahead - HORIZON_NANOS, MAX_ASK_AGAIN_NANOS));
                held.hold(now, askAgain);
                return SendSlot.askAgainAfter(Duration.ofNanos(askAgain));
            }
            return SendSlot.after(take(now, now + ahead));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Duration reserve() {
        return reserve(NO_PHASE);
    }

    @Override
    public Duration reserve(RandomSource random) {
        Checks.notNull(random, "random");
        lock.lock();
        try {
            if (!enabled) {
                return Duration.ZERO;
            }
            long now = elapsedNanos();
            drawPhase(random);
            return take(now, Math.max(now, nextSlot()));
        } finally {
            lock.unlock();
        }
    }

    /**
     * The next free slot: {@code 1/rate} (rounded up to whole nanoseconds) after the last one handed out, and
     * not before the cut's random phase has passed.
     */
    private long nextSlot() {
        return Math.max(phaseEnd, lastSlot + intervalNanos());
    }

    private long intervalNanos() {
        return (long) Math.ceil(1e9 / rate);
    }

    /** The first caller after a cut fixes its random phase: {@code u/rate} after the cut. */
    private void drawPhase(RandomSource random) {
        if (phaseDue) {
            phaseDue = false;
            double u = random.nextDouble();
            phaseEnd = Math.round(lastCut * 1e9) + (long) (Math.min(Math.max(u, 0.0), 1.0) * intervalNanos());
        }
    }

    private Duration take(long now, long slot) {
        lastSlot = slot;
        granted.add(now / 1e9);
        return Duration.ofNanos(slot - now);
    }

    @Override
    public void onThrottled() {
        lock.lock();
        try {
            long nowNanos = elapsedNanos();
            double now = nowNanos / 1e9;
            if (enabled && now - lastCut < CONGESTION_EVENT_SECONDS) {
                return; // the same congestion event: already cut for it
            }
            double cut;
            if (enabled) {
                lastMaxRate = Math.min(rate, Math.max(granted.rate(now), MIN_RATE));
                cut = Math.min(LATER_CUT * lastMaxRate, Math.max(BETA * lastMaxRate, succeeded.rate(now)));
            } else {
                lastMaxRate = accepted.rate(now);
                cut = BETA * lastMaxRate;
            }
            rate = Math.max(probeRate(nowNanos), cut);
            if (succeededSinceCut && cut > MIN_RATE) {
                slowStartTarget = rate;
            }
            timeWindow = Math.cbrt(Math.max(0.0, lastMaxRate - rate) / SCALE);
            lastCut = now;
            succeededSinceCut = false;
            enabled = true;
            phaseDue = true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void onSuccess() {
        lock.lock();
        try {
            long nowNanos = elapsedNanos();
            double now = nowNanos / 1e9;
            accepted.onAnswer(now);
            succeeded.add(now);
            succeededSinceCut = true;
            if (!enabled) {
                return;
            }
            // Callers lined up beyond now use the whole rate; otherwise growth stops at twice what was granted.
            double ceiling = nextSlot() > nowNanos ? Double.POSITIVE_INFINITY : 2 * Math.max(granted.rate(now), MIN_RATE);
            double next;
            if (rate < slowStartTarget) {
                long callers = held.count(nowNanos);
                next = Math.max(rate + slowStartStep(callers), Math.min(restartRate(callers), slowStartTarget));
            } else {
                double t = now - lastCut - timeWindow;
                next = SCALE * t * t * t + lastMaxRate;
            }
            rate = Math.max(rate, Math.min(next, ceiling));
        } finally {
            lock.unlock();
        }
    }

    /** The lowest rate a cut goes to: {@value #MIN_RATE} per second, or a probe a second per 250 callers held back. */
    private double probeRate(long nowNanos) {
        return Math.max(MIN_RATE, held.count(nowNanos) / CALLERS_PER_PROBE);
    }

    /**
     * Where slow start restarts: the callers held back over 20 s, at least {@value #RESTART_RATE} per second
     * (for a fleet {@value #FLEET_RESTART_RATE} while callers are held back).
     */
    private double restartRate(long callers) {
        double least = forFleet && callers > 0 ? FLEET_RESTART_RATE : RESTART_RATE;
        return Math.max(least, callers / BACKLOG_SECONDS);
    }

    /** What a success adds in slow start: {@value #SLOW_START_STEP}, for a fleet a share of it below 100 callers. */
    private double slowStartStep(long callers) {
        if (!forFleet || callers == 0) {
            return SLOW_START_STEP;
        }
        return SLOW_START_STEP * Math.min(1.0, callers / FLEET_FULL_STEP_CALLERS);
    }

    @Override
    public double sendRate() {
        return allowedRate();
    }

    @Override
    public boolean isLimiting() {
        lock.lock();
        try {
            return enabled;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Returns the allowed send rate, for tests and metrics.
     *
     * @return requests per second, or {@link Double#POSITIVE_INFINITY} before the first throttle
     */
    public double allowedRate() {
        lock.lock();
        try {
            return enabled ? rate : Double.POSITIVE_INFINITY;
        } finally {
            lock.unlock();
        }
    }

    private long elapsedNanos() {
        return ticker.nanoTime() - origin;
    }

    @Override
    public String toString() {
        lock.lock();
        try {
            String factory = forFleet ? "cubicForFleet" : "cubic";
            return "AdaptiveRateLimiter." + factory + "(" + (enabled ? "rate=" + rate : "off") + ")";
        } finally {
            lock.unlock();
        }
    }
}
