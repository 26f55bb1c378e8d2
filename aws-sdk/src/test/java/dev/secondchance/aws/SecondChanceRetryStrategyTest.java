package dev.secondchance.aws;

import static dev.secondchance.aws.testing.AwsErrors.service;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondchance.retry.AdaptiveRateLimiter;
import dev.secondchance.retry.Backoff;
import dev.secondchance.retry.EndReason;
import dev.secondchance.retry.HintRule;
import dev.secondchance.retry.RandomSource;
import dev.secondchance.retry.RetriesEnded;
import dev.secondchance.retry.RetryBudget;
import dev.secondchance.retry.RetryClassifier;
import dev.secondchance.retry.RetryMetrics;
import dev.secondchance.retry.RetryPolicy;
import dev.secondchance.retry.RetryPolicyBuilder;
import dev.secondchance.retry.SendSlot;
import dev.secondchance.retry.Verdict;
import dev.secondchance.retry.testing.RecordingListener;
import dev.secondchance.retry.testing.VirtualTime;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RecordSuccessRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.RetryToken;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;

/** Drives the strategy through the SDK's interface, as the SDK's retry stage does, on a virtual clock. */
class SecondChanceRetryStrategyTest {

    private static final Duration BACKOFF = Duration.ofMillis(40);
    private static final Duration THROTTLING_BACKOFF = Duration.ofMillis(700);
    /** What {@code HintRule.SPREAD} adds after a hint under {@link #fixed()}: half the throttling backoff's 700 ms. */
    private static final Duration SPREAD = Duration.ofMillis(350);

    private final VirtualTime time = new VirtualTime();

    /** A policy with fixed backoffs on the virtual clock. */
    private RetryPolicyBuilder fixed() {
        return time.install(AwsRetryPolicies.builder())
                .backoff(Backoff.fixed(BACKOFF))
                .throttlingBackoff(Backoff.fixed(THROTTLING_BACKOFF))
                .random(() -> 0.5);
    }

    private static SecondChanceRetryStrategy strategy(RetryPolicyBuilder policy) {
        return SecondChanceRetryStrategy.from(policy.build());
    }

    /** The SDK's builder of a strategy over {@link #fixed()}. */
    private SecondChanceRetryStrategyBuilder sdkBuilder() {
        return strategy(fixed()).toBuilder();
    }

    private static RetryToken acquire(RetryStrategy strategy) {
        return strategy.acquireInitialToken(AcquireInitialTokenRequest.create("GLOBAL")).token();
    }

    private static RefreshOutcome refresh(RetryStrategy strategy, RetryToken token, SdkException failure) {
        return refresh(strategy, token, failure, Duration.ZERO);
    }

    private static RefreshOutcome refresh(RetryStrategy strategy, RetryToken token, SdkException failure, Duration suggested) {
        var response = strategy.refreshRetryToken(RefreshRetryTokenRequest.builder()
                .token(token).failure(failure).suggestedDelay(suggested).build());
        return new RefreshOutcome(response.token(), response.delay());
    }

    private record RefreshOutcome(RetryToken token, Duration delay) {}

    private static EndReason stopReason(RetryStrategy strategy, RetryToken token, SdkException failure) {
        return stopReason(strategy, token, failure, Duration.ZERO);
    }

    private static EndReason stopReason(RetryStrategy strategy, RetryToken token, SdkException failure, Duration suggested) {
        TokenAcquisitionFailedException stop = assertThrows(TokenAcquisitionFailedException.class,
                () -> refresh(strategy, token, failure, suggested));
        assertSame(failure, stop.getCause());
        return RetriesEnded.of(failure).orElseThrow().endReason();
    }

    @Test
    void acquireInitialToken_withoutRateLimiter_hasNoDelay() {
        assertEquals(Duration.ZERO, strategy(fixed())
                .acquireInitialToken(AcquireInitialTokenRequest.create("GLOBAL")).delay());
    }

    @Test
    void refreshRetryToken_when503_waitsTheBackoff() {
        SecondChanceRetryStrategy strategy = strategy(fixed());

        assertEquals(BACKOFF, refresh(strategy, acquire(strategy), service(503, "ServiceUnavailable")).delay());
    }

