package dev.secondchance.retry;

import dev.secondchance.internal.Checks;
import dev.secondchance.internal.Durations;
import dev.secondchance.retry.internal.ClassifierChain;
import dev.secondchance.retry.internal.DefaultRetryPolicy;
import dev.secondchance.retry.internal.PolicyConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@link RetryPolicy}. Each setter validates its argument at once and names the parameter and
 * its legal range in the exception; {@link #build()} checks the settings together. A builder is mutable
 * and not thread-safe; the policy it builds is immutable and thread-safe.
 *
 * <table>
 *   <caption>Defaults</caption>
 *   <tr><th>setting</th><th>default</th></tr>
 *   <tr><td>maxAttempts</td><td>3 (the first attempt and two retries)</td></tr>
 *   <tr><td>backoff</td><td>{@link Backoff#classic()}: full jitter, 100 ms × 4^n, cap 5 s</td></tr>
 *   <tr><td>throttlingBackoff</td><td>full jitter, 250 ms × 4^n, cap 5 s</td></tr>
 *   <tr><td>hintRule</td><td>{@link HintRule#SPREAD}: a server's hint, then the backoff's delay</td></tr>
 *   <tr><td>maxRetryAfter</td><td>the largest of 5 s and the caps of the two backoffs</td></tr>
 *   <tr><td>deadline</td><td>none</td></tr>
 *   <tr><td>classifiers</td><td>{@link Classifiers#defaults()}</td></tr>
 *   <tr><td>budget</td><td>a new {@link RetryBudget#tokenBucket()} per build</td></tr>
 *   <tr><td>rateLimiter</td><td>none</td></tr>
 *   <tr><td>time, sleep, schedule, random</td><td>the system ones</td></tr>
 *   <tr><td>recordMetrics</td><td>off</td></tr>
 * </table>
 */
public final class RetryPolicyBuilder {

    /** Default maximum number of attempts: 3, as the AWS SDK and the SRE book advise. */
    public static final int DEFAULT_MAX_ATTEMPTS = 3;

    /** Default throttling backoff: 250 ms × 4^n with full jitter, so the first wait is up to 1 s. */
    public static final Backoff DEFAULT_THROTTLING_BACKOFF =
            Backoff.exponential(Duration.ofMillis(250), Backoff.CLASSIC_MULTIPLIER, Backoff.DEFAULT_CAP, Jitter.FULL);

    private String name = "retry";
    private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
    private Backoff backoff = Backoff.classic();
    private Backoff throttlingBackoff = DEFAULT_THROTTLING_BACKOFF;
    private Duration maxRetryAfter;
    private HintRule hintRule = HintRule.SPREAD;
    private Duration deadline;
    private List<RetryClassifier> classifiers = new ArrayList<>(Classifiers.defaults());
    private RetryBudget budget;
    private AdaptiveRateLimiter rateLimiter;
    private final List<RetryListener> listeners = new ArrayList<>();
    private Ticker ticker = Ticker.system();
    private Clock wallClock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();
    private Scheduler scheduler = Scheduler.system();
    private RandomSource random = RandomSource.threadLocal();
    private boolean recordMetrics;

    RetryPolicyBuilder() {}

    /**
     * @param name a name for logs and {@code toString}, not blank; default {@code "retry"}
     * @return this builder
     */
    public RetryPolicyBuilder name(String name) {
        if (Checks.notNull(name, "name").isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        this.name = name;
        return this;
    }

    /**
     * @param maxAttempts the most attempts a call makes, first included, {@code >= 1}; 1 disables retries
     * @return this builder
     */
    public RetryPolicyBuilder maxAttempts(int maxAttempts) {
        this.maxAttempts = Checks.atLeast(maxAttempts, 1, "maxAttempts");
        return this;
    }

    /**
     * @param backoff the delays after retryable failures
     * @return this builder
     */
    public RetryPolicyBuilder backoff(Backoff backoff) {
        this.backoff = Checks.notNull(backoff, "backoff");
        return this;
    }

    /**
     * @param throttlingBackoff the delays after {@link Verdict.Kind#THROTTLED} verdicts; usually longer
     * @return this builder
     */
    public RetryPolicyBuilder throttlingBackoff(Backoff throttlingBackoff) {
        this.throttlingBackoff = Checks.notNull(throttlingBackoff, "throttlingBackoff");
        return this;
    }

    /**
     * @param maxRetryAfter the longest server hint the policy will wait for, {@code >= 0}; a longer one ends
     *     the call with {@link EndReason#HINT_TOO_LONG} instead of sleeping; by default the largest of
     *     5 s and the caps of the two backoffs
     * @return this builder
     */
    public RetryPolicyBuilder maxRetryAfter(Duration maxRetryAfter) {
        this.maxRetryAfter = Checks.nonNegative(maxRetryAfter, "maxRetryAfter");
        return this;
    }

    /**
     * How a server's hint and the backoff's delay make the wait: {@link HintRule#SPREAD} (the default) waits
     * the hint and then the backoff's jittered delay, so clients sent the same hint do not come back in the
     * same instant; {@link HintRule#FLOOR} waits the longer of the two. Neither sends before the hint.
     *
     * @param hintRule the rule
     * @return this builder
     * @throws NullPointerException if {@code hintRule} is null
     */
    public RetryPolicyBuilder hintRule(HintRule hintRule) {
        this.hintRule = Checks.notNull(hintRule, "hintRule");
        return this;
    }

    /**
     * @param deadline the time budget of each call from its start, {@code > 0}; a wait that would end
     *     after it is not started and the call ends with {@link EndReason#DEADLINE_EXCEEDED}
     * @return this builder
     */
    public RetryPolicyBuilder deadline(Duration deadline) {
        this.deadline = Checks.positive(deadline, "deadline");
        return this;
    }

    /**
     * Adds a classifier that is asked before the ones already set, so it can override the defaults.
     *
     * @param classifier the classifier
     * @return this builder
     */
    public RetryPolicyBuilder addClassifier(RetryClassifier classifier) {
        classifiers.add(0, Checks.notNull(classifier, "classifier"));
        return this;
    }

    /**
     * Replaces all classifiers, defaults included.
     *
     * @param classifiers asked in order; the first non-abstaining verdict wins
     * @return this builder
     */
    public RetryPolicyBuilder classifiers(List<RetryClassifier> classifiers) {
        List<RetryClassifier> copy = new ArrayList<>(Checks.notNull(classifiers, "classifiers"));
        for (RetryClassifier classifier : copy) {
            Checks.notNull(classifier, "classifiers element");
        }
        this.classifiers = copy;
        return this;
    }

    /**
     * @param budget the retry budget; pass the same instance to every policy of one client, or
     *     {@link RetryBudget#unlimited()} to turn budgeting off
     * @return this builder
     */
    public RetryPolicyBuilder budget(RetryBudget budget) {
        this.budget = Checks.notNull(budget, "budget");
        return this;
    }

    /**
     * Paces the client's attempts once the server throttles: each attempt, the first included, waits for a
     * send slot from the limiter after any backoff. The limiter hears only {@code THROTTLED} verdicts (and
     * successes); against a server that says "overloaded" with another status, add a classifier that reads
     * it as throttling, such as {@link Classifiers#httpThrottling(java.util.Set)}.
     *
     * @param rateLimiter an adaptive rate limiter shared by the client's calls, such as
     *     {@link AdaptiveRateLimiter#cubic()}; off by default
     * @return this builder
     * @throws NullPointerException if {@code rateLimiter} is null
     */
    public RetryPolicyBuilder rateLimiter(AdaptiveRateLimiter rateLimiter) {
        this.rateLimiter = Checks.notNull(rateLimiter, "rateLimiter");
        return this;
    }

    /**
     * @param listener a listener to add
     * @return this builder
     */
    public RetryPolicyBuilder listener(RetryListener listener) {
        listeners.add(Checks.notNull(listener, "listener"));
        return this;
    }

    /**
     * @param ticker the monotonic time source for deadlines, elapsed times and budgets
     * @return this builder
     */
    public RetryPolicyBuilder ticker(Ticker ticker) {
        this.ticker = Checks.notNull(ticker, "ticker");
        return this;
    }

    /**
     * @param wallClock the wall clock, used only to turn an HTTP-date hint into a delay
     * @return this builder
     */
    public RetryPolicyBuilder wallClock(Clock wallClock) {
        this.wallClock = Checks.notNull(wallClock, "wallClock");
        return this;
    }

    /**
     * @param sleeper waits between synchronous attempts
     * @return this builder
     */
    public RetryPolicyBuilder sleeper(Sleeper sleeper) {
        this.sleeper = Checks.notNull(sleeper, "sleeper");
        return this;
    }

    /**
     * @param scheduler schedules asynchronous attempts
     * @return this builder
     */
    public RetryPolicyBuilder scheduler(Scheduler scheduler) {
        this.scheduler = Checks.notNull(scheduler, "scheduler");
        return this;
    }

    /**
     * @param random the random source for jitter
     * @return this builder
     */
    public RetryPolicyBuilder random(RandomSource random) {
        this.random = Checks.notNull(random, "random");
        return this;
    }

    /**
     * Turns the policy's counters on ({@link RetryPolicy#metrics()}). They are off by default, as in
     * Caffeine: counting costs one atomic increment on every call, which is most of what a call that
     * succeeds at once costs (see docs/benchmarks.md). Listeners see every event either way.
     *
     * @return this builder
     */
    public RetryPolicyBuilder recordMetrics() {
        this.recordMetrics = true;
        return this;
    }

    /**
     * Builds an immutable policy from the current settings. The builder may be changed and built again.
     *
     * @return a new policy; it shares the budget, rate limiter, listeners and time sources set here
     * @throws IllegalArgumentException if {@code maxRetryAfter} is set above the deadline
     */
    public RetryPolicy build() {
        Duration hintLimit = maxRetryAfter != null ? maxRetryAfter
                : Durations.longer(Backoff.DEFAULT_CAP, Durations.longer(backoff.maxDelay(), throttlingBackoff.maxDelay()));
        if (deadline != null && maxRetryAfter != null && maxRetryAfter.compareTo(deadline) > 0) {
            throw new IllegalArgumentException(
                    "maxRetryAfter (" + maxRetryAfter + ") must be <= deadline (" + deadline + ")");
        }
        return new DefaultRetryPolicy(new PolicyConfig(name, maxAttempts, backoff, throttlingBackoff, hintLimit,
                maxRetryAfter != null, hintRule, deadline, ClassifierChain.of(classifiers),
                budget != null ? budget : RetryBudget.tokenBucket(), rateLimiter, List.copyOf(listeners), ticker,
                wallClock, sleeper, scheduler, random, recordMetrics));
    }
}
