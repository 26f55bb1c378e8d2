package dev.secondchance.aws;

import dev.secondchance.aws.internal.Args;
import dev.secondchance.aws.internal.DefaultSecondChanceRetryStrategy;
import dev.secondchance.aws.internal.PredicateClassifier;
import dev.secondchance.aws.internal.SdkBackoff;
import dev.secondchance.aws.internal.StrategyConfig;
import dev.secondchance.retry.AdaptiveRateLimiter;
import dev.secondchance.retry.Backoff;
import dev.secondchance.retry.EndReason;
import dev.secondchance.retry.RandomSource;
import dev.secondchance.retry.RetryBudget;
import dev.secondchance.retry.RetryClassifier;
import dev.secondchance.retry.RetryListener;
import dev.secondchance.retry.RetryPolicyBuilder;
import dev.secondchance.retry.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * Builds a {@link SecondChanceRetryStrategy}. It is also the SDK's {@link RetryStrategy.Builder}, so
 * {@code strategy.toBuilder().maxAttempts(5).build()} and the SDK's predicate methods work. Each setter
 * validates its argument at once; {@link #build()} checks the settings together. Mutable and not thread-safe;
 * the strategy it builds is immutable and thread-safe.
 *
 * <table>
 *   <caption>Defaults (core's, see {@link RetryPolicyBuilder})</caption>
 *   <tr><th>setting</th><th>default</th></tr>
 *   <tr><td>maxAttempts</td><td>{@link RetryPolicyBuilder#DEFAULT_MAX_ATTEMPTS} (3)</td></tr>
 *   <tr><td>backoff</td><td>{@link Backoff#classic()}: full jitter, 100 ms × 4^n, cap 5 s</td></tr>
 *   <tr><td>throttlingBackoff</td><td>{@link RetryPolicyBuilder#DEFAULT_THROTTLING_BACKOFF}: 250 ms × 4^n, cap 5 s</td></tr>
 *   <tr><td>maxRetryAfter</td><td>the larger cap of the two backoffs</td></tr>
 *   <tr><td>deadline</td><td>none</td></tr>
 *   <tr><td>classifiers</td><td>{@link AwsClassifiers#defaults()}</td></tr>
 *   <tr><td>treatAsThrottling</td><td>none</td></tr>
 *   <tr><td>budget</td><td>a new {@link RetryBudget#tokenBucket()} per build</td></tr>
 *   <tr><td>rateLimiter</td><td>none</td></tr>
 *   <tr><td>recordMetrics</td><td>off</td></tr>
 *   <tr><td>ticker, wallClock, random</td><td>the system ones</td></tr>
 * </table>
 */
public final class SecondChanceRetryStrategyBuilder
        implements RetryStrategy.Builder<SecondChanceRetryStrategyBuilder, SecondChanceRetryStrategy> {

    private String name = "aws-sdk";
    private int maxAttempts = RetryPolicyBuilder.DEFAULT_MAX_ATTEMPTS;
    private Backoff backoff = Backoff.classic();
    private Backoff throttlingBackoff = RetryPolicyBuilder.DEFAULT_THROTTLING_BACKOFF;
    private Duration maxRetryAfter;
    private Duration deadline;
    private List<RetryClassifier> classifiers = new ArrayList<>(AwsClassifiers.defaults());
    private Predicate<Throwable> treatAsThrottling;
    private RetryBudget budget;
    private AdaptiveRateLimiter rateLimiter;
    private final List<RetryListener> listeners = new ArrayList<>();
    private Ticker ticker = Ticker.system();
    private Clock wallClock = Clock.systemUTC();
    private RandomSource random = RandomSource.threadLocal();
    private boolean recordMetrics;

    SecondChanceRetryStrategyBuilder() {}

    /**
     * @param name a name for logs and {@code toString}, not blank; default {@code "aws-sdk"}
     * @return this builder
     * @throws IllegalArgumentException if blank
     * @throws NullPointerException if null
     */
    public SecondChanceRetryStrategyBuilder name(String name) {
        if (Args.notNull(name, "name").isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        this.name = name;
        return this;
    }

    /**
     * @param maxAttempts the most attempts a call makes, first included, {@code >= 1}; 1 disables retries
     * @return this builder
     * @throws IllegalArgumentException if below 1
     */
    @Override
    public SecondChanceRetryStrategyBuilder maxAttempts(int maxAttempts) {
        this.maxAttempts = Args.atLeast(maxAttempts, 1, "maxAttempts");
        return this;
    }

    /**
     * @param backoff the delays after retryable failures
     * @return this builder
     * @throws NullPointerException if null
     */
    public SecondChanceRetryStrategyBuilder backoff(Backoff backoff) {
        this.backoff = Args.notNull(backoff, "backoff");
        return this;
    }

    /**
     * @param throttlingBackoff the delays after throttling failures; usually longer
     * @return this builder
     * @throws NullPointerException if null
     */
    public SecondChanceRetryStrategyBuilder throttlingBackoff(Backoff throttlingBackoff) {
        this.throttlingBackoff = Args.notNull(throttlingBackoff, "throttlingBackoff");
        return this;
    }

    /**
     * Uses an SDK backoff for retryable failures. The SDK's attempt numbering is kept (its
     * {@code computeDelay(2)} is the first retry) and its delays are capped at 20 s, the SDK's maximum backoff.
     *
     * @param backoffStrategy the SDK backoff
     * @return this builder
     * @throws NullPointerException if null
     */
    @Override
    public SecondChanceRetryStrategyBuilder backoffStrategy(BackoffStrategy backoffStrategy) {
        return backoff(SdkBackoff.of(backoffStrategy));
    }

    /**
     * Uses an SDK backoff for throttling failures, adapted as in {@link #backoffStrategy(BackoffStrategy)}.
     *
     * @param throttlingBackoffStrategy the SDK backoff
     * @return this builder
     * @throws NullPointerException if null
     */
    @Override
    public SecondChanceRetryStrategyBuilder throttlingBackoffStrategy(BackoffStrategy throttlingBackoffStrategy) {
        return throttlingBackoff(SdkBackoff.of(throttlingBackoffStrategy));
    }

    /**
     * @param maxRetryAfter the longest server hint the strategy will wait for, {@code >= 0}; a longer one ends the
     *     call with {@link EndReason#HINT_TOO_LONG}
     * @return this builder
     * @throws IllegalArgumentException if negative
     * @throws NullPointerException if null
     */
    public SecondChanceRetryStrategyBuilder maxRetryAfter(Duration maxRetryAfter) {
        this.maxRetryAfter = Args.nonNegative(maxRetryAfter, "maxRetryAfter");
        return this;
    }

    /**
     * @param deadline the time budget of each SDK call from its first attempt, {@code > 0}, measured on the
     *     ticker; a retry whose wait would end after it is not started and the call ends with
     *     {@link EndReason#DEADLINE_EXCEEDED}. It does not cut an attempt short: use the SDK's
     *     {@code apiCallAttemptTimeout} for that.
     * @return this builder
     * @throws IllegalArgumentException if not positive
     * @throws NullPointerException if null
     */
    public SecondChanceRetryStrategyBuilder deadline(Duration deadline) {
        this.deadline = Args.positive(deadline, "deadline");
        return this;
    }

    /**
     * Adds a classifier that is asked before the ones already set, so it can override them.
     *
     * @param classifier the classifier
     * @return this builder
     * @throws NullPointerException if null
     */
    public SecondChanceRetryStrategyBuilder addClassifier(RetryClassifier classifier) {
        classifiers.add(0, Args.notNull(classifier, "classifier"));
        return this;
    }

    /**
     * Replaces all classifiers, the AWS ones included. If every classifier abstains, the failure is final.
     *
     * @param classifiers asked in order; the first non-abstaining verdict wins
     * @return this builder
     * @throws NullPointerException if the list or an element is null
     */
    public SecondChanceRetryStrategyBuilder classifiers(List<RetryClassifier> classifiers) {
        List<RetryClassifier> copy = new ArrayList<>(Args.notNull(classifiers, "classifiers"));
        copy.forEach(classifier -> Args.notNull(classifier, "classifiers element"));
        this.classifiers = copy;
        return this;
    }

    /**
     * The SDK's way to add a retry condition: failures the predicate accepts are retried, whatever the other
     * classifiers say (it is added first, as by {@link #addClassifier}). A predicate that throws is ignored.
     *
     * @param shouldRetry the predicate
     * @return this builder
     * @throws NullPointerException if null
     */
    @Override
    public SecondChanceRetryStrategyBuilder retryOnException(Predicate<Throwable> shouldRetry) {
        return addClassifier(new PredicateClassifier(Args.notNull(shouldRetry, "shouldRetry")));
    }

    /**
     * The SDK's way to mark failures as throttling: a retryable failure the predicate accepts waits with the
     * throttling backoff and slows the rate limiter. It does not make a final failure retryable. Replaces an
     * earlier predicate, as in the SDK.
     *
     * @param treatAsThrottling the predicate
     * @return this builder
     * @throws NullPointerException if null
     */
    @Override
    public SecondChanceRetryStrategyBuilder treatAsThrottling(Predicate<Throwable> treatAsThrottling) {
        this.treatAsThrottling = Args.notNull(treatAsThrottling, "treatAsThrottling");
        return this;
    }

    /**
     * Accepted for the SDK's builder contract and ignored: this strategy never takes the SDK's default
     * predicates, because it classifies every failure itself.
     *
     * @param useClientDefaults ignored
     * @return this builder
     */
    @Override
    public SecondChanceRetryStrategyBuilder useClientDefaults(boolean useClientDefaults) {
        return this;
    }

    /**
     * @param budget the retry budget; pass the same instance to every strategy and policy that calls one
     *     dependency, or {@link RetryBudget#unlimited()} to turn budgeting off
     * @return this builder
     * @throws NullPointerException if null
     */
    public SecondChanceRetryStrategyBuilder budget(RetryBudget budget) {
        this.budget = Args.notNull(budget, "budget");
        return this;
    }

    /**
     * @param rateLimiter an adaptive rate limiter shared by the client's calls; the first attempt of each call
     *     waits for it (the delay of {@code acquireInitialToken}), as in the SDK's adaptive mode. Off by default.
     * @return this builder
     * @throws NullPointerException if null
     */
    public SecondChanceRetryStrategyBuilder rateLimiter(AdaptiveRateLimiter rateLimiter) {
        this.rateLimiter = Args.notNull(rateLimiter, "rateLimiter");
        return this;
    }

    /**
     * Adds a listener. {@link RetryListener#onAttemptFailed} gets a null result; {@link RetryListener#onEnd}
     * gets an outcome whose result is null on success (the SDK does not show the response to the strategy).
     *
     * @param listener a listener to add
     * @return this builder
     * @throws NullPointerException if null
     */
    public SecondChanceRetryStrategyBuilder listener(RetryListener listener) {
        listeners.add(Args.notNull(listener, "listener"));
        return this;
    }

    /**
     * @param ticker the monotonic time source for deadlines and elapsed times
     * @return this builder
     * @throws NullPointerException if null
     */
    public SecondChanceRetryStrategyBuilder ticker(Ticker ticker) {
        this.ticker = Args.notNull(ticker, "ticker");
        return this;
    }

    /**
     * @param wallClock the wall clock, used only to turn an HTTP-date hint into a delay
     * @return this builder
     * @throws NullPointerException if null
     */
    public SecondChanceRetryStrategyBuilder wallClock(Clock wallClock) {
        this.wallClock = Args.notNull(wallClock, "wallClock");
        return this;
    }

    /**
     * @param random the random source for jitter
     * @return this builder
     * @throws NullPointerException if null
     */
    public SecondChanceRetryStrategyBuilder random(RandomSource random) {
        this.random = Args.notNull(random, "random");
        return this;
    }

    /**
     * Turns the strategy's counters on ({@link SecondChanceRetryStrategy#metrics()}). Off by default, as for
     * core's policies; listeners see every event either way.
     *
     * @return this builder
     */
    public SecondChanceRetryStrategyBuilder recordMetrics() {
        this.recordMetrics = true;
        return this;
    }

    /**
     * Builds an immutable strategy from the current settings. The builder may be changed and built again.
     *
     * @return a new strategy; it shares the budget, rate limiter, listeners and time sources set here
     * @throws IllegalArgumentException if {@code maxRetryAfter} is set above the deadline
     */
    @Override
    public SecondChanceRetryStrategy build() {
        if (deadline != null && maxRetryAfter != null && maxRetryAfter.compareTo(deadline) > 0) {
            throw new IllegalArgumentException(
                    "maxRetryAfter (" + maxRetryAfter + ") must be <= deadline (" + deadline + ")");
        }
        Duration hintLimit = maxRetryAfter != null ? maxRetryAfter : longer(backoff.maxDelay(), throttlingBackoff.maxDelay());
        return new DefaultSecondChanceRetryStrategy(new StrategyConfig(name, maxAttempts, backoff, throttlingBackoff,
                hintLimit, maxRetryAfter != null, deadline, List.copyOf(classifiers), treatAsThrottling,
                budget != null ? budget : RetryBudget.tokenBucket(), rateLimiter, List.copyOf(listeners), ticker,
                wallClock, random, recordMetrics));
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