    @Test
    void refreshRetryToken_whenThrottled_waitsTheThrottlingBackoff() {
        SecondChanceRetryStrategy strategy = strategy(fixed());

        assertEquals(THROTTLING_BACKOFF,
                refresh(strategy, acquire(strategy), service(400, "ProvisionedThroughputExceededException")).delay());
    }

    @Test
    void refreshRetryToken_withClassicBackoff_drawsFromFullJitterRange() {
        SecondChanceRetryStrategy strategy = strategy(AwsRetryPolicies.builder().random(RandomSource.seeded(1)));
        for (int call = 0; call < 50; call++) {
            Duration delay = refresh(strategy, acquire(strategy), service(500, "InternalServerError")).delay();
            assertTrue(delay.compareTo(Duration.ofMillis(400)) <= 0, "first retry waits at most 400 ms: " + delay);
        }
    }

    @Test
    void refreshRetryToken_whenNonRetryable_stopsAtOnceAndSpendsNoBudget() {
        SecondChanceRetryStrategy strategy = strategy(fixed().budget(RetryBudget.tokenBucket(5, 5, 0)));

        assertEquals(EndReason.NON_RETRYABLE, stopReason(strategy, acquire(strategy), service(400, "ValidationException")));
        assertEquals(BACKOFF, refresh(strategy, acquire(strategy), service(503, "ServiceUnavailable")).delay(),
                "the only retry the budget holds is still there");
    }

    @Test
    void refreshRetryToken_afterMaxAttempts_stopsWithAttemptsExhausted() {
        SecondChanceRetryStrategy strategy = strategy(fixed().maxAttempts(3));
        RetryToken token = acquire(strategy);
        token = refresh(strategy, token, service(503, "ServiceUnavailable")).token();
        token = refresh(strategy, token, service(503, "ServiceUnavailable")).token();
        SdkException third = service(503, "ServiceUnavailable");

        assertEquals(EndReason.ATTEMPTS_EXHAUSTED, stopReason(strategy, token, third));
        assertEquals(3, RetriesEnded.of(third).orElseThrow().attempts());
    }

    @Test
    void refreshRetryToken_whenSharedBudgetEmpty_stopsWithBudgetExhausted() {
        SecondChanceRetryStrategy strategy = strategy(fixed().maxAttempts(10).budget(RetryBudget.tokenBucket(10, 5, 0)));
        RetryToken token = acquire(strategy);
        token = refresh(strategy, token, service(503, "ServiceUnavailable")).token();
        RetryToken other = acquire(strategy);
        refresh(strategy, other, service(503, "ServiceUnavailable"));

        assertEquals(EndReason.BUDGET_EXHAUSTED, stopReason(strategy, token, service(503, "ServiceUnavailable")));
    }

    @Test
    void recordSuccess_refundsTheBudget() {
        SecondChanceRetryStrategy strategy = strategy(fixed().budget(RetryBudget.tokenBucket(5, 5, 5)));
        RetryToken first = refresh(strategy, acquire(strategy), service(503, "ServiceUnavailable")).token();
        strategy.recordSuccess(RecordSuccessRequest.create(first));

        assertEquals(BACKOFF, refresh(strategy, acquire(strategy), service(503, "ServiceUnavailable")).delay());
    }

    @Test
    void refreshRetryToken_whenAmzRetryAfterLonger_waitsTheHintThenASpread() {
        SecondChanceRetryStrategy strategy = strategy(fixed());

        assertEquals(Duration.ofMillis(250).plus(SPREAD), refresh(strategy, acquire(strategy),
                service(503, "ServiceUnavailable", "x-amz-retry-after", "250")).delay());
    }

    @Test
    void refreshRetryToken_whenSdkSuggestsLongerDelay_waitsForItThenSpreads() {
        SecondChanceRetryStrategy strategy = strategy(fixed().maxRetryAfter(Duration.ofSeconds(5)));

        assertEquals(Duration.ofSeconds(2).plus(SPREAD), refresh(strategy, acquire(strategy),
                service(503, "ServiceUnavailable"), Duration.ofSeconds(2)).delay());
    }

    @Test
    void refreshRetryToken_whenTheRuleIsFloorAndTheHintIsLonger_waitsExactlyTheHint() {
        SecondChanceRetryStrategy strategy = strategy(fixed().hintRule(HintRule.FLOOR));

        assertEquals(Duration.ofMillis(250), refresh(strategy, acquire(strategy),
                service(503, "ServiceUnavailable", "x-amz-retry-after", "250")).delay());
    }

