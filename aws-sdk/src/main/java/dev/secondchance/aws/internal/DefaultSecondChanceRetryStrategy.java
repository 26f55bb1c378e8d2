package dev.secondchance.aws.internal;

import dev.secondchance.aws.AwsClassifiers;
import dev.secondchance.aws.SecondChanceRetryStrategy;
import dev.secondchance.aws.SecondChanceRetryStrategyBuilder;
import dev.secondchance.internal.Checks;
import dev.secondchance.internal.Durations;
import dev.secondchance.retry.CallTracker;
import dev.secondchance.retry.Outcome;
import dev.secondchance.retry.RetriesEnded;
import dev.secondchance.retry.RetryDecision;
import dev.secondchance.retry.RetryMetrics;
import dev.secondchance.retry.RetryPolicy;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.AcquireInitialTokenResponse;
import software.amazon.awssdk.retries.api.RecordSuccessRequest;
import software.amazon.awssdk.retries.api.RecordSuccessResponse;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenResponse;
import software.amazon.awssdk.retries.api.RetryToken;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;

/**
 * The strategy: a thin adapter from the SDK's token protocol to a policy's {@link CallTracker}, one per SDK
 * call, carried in the {@link TrackerToken}. Immutable; all per-call state is in the tokens.
 */
public final class DefaultSecondChanceRetryStrategy implements SecondChanceRetryStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultSecondChanceRetryStrategy.class);

    private final RetryPolicy base;
    private final SdkPredicates predicates;
    private final RetryPolicy policy;

    /**
     * @param base the policy without the SDK builder's predicates; {@link #toBuilder()} starts from it
     * @param predicates the SDK builder's predicates, asked before the policy's classifiers
     */
    DefaultSecondChanceRetryStrategy(RetryPolicy base, SdkPredicates predicates) {
        this.base = base;
        this.predicates = predicates;
        this.policy = predicates.isEmpty() ? base : base.toBuilder().addClassifier(predicates).build();
    }

    /**
     * A strategy decided by {@code policy} itself.
     *
     * @param policy the policy; among its classifiers {@link AwsClassifiers#sdkErrors()}
     * @return the strategy
     * @throws NullPointerException if {@code policy} is null
     * @throws IllegalArgumentException if the policy cannot recognise SDK failures
     */
    public static SecondChanceRetryStrategy of(RetryPolicy policy) {
        Checks.notNull(policy, "policy");
        if (!policy.classifiers().contains(AwsClassifiers.sdkErrors())) {
            throw new IllegalArgumentException("policy " + policy + " has no AwsClassifiers.sdkErrors() among its "
                    + "classifiers, so it would never retry an SDK failure (a throttled or 5xx call would end at once); "
                    + "build it with AwsRetryPolicies.builder(), or add the classifier with "
                    + "addClassifier(AwsClassifiers.sdkErrors())");
        }
        return new DefaultSecondChanceRetryStrategy(policy, SdkPredicates.NONE);
    }

    @Override
    public AcquireInitialTokenResponse acquireInitialToken(AcquireInitialTokenRequest request) {
        Checks.notNull(request, "request");
        CallTracker<Object> tracker = policy.track();
        Duration delay = Durations.roundUpToMillis(tracker.firstAttemptDelay());
        return AcquireInitialTokenResponse.create(new TrackerToken(request.scope(), this, tracker), delay);
    }

    @Override
    public RefreshRetryTokenResponse refreshRetryToken(RefreshRetryTokenRequest request) {
        Checks.notNull(request, "request");
        TrackerToken token = own(request.token());
        Throwable failure = Checks.notNull(request.failure(), "request.failure()");
        RetryDecision<Object> decision = token.tracker().onFailure(failure, request.suggestedDelay().orElse(null));
        if (!decision.isRetry()) {
            throw ended(token, failure, decision.outcome());
        }
        return RefreshRetryTokenResponse.create(token, Durations.roundUpToMillis(decision.delay()));
    }

    @Override
    public RecordSuccessResponse recordSuccess(RecordSuccessRequest request) {
        Checks.notNull(request, "request");
        TrackerToken token = own(request.token());
        if (token.tracker().onResult(null).isRetry()) {
            LOG.warn("{}: a classifier retries a null result; the SDK's call succeeded and is not retried, but the "
                    + "policy counts it as not ended. Make result classifiers treat null as a success.", policy);
        }
        return RecordSuccessResponse.create(token);
    }

    @Override
    public int maxAttempts() {
        return policy.maxAttempts();
    }

    @Override
    public boolean useClientDefaults() {
        return false;
    }

    @Override
    public RetryPolicy policy() {
        return policy;
    }

    @Override
    public RetryMetrics metrics() {
        return policy.metrics();
    }

    @Override
    public SecondChanceRetryStrategyBuilder toBuilder() {
        return new StrategyBuilder(base.toBuilder(), predicates);
    }

    /** The SDK then rethrows {@code failure}, which carries a {@link RetriesEnded} record. */
    private static TokenAcquisitionFailedException ended(TrackerToken token, Throwable failure, Outcome<?> outcome) {
        if (RetriesEnded.of(failure).isEmpty()) {
            failure.addSuppressed(new RetriesEnded(outcome.attempts(), outcome.endReason()));
        }
        return new TokenAcquisitionFailedException("retries ended: " + outcome.endReason() + " after "
                + outcome.attempts() + " attempt(s)", token, failure);
    }

    private TrackerToken own(RetryToken token) {
        if (token instanceof TrackerToken ours && ours.issuer() == this) {
            return ours;
        }
        throw new IllegalArgumentException("token was not issued by this strategy: " + token);
    }

    @Override
    public String toString() {
        return "SecondChanceRetryStrategy[" + policy + "]";
    }
}
