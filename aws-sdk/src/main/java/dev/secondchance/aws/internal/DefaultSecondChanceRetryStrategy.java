package dev.secondchance.aws.internal;

import dev.secondchance.aws.SecondChanceRetryStrategy;
import dev.secondchance.aws.SecondChanceRetryStrategyBuilder;
import dev.secondchance.retry.EndReason;
import dev.secondchance.retry.Outcome;
import dev.secondchance.retry.RetriesEnded;
import dev.secondchance.retry.RetryClassifier;
import dev.secondchance.retry.RetryMetrics;
import dev.secondchance.retry.Verdict;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.AcquireInitialTokenResponse;
import software.amazon.awssdk.retries.api.RecordSuccessRequest;
import software.amazon.awssdk.retries.api.RecordSuccessResponse;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenResponse;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;

/**
 * The strategy: immutable settings plus thread-safe counters. All per-call state travels in the immutable
 * {@link StrategyToken}, so one instance serves every concurrent call of a client.
 */
public final class DefaultSecondChanceRetryStrategy implements SecondChanceRetryStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultSecondChanceRetryStrategy.class);

    private static final RetryMetrics NOT_RECORDING = new RetryMetrics(0, 0, 0, Map.of());

    private final StrategyConfig config;
    private final StrategyMetrics metrics;

    /**
     * @param config the validated settings
     */
    public DefaultSecondChanceRetryStrategy(StrategyConfig config) {
        this.config = config;
        this.metrics = config.recordMetrics() ? new StrategyMetrics() : null;
    }

    @Override
    public AcquireInitialTokenResponse acquireInitialToken(AcquireInitialTokenRequest request) {
        Args.notNull(request, "request");
        config.budget().onCall();
        if (metrics != null) {
            metrics.callStarted();
        }
        Duration delay = config.rateLimiter() == null
                ? Duration.ZERO
                : RetryPlanner.roundUpToMillis(config.rateLimiter().acquire());
        StrategyToken token = new StrategyToken(request.scope(), config.ticker().nanoTime(), 1, Duration.ZERO);
        return AcquireInitialTokenResponse.create(token, delay);
    }

    @Override
    public RefreshRetryTokenResponse refreshRetryToken(RefreshRetryTokenRequest request) {
        Args.notNull(request, "request");
        StrategyToken token = StrategyToken.of(request.token());
        Throwable failure = Args.notNull(request.failure(), "request.failure()");
        int attempt = token.attempt();
        if (Causes.isInterruption(failure)) {
            throw stop(token, failure, EndReason.INTERRUPTED);
        }
        Verdict verdict = classify(failure);
        if (verdict.kind() == Verdict.Kind.THROTTLED && config.rateLimiter() != null) {
            config.rateLimiter().onThrottled();
        }
        Listeners.notify(config.name(), config.listeners(),
                listener -> listener.onAttemptFailed(attempt, null, failure, verdict));
        RetryDecision decision = RetryPlanner.plan(config, verdict, attempt, token.previousDelay(),
                elapsedNanos(token), request.suggestedDelay().orElse(Duration.ZERO));
        if (decision.isStop()) {
            throw stop(token, failure, decision.endReason());
        }
        Duration delay = decision.delay();
        if (metrics != null) {
            metrics.retryStarted();
        }
        Listeners.notify(config.name(), config.listeners(),
                listener -> listener.onRetryScheduled(attempt + 1, delay, verdict.reason()));
        LOG.atDebug().setMessage("{}: attempt {} failed ({}), retrying in {} ms")
                .addArgument(config::name).addArgument(attempt).addArgument(verdict::reason)
                .addArgument(delay::toMillis).log();
        return RefreshRetryTokenResponse.create(token.next(delay), delay);
    }

    @Override
    public RecordSuccessResponse recordSuccess(RecordSuccessRequest request) {
        Args.notNull(request, "request");
        StrategyToken token = StrategyToken.of(request.token());
        config.budget().onSuccess();
        if (config.rateLimiter() != null) {
            config.rateLimiter().onSuccess();
        }
        end(Outcome.ofResult(null, token.attempt(), EndReason.SUCCESS, Duration.ofNanos(elapsedNanos(token))));
        return RecordSuccessResponse.create(token);
    }

    @Override
    public int maxAttempts() {
        return config.maxAttempts();
    }

    @Override
    public boolean useClientDefaults() {
        return false;
    }

    @Override
    public RetryMetrics metrics() {
        return metrics == null ? NOT_RECORDING : metrics.snapshot();
    }

    @Override
    public SecondChanceRetryStrategyBuilder toBuilder() {
        return config.toBuilder();
    }

    /** Ends the call; the SDK then rethrows {@code failure}, which carries a {@link RetriesEnded}. */
    private TokenAcquisitionFailedException stop(StrategyToken token, Throwable failure, EndReason reason) {
        int attempts = token.attempt();
        if (RetriesEnded.of(failure).isEmpty()) {
            failure.addSuppressed(new RetriesEnded(attempts, reason));
        }
        end(Outcome.ofFailure(failure, attempts, reason, Duration.ofNanos(elapsedNanos(token))));
        return new TokenAcquisitionFailedException(
                "retries ended: " + reason + " after " + attempts + " attempt(s)", token, failure);
    }

    private void end(Outcome<?> outcome) {
        if (metrics != null) {
            metrics.callEnded(outcome.endReason());
        }
        Listeners.notify(config.name(), config.listeners(), listener -> listener.onEnd(outcome));
        LOG.atDebug().setMessage("{}: {}").addArgument(config::name).addArgument(outcome).log();
    }

    private Verdict classify(Throwable failure) {
        Verdict verdict = null;
        for (RetryClassifier classifier : config.classifiers()) {
            Verdict candidate = classifier.classifyFailure(failure);
            if (candidate != null && candidate.kind() != Verdict.Kind.ABSTAIN) {
                verdict = candidate;
                break;
            }
        }
        if (verdict == null) {
            return Verdict.fail(failure.getClass().getName());
        }
        if (verdict.kind() == Verdict.Kind.RETRY && config.treatAsThrottling() != null
                && testQuietly(failure)) {
            Verdict throttled = Verdict.throttled(verdict.reason());
            Duration hint = verdict.serverDelay(config.wallClock().instant());
            return hint == null ? throttled : throttled.withRetryAfter(hint);
        }
        return verdict;
    }

    private boolean testQuietly(Throwable failure) {
        try {
            return config.treatAsThrottling().test(failure);
        } catch (RuntimeException broken) {
            return false;
        }
    }

    private long elapsedNanos(StrategyToken token) {
        return config.ticker().nanoTime() - token.startNanos();
    }

    @Override
    public String toString() {
        return "SecondChanceRetryStrategy[" + config.name() + ", maxAttempts=" + config.maxAttempts() + ", backoff="
                + config.backoff() + ", throttlingBackoff=" + config.throttlingBackoff() + "]";
    }
}