    @Test
    void refreshRetryToken_whenSdkSuggestionAboveDefaultLimit_stopsWithHintTooLong() {
        SecondChanceRetryStrategy strategy = strategy(fixed());

        assertEquals(Duration.ofSeconds(5).plus(SPREAD), refresh(strategy, acquire(strategy),
                service(503, "ServiceUnavailable"), Duration.ofSeconds(5)).delay(),
                "the default limit is core's: at least 5 s, whatever the backoff caps");
        assertEquals(EndReason.HINT_TOO_LONG, stopReason(strategy, acquire(strategy), service(503, "ServiceUnavailable"),
                Duration.ofMillis(5_001)));
    }

    @Test
    void refreshRetryToken_whenHintAboveMaxRetryAfter_stopsWithHintTooLong() {
        SecondChanceRetryStrategy strategy = strategy(fixed().maxRetryAfter(Duration.ofSeconds(1)));

        assertEquals(EndReason.HINT_TOO_LONG, stopReason(strategy, acquire(strategy),
                service(503, "ServiceUnavailable", "x-amz-retry-after", "5000")));
    }

    @Test
    void refreshRetryToken_whenWaitWouldEndAfterDeadline_stopsWithDeadlineExceeded() throws InterruptedException {
        SecondChanceRetryStrategy strategy = strategy(fixed().deadline(Duration.ofSeconds(1)));
        RetryToken early = acquire(strategy);
        assertEquals(BACKOFF, refresh(strategy, early, service(503, "ServiceUnavailable")).delay());

        RetryToken late = acquire(strategy);
        time.sleep(Duration.ofMillis(980));

        assertEquals(EndReason.DEADLINE_EXCEEDED, stopReason(strategy, late, service(503, "ServiceUnavailable")));
    }

    @Test
    void refreshRetryToken_whenDelayHasMicroseconds_roundsUpToWholeMilliseconds() {
        SecondChanceRetryStrategy strategy = strategy(fixed().backoff(Backoff.fixed(Duration.ofNanos(1_200_000))));

        assertEquals(Duration.ofMillis(2), refresh(strategy, acquire(strategy), service(503, "ServiceUnavailable")).delay());
    }

    @Test
    void refreshRetryToken_whenCallAborted_stopsWithInterrupted() {
        SecondChanceRetryStrategy strategy = strategy(fixed());

        assertEquals(EndReason.INTERRUPTED, stopReason(strategy, acquire(strategy),
                AbortedException.create("Thread was interrupted", new InterruptedException())));
    }

    @Test
    void refreshRetryToken_whenAbortedWithoutCause_stopsAsNonRetryable() {
        SecondChanceRetryStrategy strategy = strategy(fixed());

        assertEquals(EndReason.NON_RETRYABLE, stopReason(strategy, acquire(strategy), AbortedException.create("aborted")),
                "an aborted stream read has no InterruptedException to recognise; it is final all the same");
    }

    @Test
    void refreshRetryToken_whenTokenFromAnotherStrategy_throwsIllegalArgument() {
        SecondChanceRetryStrategy strategy = strategy(fixed());
        RetryToken others = acquire(strategy(fixed()));

        assertThrows(IllegalArgumentException.class, () -> refresh(strategy, others, service(503, "ServiceUnavailable")));
    }

    @Test
    void refreshRetryToken_whenTokenFromElsewhere_throwsIllegalArgument() {
        SecondChanceRetryStrategy strategy = strategy(fixed());
        RetryToken foreign = new RetryToken() {};

        assertThrows(IllegalArgumentException.class, () -> refresh(strategy, foreign, service(503, "ServiceUnavailable")));
    }

    @Test
    void rateLimiter_isAskedBeforeTheFirstAttemptAndToldOfThrottlingAndSuccess() {
        CountingLimiter limiter = new CountingLimiter(Duration.ofMillis(30));
        SecondChanceRetryStrategy strategy = strategy(fixed().rateLimiter(limiter));

        var initial = strategy.acquireInitialToken(AcquireInitialTokenRequest.create("GLOBAL"));
        RetryToken token = refresh(strategy, initial.token(), service(400, "ThrottlingException")).token();
        strategy.recordSuccess(RecordSuccessRequest.create(token));

        assertEquals(Duration.ofMillis(30), initial.delay());
        assertEquals(1, limiter.throttled.get());
        assertEquals(1, limiter.succeeded.get());
    }

