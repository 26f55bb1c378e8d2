package dev.secondchance.idempotency;

import dev.secondchance.idempotency.internal.DefaultIdempotentExecutor;
import dev.secondchance.idempotency.internal.ExecutorSettings;
import dev.secondchance.idempotency.internal.TokenRules;
import dev.secondchance.retry.Backoff;
import dev.secondchance.retry.RandomSource;
import dev.secondchance.retry.RetryPolicy;
import dev.secondchance.retry.Scheduler;
import dev.secondchance.retry.Sleeper;
import dev.secondchance.retry.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Builds an {@link IdempotentExecutor}. Each setter checks its argument at once and names the parameter
 * and its legal range; {@link #build()} checks the settings together. The builder is mutable and not
 * thread-safe; the executor it builds is immutable and thread-safe.
 *
 * <table>
 *   <caption>Defaults</caption>
 *   <tr><th>setting</th><th>default</th><th>why</th></tr>
 *   <tr><td>lease</td><td>30 s</td><td>a crashed holder blocks its token this long at most</td></tr>
 *   <tr><td>heartbeat</td><td>10 s</td><td>lease / 3: a renewal may fail once and the lease still holds</td></tr>
 *   <tr><td>ttl</td><td>24 h</td><td>Stripe keeps keys at least 24 h; retries and redeliveries come sooner</td></tr>
 *   <tr><td>whenInProgress</td><td>{@link WhenInProgress#WAIT}</td><td>a duplicate gets the result, not an error</td></tr>
 *   <tr><td>waitTimeout</td><td>30 s</td><td>as long as a lease, so a waiter can outlast a crashed holder</td></tr>
 *   <tr><td>waitBackoff</td><td>{@link Backoff#contention()}</td><td>polls soon, never more than 1 s apart</td></tr>
 *   <tr><td>failurePolicy</td><td>{@link FailurePolicy#defaults()}</td><td>release, but keep ambiguous claims</td></tr>
 *   <tr><td>storeRetryPolicy</td><td>3 attempts, core backoffs, the store's classifier</td><td>throttling and 5xx heal</td></tr>
 *   <tr><td>storeFailureMode</td><td>{@link StoreFailureMode#FAIL_CLOSED}</td><td>never run blind</td></tr>
 *   <tr><td>keyPrefix</td><td>none</td><td>set one per operation type to share a table</td></tr>
 *   <tr><td>maxTokenLength</td><td>255</td><td>as Stripe</td></tr>
 *   <tr><td>clock, ticker, sleeper, scheduler, random</td><td>the system ones</td><td></td></tr>
 * </table>
 *
 * @param <T> the result type
 */
public final class IdempotentExecutorBuilder<T> {

    static final Duration MAX_LEASE = Duration.ofDays(1);
    static final Duration MAX_TTL = Duration.ofDays(3650);

    private final IdempotencyStore store;
    private final ResultCodec<T> codec;
    private Duration lease = Duration.ofSeconds(30);
    private Duration heartbeat = Duration.ofSeconds(10);
    private Duration ttl = Duration.ofHours(24);
    private WhenInProgress whenInProgress = WhenInProgress.WAIT;
    private Duration waitTimeout = Duration.ofSeconds(30);
    private Backoff waitBackoff = Backoff.contention();
    private FailurePolicy failurePolicy = FailurePolicy.defaults();
    private RetryPolicy storeRetryPolicy;
    private StoreFailureMode storeFailureMode = StoreFailureMode.FAIL_CLOSED;
    private String keyPrefix = "";
    private int maxTokenLength = IdempotencyKeys.DEFAULT_MAX_LENGTH;
    private Clock clock = Clock.systemUTC();
    private Ticker ticker = Ticker.system();
    private Sleeper sleeper = Sleeper.system();
    private Scheduler scheduler = Scheduler.system();
    private RandomSource random = RandomSource.threadLocal();

    IdempotentExecutorBuilder(IdempotencyStore store, ResultCodec<T> codec) {
        this.store = Objects.requireNonNull(store, "store must not be null");
        this.codec = Objects.requireNonNull(codec, "codec must not be null");
    }

    /**
     * Restores a builder from an executor's settings (for {@link IdempotentExecutor#toBuilder()}).
     *
     * @param settings the settings
     * @param <T> the result type
     * @return a builder with every setting copied
     */
    static <T> IdempotentExecutorBuilder<T> from(ExecutorSettings<T> settings) {
        IdempotentExecutorBuilder<T> b = new IdempotentExecutorBuilder<>(settings.store(), settings.codec());
        b.lease = settings.lease();
        b.heartbeat = settings.heartbeat();
        b.ttl = settings.ttl();
        b.whenInProgress = settings.whenInProgress();
        b.waitTimeout = settings.waitTimeout();
        b.waitBackoff = settings.waitBackoff();
        b.failurePolicy = settings.failurePolicy();
        b.storeRetryPolicy = settings.customStoreRetryPolicy();
        b.storeFailureMode = settings.storeFailureMode();
        b.keyPrefix = settings.keyPrefix();
        b.maxTokenLength = settings.maxTokenLength();
        b.clock = settings.clock();
        b.ticker = settings.ticker();
        b.sleeper = settings.sleeper();
        b.scheduler = settings.scheduler();
        b.random = settings.random();
        return b;
    }

    /**
     * @param lease how long a claim holds without renewal before another caller may take over, in
     *     {@code [1 ms, 1 day]}; at least twice the heartbeat
     * @return this builder
     */
    public IdempotentExecutorBuilder<T> lease(Duration lease) {
        this.lease = inRange(lease, "lease", Duration.ofMillis(1), MAX_LEASE);
        return this;
    }

    /**
     * @param heartbeat how often a running operation renews its lease, in {@code [0, 12 h]}; zero turns
     *     renewal off (then the lease must outlast every run)
     * @return this builder
     */
    public IdempotentExecutorBuilder<T> heartbeat(Duration heartbeat) {
        this.heartbeat = inRange(heartbeat, "heartbeat", Duration.ZERO, MAX_LEASE.dividedBy(2));
        return this;
    }

    /**
     * @param ttl how long a record is kept after its claim and again after its completion, in
     *     {@code [1 s, 3650 days]}; longer than the lease
     * @return this builder
     */
    public IdempotentExecutorBuilder<T> ttl(Duration ttl) {
        this.ttl = inRange(ttl, "ttl", Duration.ofSeconds(1), MAX_TTL);
        return this;
    }

    /**
     * @param whenInProgress what a caller does when another caller holds the token
     * @return this builder
     */
    public IdempotentExecutorBuilder<T> whenInProgress(WhenInProgress whenInProgress) {
        this.whenInProgress = Objects.requireNonNull(whenInProgress, "whenInProgress must not be null");
        return this;
    }

    /**
     * @param waitTimeout how long a caller waits for another caller's outcome with
     *     {@link WhenInProgress#WAIT}, on the ticker, in {@code [0, 1 day]}
     * @return this builder
     */
    public IdempotentExecutorBuilder<T> waitTimeout(Duration waitTimeout) {
        this.waitTimeout = inRange(waitTimeout, "waitTimeout", Duration.ZERO, MAX_LEASE);
        return this;
    }

    /**
     * @param waitBackoff the delays between polls of a waiting caller
     * @return this builder
     */
    public IdempotentExecutorBuilder<T> waitBackoff(Backoff waitBackoff) {
        this.waitBackoff = Objects.requireNonNull(waitBackoff, "waitBackoff must not be null");
        return this;
    }

    /**
     * @param failurePolicy decides whether a failure releases the claim, keeps it or is recorded
     * @return this builder
     */
    public IdempotentExecutorBuilder<T> failurePolicy(FailurePolicy failurePolicy) {
        this.failurePolicy = Objects.requireNonNull(failurePolicy, "failurePolicy must not be null");
        return this;
    }

    /**
     * Replaces the retry policy of store calls. Give it {@link IdempotencyStore#retryClassifier()} among its
     * classifiers, or store throttling will not be retried. Heartbeat renewals are never retried: the next
     * beat is their retry.
     *
     * @param storeRetryPolicy the policy
     * @return this builder
     */
    public IdempotentExecutorBuilder<T> storeRetryPolicy(RetryPolicy storeRetryPolicy) {
        this.storeRetryPolicy = Objects.requireNonNull(storeRetryPolicy, "storeRetryPolicy must not be null");
        return this;
    }

    /**
     * @param storeFailureMode whether an unreachable store stops the operation (default) or not
     * @return this builder
     */
    public IdempotentExecutorBuilder<T> storeFailureMode(StoreFailureMode storeFailureMode) {
        this.storeFailureMode = Objects.requireNonNull(storeFailureMode, "storeFailureMode must not be null");
        return this;
    }

    /**
     * @param keyPrefix put before each token to form the store key, at most 256 characters; use one per
     *     operation type when several share a store; empty for none
     * @return this builder
     */
    public IdempotentExecutorBuilder<T> keyPrefix(String keyPrefix) {
        Objects.requireNonNull(keyPrefix, "keyPrefix must not be null");
        if (keyPrefix.length() > 256) {
            throw new IllegalArgumentException("keyPrefix must be at most 256 characters, got " + keyPrefix.length());
        }
        this.keyPrefix = keyPrefix;
        return this;
    }

    /**
     * @param maxTokenLength the longest accepted token, in {@code [1, 8192]}
     * @return this builder
     */
    public IdempotentExecutorBuilder<T> maxTokenLength(int maxTokenLength) {
        this.maxTokenLength = TokenRules.checkMaxLength(maxTokenLength);
        return this;
    }

    /**
     * @param clock the wall clock for lease ends shown in retry-after hints; the store reads its own
     * @return this builder
     */
    public IdempotentExecutorBuilder<T> clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        return this;
    }

    /**
     * @param ticker the monotonic time source of the wait timeout and the store retry policy
     * @return this builder
     */
    public IdempotentExecutorBuilder<T> ticker(Ticker ticker) {
        this.ticker = Objects.requireNonNull(ticker, "ticker must not be null");
        return this;
    }

    /**
     * @param sleeper waits between polls and between store retries
     * @return this builder
     */
    public IdempotentExecutorBuilder<T> sleeper(Sleeper sleeper) {
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper must not be null");
        return this;
    }

    /**
     * @param scheduler runs heartbeats; its tasks must not run on the caller's thread
     * @return this builder
     */
    public IdempotentExecutorBuilder<T> scheduler(Scheduler scheduler) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler must not be null");
        return this;
    }

    /**
     * @param random the jitter source of the wait backoff and the default store retry policy
     * @return this builder
     */
    public IdempotentExecutorBuilder<T> random(RandomSource random) {
        this.random = Objects.requireNonNull(random, "random must not be null");
        return this;
    }

    /**
     * Builds an immutable executor. The builder may be changed and built again.
     *
     * @return a new executor
     * @throws IllegalArgumentException if the heartbeat is on and the lease is shorter than twice the
     *     heartbeat, or if the ttl is not longer than the lease
     */
    public IdempotentExecutor<T> build() {
        if (!heartbeat.isZero() && lease.compareTo(heartbeat.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("lease (" + lease + ") must be >= 2 x heartbeat (" + heartbeat
                    + "), so that one failed renewal does not lose the lease; lengthen the lease or shorten the heartbeat");
        }
        if (ttl.compareTo(lease) <= 0) {
            throw new IllegalArgumentException("ttl (" + ttl + ") must be > lease (" + lease + ")");
        }
        ExecutorSettings<T> settings = new ExecutorSettings<>(store, codec, lease, heartbeat, ttl, whenInProgress,
                waitTimeout, waitBackoff, failurePolicy, storeRetryPolicy, storeFailureMode, keyPrefix,
                maxTokenLength, clock, ticker, sleeper, scheduler, random);
        return new DefaultIdempotentExecutor<>(settings, IdempotentExecutorBuilder::from);
    }

    private static Duration inRange(Duration value, String name, Duration min, Duration max) {
        Objects.requireNonNull(value, () -> name + " must not be null");
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], got " + value);
        }
        return value;
    }
}
