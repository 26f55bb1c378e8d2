package dev.secondchance.idempotency;

import dev.secondchance.idempotency.internal.DefaultIdempotentExecutor;
import dev.secondchance.idempotency.internal.ExecutorSettings;
import dev.secondchance.idempotency.internal.IdempotencyListeners;
import dev.secondchance.idempotency.internal.LeaseRenewals;
import dev.secondchance.idempotency.internal.TokenRules;
import dev.secondchance.idempotency.spi.Completion;
import dev.secondchance.idempotency.spi.IdempotencyStore;
import dev.secondchance.retry.Backoff;
import dev.secondchance.retry.RandomSource;
import dev.secondchance.retry.RetryPolicy;
import dev.secondchance.retry.Scheduler;
import dev.secondchance.retry.Sleeper;
import dev.secondchance.retry.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds an {@link IdempotentExecutor}. Each setter checks its argument at once and names the parameter
 * and its legal range; {@link #build()} checks the settings together. The builder is mutable and not
 * thread-safe; the executor it builds is immutable and thread-safe.
 *
 * <table>
 *   <caption>Defaults</caption>
 *   <tr><th>setting</th><th>default</th><th>why</th></tr>
 *   <tr><td>lease</td><td>30 s</td><td>how long a silent holder keeps its token before its outcome counts as unknown</td></tr>
 *   <tr><td>heartbeat</td><td>10 s</td><td>lease / 3: renewals are retried inside the lease</td></tr>
 *   <tr><td>ttl</td><td>24 h</td><td>Stripe keeps keys at least 24 h; renewals extend it for longer runs</td></tr>
 *   <tr><td>whenInProgress</td><td>{@link WhenInProgress#WAIT}</td><td>a duplicate gets the result, not an error</td></tr>
 *   <tr><td>waitTimeout</td><td>2 x lease</td><td>a waiter outlasts a crashed holder's lease and sees what became of it</td></tr>
 *   <tr><td>waitBackoff</td><td>{@link Backoff#contention()}</td><td>polls soon, never more than 1 s apart</td></tr>
 *   <tr><td>failurePolicy</td><td>{@link FailurePolicy#defaults()}</td><td>every failure may have taken effect</td></tr>
 *   <tr><td>downstreamIdempotent</td><td>false</td><td>never run twice unless the operation says it is safe</td></tr>
 *   <tr><td>outcomeResolver</td><td>none</td><td>unknown outcomes stay unknown until the record expires</td></tr>
 *   <tr><td>failureMessageLength</td><td>0 (type only)</td><td>messages may carry personal data</td></tr>
 *   <tr><td>failureCodec</td><td>{@link FailureCodec#none()}</td><td>final failures replay as {@link ReplayedFailureException}</td></tr>
 *   <tr><td>storeRetryPolicy</td><td>3 attempts, core backoffs, the store's classifier</td><td>throttling and 5xx heal</td></tr>
 *   <tr><td>storeFailureMode</td><td>{@link StoreFailureMode#FAIL_CLOSED}</td><td>never run blind</td></tr>
 *   <tr><td>keyPrefix</td><td>none</td><td>set one per operation type to share a table</td></tr>
 *   <tr><td>maxTokenLength</td><td>255</td><td>as Stripe</td></tr>
 *   <tr><td>scheduler</td><td>a timer and store threads of its own</td><td>renewals and async store calls never wait for the common pool</td></tr>
 *   <tr><td>listener</td><td>none</td><td>each call adds one</td></tr>
 *   <tr><td>clock, ticker, sleeper, random</td><td>the system ones</td><td></td></tr>
 * </table>
 *
 * @param <T> the result type
 */
public final class IdempotentExecutorBuilder<T> {

    static final Duration MAX_LEASE = Duration.ofDays(1);
    static final Duration MAX_TTL = Duration.ofDays(3650);
    static final int MAX_FAILURE_MESSAGE_LENGTH = Completion.MAX_FAILURE_MESSAGE;

    private final IdempotencyStore store;
    private final ResultCodec<T> codec;
    private Duration lease = Duration.ofSeconds(30);
    private Duration heartbeat = Duration.ofSeconds(10);
    private Duration ttl = Duration.ofHours(24);
    private WhenInProgress whenInProgress = WhenInProgress.WAIT;
    private Duration waitTimeout;
    private Backoff waitBackoff = Backoff.contention();
    private FailurePolicy failurePolicy = FailurePolicy.defaults();
    private boolean downstreamIdempotent;
    private OutcomeResolver<T> outcomeResolver;
    private int failureMessageLength;
    private FailureCodec failureCodec = FailureCodec.none();
    private final List<IdempotencyListener> listeners = new ArrayList<>();
    private RetryPolicy storeRetryPolicy;
    private StoreFailureMode storeFailureMode = StoreFailureMode.FAIL_CLOSED;
    private String keyPrefix = "";
    private int maxTokenLength = IdempotencyTokens.DEFAULT_MAX_LENGTH;
    private Clock clock = Clock.systemUTC();
    private Ticker ticker = Ticker.system();
    private Sleeper sleeper = Sleeper.system();
    private Scheduler scheduler = LeaseRenewals.scheduler();
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
        b.waitTimeout = settings.customWaitTimeout();
        b.waitBackoff = settings.waitBackoff();
        b.failurePolicy = settings.failurePolicy();
        b.downstreamIdempotent = settings.downstreamIdempotent();
        b.outcomeResolver = settings.outcomeResolver();
        b.failureMessageLength = settings.failureMessageLength();
        b.failureCodec = settings.failureCodec();
        b.listeners.addAll(IdempotencyListeners.unwrap(settings.listener()));
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
     * @param lease how long a claim holds without renewal before its outcome counts as unknown (and, for a
     *     downstream-idempotent operation, another caller may take over), in {@code [1 ms, 1 day]}; at least
     *     twice the heartbeat
     * @return this builder
     */
    public IdempotentExecutorBuilder<T> lease(Duration lease) {
        this.lease = inRange(lease, "lease", Duration.ofMillis(1), MAX_LEASE);
        return this;
    }

    /**
     * @param heartbeat how often a running operation renews its lease and the record's expiry, in
     *     {@code [0, 12 h]}; a failed renewal is tried again sooner, until the lease ends; zero turns renewal
     *     off (then the lease and the ttl must outlast every run)
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
     *     {@link WhenInProgress#WAIT}, on the ticker, in {@code [0, 2 days]}; by default twice the lease, so a
     *     waiter outlasts a crashed holder's lease
     * @return this builder
     */
    public IdempotentExecutorBuilder<T> waitTimeout(Duration waitTimeout) {
        this.waitTimeout = inRange(waitTimeout, "waitTimeout", Duration.ZERO, MAX_LEASE.multipliedBy(2));
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
     * @param failurePolicy decides whether a failure releases the claim (proven harmless), is recorded as
     *     final, or is recorded as an unknown outcome (the default for every failure)
     * @return this builder
     */
    public IdempotentExecutorBuilder<T> failurePolicy(FailurePolicy failurePolicy) {
        this.failurePolicy = Objects.requireNonNull(failurePolicy, "failurePolicy must not be null");
        return this;
    }

    /**
     * Declares that running the operation a second time has no second effect, because it passes
     * {@link OperationContext#token()} to a downstream system that deduplicates it (a payment provider's
     * idempotency key, an AWS client token). Then a caller may take over a lapsed lease and run the operation
     * again, and a failure with an unknown outcome releases the claim so that a retry runs it again. Off by
     * default: the executor never runs an operation twice on its own.
     *
     * @param downstreamIdempotent true if a second run is safe
     * @return this builder
     */
    public IdempotentExecutorBuilder<T> downstreamIdempotent(boolean downstreamIdempotent) {
        this.downstreamIdempotent = downstreamIdempotent;
        return this;
    }

    /**
     * Sets what settles an unknown outcome: a caller that finds one takes the key over and asks the resolver
     * before it runs anything. Without one, an unknown outcome is replayed as {@link OutcomeUnknownException}
     * until the record expires.
     *
     * @param outcomeResolver the resolver
     * @return this builder
     */
    public IdempotentExecutorBuilder<T> outcomeResolver(OutcomeResolver<T> outcomeResolver) {
        this.outcomeResolver = Objects.requireNonNull(outcomeResolver, "outcomeResolver must not be null");
        return this;
    }

    /**
     * Sets how much of a failure's message is recorded with a final or unknown outcome. By default none: only
     * the failure's class name is kept, since messages may carry personal data (a card holder, an address)
     * that would then live in the store for the whole ttl.
     *
     * @param failureMessageLength the longest message kept, in characters, in {@code [0, 4096]}; 0 keeps the
     *     type only
     * @return this builder
     */
    public IdempotentExecutorBuilder<T> failureMessageLength(int failureMessageLength) {
        if (failureMessageLength < 0 || failureMessageLength > MAX_FAILURE_MESSAGE_LENGTH) {
            throw new IllegalArgumentException("failureMessageLength must be in [0, " + MAX_FAILURE_MESSAGE_LENGTH
                    + "], got " + failureMessageLength);
        }
        this.failureMessageLength = failureMessageLength;
        return this;
    }

    /**
     * Sets how final failures are recorded and rebuilt, so that a duplicate caller gets an exception of the
     * original type. By default ({@link FailureCodec#none()}) it gets a {@link ReplayedFailureException}.
     *
     * @param failureCodec the codec; combine several with {@link FailureCodec#or}
     * @return this builder
     */
    public IdempotentExecutorBuilder<T> failureCodec(FailureCodec failureCodec) {
        this.failureCodec = Objects.requireNonNull(failureCodec, "failureCodec must not be null");
        return this;
    }

    /**
     * Adds a listener; every listener added hears every event, in the order added.
     *
     * @param listener hears what the executor did with each call (see {@link IdempotencyListener})
     * @return this builder
     * @throws NullPointerException if {@code listener} is null
     */
    public IdempotentExecutorBuilder<T> listener(IdempotencyListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener must not be null"));
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
     * @param keyPrefix names the operation type when several share a store; at most 256 ASCII letters, digits
     *     and {@code . _ - : /}; empty for none. The store key is the prefix, {@code '#'} and the token (see
     *     {@link IdempotencyTokens#storeKey}), so no two prefixes share a key
     * @return this builder
     * @throws IllegalArgumentException if the prefix breaks those rules
     */
    public IdempotentExecutorBuilder<T> keyPrefix(String keyPrefix) {
        this.keyPrefix = IdempotencyTokens.validatePrefix(keyPrefix);
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
     * @param scheduler runs lease renewals, and the store calls, polls and store retries of
     *     {@link IdempotentExecutor#executeAsync(String, Fingerprint, java.util.function.Supplier)}; store calls
     *     block, so its tasks must not run on the caller's thread, and should run on threads that no other work
     *     can starve (never the common pool)
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
                waitTimeout, waitBackoff, failurePolicy, downstreamIdempotent, outcomeResolver, failureMessageLength,
                failureCodec, IdempotencyListeners.of(listeners), storeRetryPolicy, storeFailureMode, keyPrefix,
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