    @Test
    void rateLimiter_whenBudgetRefusesTheRetry_reservesNoSendSlot() {
        CountingLimiter limiter = new CountingLimiter(Duration.ofMillis(30));
        SecondChanceRetryStrategy strategy = strategy(fixed().rateLimiter(limiter).budget(RetryBudget.tokenBucket(1, 5, 0)));

        assertEquals(EndReason.BUDGET_EXHAUSTED, stopReason(strategy, acquire(strategy), service(503, "ServiceUnavailable")));
        assertEquals(1, limiter.acquired.get(), "only the first attempt took a slot");
    }

    @Test
    void listeners_seeEveryFailureRetryAndTheEnd() {
        RecordingListener listener = new RecordingListener();
        SecondChanceRetryStrategy strategy = strategy(fixed().listener(listener));
        RetryToken token = acquire(strategy);
        token = refresh(strategy, token, service(503, "ServiceUnavailable")).token();
        token = refresh(strategy, token, service(400, "ThrottlingException")).token();
        strategy.recordSuccess(RecordSuccessRequest.create(token));

        assertEquals(List.of("failed 1 RETRY", "retry 2 after 40 ms", "failed 2 THROTTLED", "retry 3 after 700 ms",
                "end SUCCESS after 3"), listener.events());
    }

    @Test
    void metrics_whenRecording_countCallsAttemptsRetriesAndEndings() {
        SecondChanceRetryStrategy strategy = strategy(fixed().recordMetrics());
        RetryToken token = refresh(strategy, acquire(strategy), service(503, "ServiceUnavailable")).token();
        strategy.recordSuccess(RecordSuccessRequest.create(token));
        stopReason(strategy, acquire(strategy), service(400, "ValidationException"));

        RetryMetrics metrics = strategy.metrics();

        assertEquals(2, metrics.calls());
        assertEquals(3, metrics.attempts());
        assertEquals(1, metrics.retries());
        assertEquals(1, metrics.ended(EndReason.SUCCESS));
        assertEquals(1, metrics.ended(EndReason.NON_RETRYABLE));
    }

    @Test
    void metrics_byDefault_areNotRecorded() {
        SecondChanceRetryStrategy strategy = strategy(fixed());
        refresh(strategy, acquire(strategy), service(503, "ServiceUnavailable"));

        assertEquals(0, strategy.metrics().calls());
        assertEquals(0, strategy.metrics().ended(EndReason.SUCCESS));
    }

    @Test
    void toBuilder_keepsRecordingMetrics() {
        SecondChanceRetryStrategy derived = strategy(fixed().recordMetrics()).toBuilder().build();
        acquire(derived);

        assertEquals(1, derived.metrics().calls());
    }

    @Test
    void toBuilder_keepsSettingsAndSharesTheBudget() {
        SecondChanceRetryStrategy original = strategy(fixed().budget(RetryBudget.tokenBucket(5, 5, 0)));
        SecondChanceRetryStrategy derived = original.toBuilder().maxAttempts(7).build();

        assertEquals(7, derived.maxAttempts());
        assertEquals(RetryPolicyBuilder.DEFAULT_MAX_ATTEMPTS, original.maxAttempts());
        assertEquals(BACKOFF, refresh(original, acquire(original), service(503, "ServiceUnavailable")).delay());
        assertEquals(EndReason.BUDGET_EXHAUSTED, stopReason(derived, acquire(derived), service(503, "ServiceUnavailable")));
    }

    @Test
    void toBuilder_asSdkBuilder_acceptsTheSdksSettings() {
        RetryStrategy.Builder<?, ?> sdkView = strategy(fixed()).toBuilder();
        RetryStrategy changed = sdkView.maxAttempts(2).backoffStrategy(BackoffStrategy.fixedDelayWithoutJitter(Duration.ofMillis(15)))
                .build();

        assertEquals(2, changed.maxAttempts());
        assertEquals(Duration.ofMillis(15), refresh(changed, acquire(changed), service(503, "ServiceUnavailable")).delay());
    }

    @Test
    void backoffStrategy_fromSdk_keepsTheSdksAttemptNumbering() {
        SecondChanceRetryStrategy strategy = sdkBuilder().maxAttempts(3)
                .backoffStrategy(attempt -> Duration.ofMillis(attempt * 10L)).build();
        RetryToken token = acquire(strategy);
        RefreshOutcome first = refresh(strategy, token, service(503, "ServiceUnavailable"));
        RefreshOutcome second = refresh(strategy, first.token(), service(503, "ServiceUnavailable"));

        assertEquals(Duration.ofMillis(20), first.delay(), "the SDK numbers the first retry attempt 2");
        assertEquals(Duration.ofMillis(30), second.delay());
    }

    @Test
    void retryOnException_whenPredicateMatches_retriesAnOtherwiseFinalFailure() {
        SecondChanceRetryStrategy strategy = sdkBuilder()
                .retryOnException(e -> e.getMessage() != null && e.getMessage().contains("TransactionConflict")).build();

        assertEquals(BACKOFF, refresh(strategy, acquire(strategy), service(400, "TransactionConflict")).delay());
        assertEquals(EndReason.NON_RETRYABLE, stopReason(strategy, acquire(strategy), service(400, "ValidationException")));
    }

    @Test
    void treatAsThrottling_whenRetryable_usesThrottlingBackoffButNeverMakesFinalRetryable() {
        SecondChanceRetryStrategy strategy = sdkBuilder().treatAsThrottling(e -> true).build();

        assertEquals(THROTTLING_BACKOFF, refresh(strategy, acquire(strategy), service(503, "ServiceUnavailable")).delay());
        assertEquals(EndReason.NON_RETRYABLE, stopReason(strategy, acquire(strategy), service(400, "ValidationException")));
    }

    @Test
    void treatAsThrottling_whenServerHints_keepsTheHint() {
        SecondChanceRetryStrategy strategy = sdkBuilder().treatAsThrottling(e -> true).build();

        assertEquals(Duration.ofMillis(900).plus(SPREAD), refresh(strategy, acquire(strategy),
                service(503, "ServiceUnavailable", "x-amz-retry-after", "900")).delay());
    }

    @Test
    void treatAsThrottling_withRetryOnException_throttlesWhatThePredicateRetries() {
        SecondChanceRetryStrategy strategy = sdkBuilder()
                .retryOnException(e -> e.getMessage().contains("TransactionConflict"))
                .treatAsThrottling(e -> e.getMessage().contains("TransactionConflict")).build();

        assertEquals(THROTTLING_BACKOFF, refresh(strategy, acquire(strategy), service(400, "TransactionConflict")).delay());
        assertEquals(BACKOFF, refresh(strategy, acquire(strategy), service(503, "ServiceUnavailable")).delay());
    }

    @Test
    void treatAsThrottling_throughToBuilder_replacesTheEarlierPredicate() {
        SecondChanceRetryStrategy everything = sdkBuilder().treatAsThrottling(e -> true).build();
        SecondChanceRetryStrategy nothing = everything.toBuilder().treatAsThrottling(e -> false).build();

        assertEquals(BACKOFF, refresh(nothing, acquire(nothing), service(503, "ServiceUnavailable")).delay());
        assertEquals(THROTTLING_BACKOFF, refresh(everything, acquire(everything), service(503, "ServiceUnavailable")).delay());
    }

    @Test
    void retryOnException_whenPredicateThrows_isIgnored() {
        SecondChanceRetryStrategy strategy = sdkBuilder().retryOnException(e -> {
            throw new IllegalStateException("broken predicate");
        }).build();

        assertEquals(EndReason.NON_RETRYABLE, stopReason(strategy, acquire(strategy), service(400, "ValidationException")));
    }

    @Test
    void useClientDefaults_isFalseSoTheSdkAddsNoPredicates() {
        assertFalse(SecondChanceRetryStrategy.create().useClientDefaults());
        assertFalse(sdkBuilder().useClientDefaults(true).build().useClientDefaults());
    }

    @Test
    void create_hasCoreDefaults() {
        assertEquals(RetryPolicyBuilder.DEFAULT_MAX_ATTEMPTS, SecondChanceRetryStrategy.create().maxAttempts());
    }

    @Test
    void from_whenPolicyNull_throws() {
        assertThrows(NullPointerException.class, () -> SecondChanceRetryStrategy.from(null));
    }

    @Test
    void maxAttempts_whenBelowOne_throws() {
        assertThrows(IllegalArgumentException.class, () -> sdkBuilder().maxAttempts(0));
    }

    @Test
    void sdkBuilder_whenArgumentNull_throws() {
        SecondChanceRetryStrategyBuilder builder = sdkBuilder();

        assertThrows(NullPointerException.class, () -> builder.backoffStrategy(null));
        assertThrows(NullPointerException.class, () -> builder.throttlingBackoffStrategy(null));
        assertThrows(NullPointerException.class, () -> builder.retryOnException((java.util.function.Predicate<Throwable>) null));
        assertThrows(NullPointerException.class, () -> builder.treatAsThrottling(null));
    }

    @Test
    void from_whenPolicyCannotRecogniseSdkFailures_refusesItSayingWhatToDo() {
        RetryPolicy plain = RetryPolicy.builder().build();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SecondChanceRetryStrategy.from(plain));

        assertTrue(e.getMessage().contains("AwsRetryPolicies.builder()"), e.getMessage());
        RetryPolicy fixed = plain.toBuilder().addClassifier(AwsClassifiers.sdkErrors()).build();
        assertSame(fixed, SecondChanceRetryStrategy.from(fixed).policy());
    }

    @Test
    void from_decidesWithThePolicyItself() {
        RetryPolicy policy = fixed().maxAttempts(5).recordMetrics().build();
        SecondChanceRetryStrategy strategy = SecondChanceRetryStrategy.from(policy);

        assertSame(policy, strategy.policy());
        assertEquals(5, strategy.maxAttempts());
    }

    @Test
    void from_whenPolicyAlsoWrapsCalls_sharesBudgetListenersAndMetrics() {
        RecordingListener listener = new RecordingListener();
        RetryPolicy policy = fixed().budget(RetryBudget.tokenBucket(10, 5, 0)).listener(listener).recordMetrics().build();
        SecondChanceRetryStrategy strategy = SecondChanceRetryStrategy.from(policy);
        SdkException unavailable = service(503, "ServiceUnavailable");

        assertThrows(SdkException.class, () -> policy.call(() -> {
            throw unavailable;
        }));

        assertEquals(EndReason.BUDGET_EXHAUSTED, stopReason(strategy, acquire(strategy), service(503, "ServiceUnavailable")));
        assertEquals(2, strategy.metrics().calls());
        assertEquals(2, strategy.metrics().retries());
        assertEquals(List.of("end ATTEMPTS_EXHAUSTED after 3", "end BUDGET_EXHAUSTED after 1"),
                listener.events().stream().filter(event -> event.startsWith("end")).toList());
    }

    @Test
    void recordSuccess_reportsANullResultAsSuccess() {
        RecordingListener listener = new RecordingListener();
        SecondChanceRetryStrategy strategy = strategy(fixed().listener(listener));
        strategy.recordSuccess(RecordSuccessRequest.create(acquire(strategy)));

        assertEquals(EndReason.SUCCESS, listener.outcomes().get(0).endReason());
        assertNull(listener.outcomes().get(0).result());
    }

    @Test
    void recordSuccess_whenAClassifierRetriesNull_stillCompletesTheSdkCall() {
        SecondChanceRetryStrategy strategy = strategy(fixed().recordMetrics()
                .addClassifier(RetryClassifier.ofResults(result -> result == null ? Verdict.retry("null") : Verdict.abstain())));

        assertNotNull(strategy.recordSuccess(RecordSuccessRequest.create(acquire(strategy))));
        assertEquals(0, strategy.metrics().ended(EndReason.SUCCESS), "the policy was told of a retryable result");
    }

    /** A limiter that reserves a fixed wait and counts what it is told; trackers only reserve. */
    private static final class CountingLimiter implements AdaptiveRateLimiter {
        private final Duration delay;
        final AtomicInteger acquired = new AtomicInteger();
        final AtomicInteger throttled = new AtomicInteger();
        final AtomicInteger succeeded = new AtomicInteger();

        CountingLimiter(Duration delay) {
            this.delay = delay;
        }

        @Override
        public SendSlot acquire() {
            throw new AssertionError("a tracker's pipeline waits once per attempt, so it reserves");
        }

        @Override
        public Duration reserve() {
            acquired.incrementAndGet();
            return delay;
        }

        @Override
        public void onThrottled() {
            throttled.incrementAndGet();
        }

        @Override
        public void onSuccess() {
            succeeded.incrementAndGet();
        }
    }
}
