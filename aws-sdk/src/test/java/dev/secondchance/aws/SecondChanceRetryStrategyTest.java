package dev.secondchance.aws;

import static dev.secondchance.aws.testing.AwsErrors.service;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondchance.aws.testing.RecordingListener;
import dev.secondchance.retry.AdaptiveRateLimiter;
import dev.secondchance.retry.Backoff;
import dev.secondchance.retry.EndReason;
import dev.secondchance.retry.RandomSource;
import dev.secondchance.retry.RetriesEnded;
import dev.secondchance.retry.RetryBudget;
import dev.secondchance.retry.RetryMetrics;
import dev.secondchance.retry.RetryPolicyBuilder;
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

    private final VirtualTime time = new VirtualTime();

    private SecondChanceRetryStrategyBuilder fixed() {
        return SecondChanceRetryStrategy.builder()
                .backoff(Backoff.fixed(BACKOFF))
                .throttlingBackoff(Backoff.fixed(THROTTLING_BACKOFF))
                .ticker(time).wallClock(time.wallClock()).random(RandomSource.seeded(7));
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
        assertEquals(Duration.ZERO, fixed().build()
                .acquireInitialToken(AcquireInitialTokenRequest.create("GLOBAL")).delay());
    }

    @Test
    void refreshRetryToken_when503_waitsTheBackoff() {
        SecondChanceRetryStrategy strategy = fixed().build();

        assertEquals(BACKOFF, refresh(strategy, acquire(strategy), service(503, "ServiceUnavailable")).delay());
    }

    @Test
    void refreshRetryToken_whenThrottled_waitsTheThrottlingBackoff() {
        SecondChanceRetryStrategy strategy = fixed().build();

        assertEquals(THROTTLING_BACKOFF,
                refresh(strategy, acquire(strategy), service(400, "ProvisionedThroughputExceededException")).delay());
    }

    @Test
    void refreshRetryToken_withClassicBackoff_drawsFromFullJitterRange() {
        SecondChanceRetryStrategy strategy = SecondChanceRetryStrategy.builder().random(RandomSource.seeded(1)).build();
        for (int call = 0; call < 50; call++) {
            Duration delay = refresh(strategy, acquire(strategy), service(500, "InternalServerError")).delay();
            assertTrue(delay.compareTo(Duration.ofMillis(400)) <= 0, "first retry waits at most 400 ms: " + delay);
        }
    }

    @Test
    void refreshRetryToken_whenNonRetryable_stopsAtOnceAndSpendsNoBudget() {
        SecondChanceRetryStrategy strategy = fixed().budget(RetryBudget.tokenBucket(5, 5, 0)).build();

        assertEquals(EndReason.NON_RETRYABLE, stopReason(strategy, acquire(strategy), service(400, "ValidationException")));
        assertEquals(BACKOFF, refresh(strategy, acquire(strategy), service(503, "ServiceUnavailable")).delay(),
                "the only retry the budget holds is still there");
    }

    @Test
    void refreshRetryToken_afterMaxAttempts_stopsWithAttemptsExhausted() {
        SecondChanceRetryStrategy strategy = fixed().maxAttempts(3).build();
        RetryToken token = acquire(strategy);
        token = refresh(strategy, token, service(503, "ServiceUnavailable")).token();
        token = refresh(strategy, token, service(503, "ServiceUnavailable")).token();
        SdkException third = service(503, "ServiceUnavailable");

        assertEquals(EndReason.ATTEMPTS_EXHAUSTED, stopReason(strategy, token, third));
        assertEquals(3, RetriesEnded.of(third).orElseThrow().attempts());
    }

    @Test
    void refreshRetryToken_whenSharedBudgetEmpty_stopsWithBudgetExhausted() {
        SecondChanceRetryStrategy strategy = fixed().maxAttempts(10).budget(RetryBudget.tokenBucket(10, 5, 0)).build();
        RetryToken token = acquire(strategy);
        token = refresh(strategy, token, service(503, "ServiceUnavailable")).token();
        RetryToken other = acquire(strategy);
        refresh(strategy, other, service(503, "ServiceUnavailable"));

        assertEquals(EndReason.BUDGET_EXHAUSTED, stopReason(strategy, token, service(503, "ServiceUnavailable")));
    }

    @Test
    void recordSuccess_refundsTheBudget() {
        SecondChanceRetryStrategy strategy = fixed().budget(RetryBudget.tokenBucket(5, 5, 5)).build();
        RetryToken first = refresh(strategy, acquire(strategy), service(503, "ServiceUnavailable")).token();
        strategy.recordSuccess(RecordSuccessRequest.create(first));

        assertEquals(BACKOFF, refresh(strategy, acquire(strategy), service(503, "ServiceUnavailable")).delay());
    }

    @Test
    void refreshRetryToken_whenAmzRetryAfterLonger_waitsForTheServer() {
        SecondChanceRetryStrategy strategy = fixed().build();

        assertEquals(Duration.ofMillis(250), refresh(strategy, acquire(strategy),
                service(503, "ServiceUnavailable", "x-amz-retry-after", "250")).delay());
    }

    @Test
    void refreshRetryToken_whenSdkSuggestsLongerDelay_waitsForIt() {
        SecondChanceRetryStrategy strategy = fixed().maxRetryAfter(Duration.ofSeconds(5)).build();

        assertEquals(Duration.ofSeconds(2), refresh(strategy, acquire(strategy),
                service(503, "ServiceUnavailable"), Duration.ofSeconds(2)).delay());
    }

    @Test
    void refreshRetryToken_whenSdkSuggestionAboveDefaultLimit_stopsWithHintTooLong() {
        SecondChanceRetryStrategy strategy = fixed().build();

        assertEquals(EndReason.HINT_TOO_LONG, stopReason(strategy, acquire(strategy), service(503, "ServiceUnavailable"),
                Duration.ofSeconds(2)), "the default limit is the longer backoff cap, 700 ms here");
    }

    @Test
    void refreshRetryToken_whenHintAboveMaxRetryAfter_stopsWithHintTooLong() {
        SecondChanceRetryStrategy strategy = fixed().maxRetryAfter(Duration.ofSeconds(1)).build();

        assertEquals(EndReason.HINT_TOO_LONG, stopReason(strategy, acquire(strategy),
                service(503, "ServiceUnavailable", "x-amz-retry-after", "5000")));
    }

    @Test
    void refreshRetryToken_whenWaitWouldEndAfterDeadline_stopsWithDeadlineExceeded() throws InterruptedException {
        SecondChanceRetryStrategy strategy = fixed().deadline(Duration.ofSeconds(1)).build();
        RetryToken early = acquire(strategy);
        assertEquals(BACKOFF, refresh(strategy, early, service(503, "ServiceUnavailable")).delay());

        RetryToken late = acquire(strategy);
        time.sleep(Duration.ofMillis(980));

        assertEquals(EndReason.DEADLINE_EXCEEDED, stopReason(strategy, late, service(503, "ServiceUnavailable")));
    }

    @Test
    void refreshRetryToken_whenDelayHasMicroseconds_roundsUpToWholeMilliseconds() {
        SecondChanceRetryStrategy strategy = fixed().backoff(Backoff.fixed(Duration.ofNanos(1_200_000))).build();

        assertEquals(Duration.ofMillis(2), refresh(strategy, acquire(strategy), service(503, "ServiceUnavailable")).delay());
    }

    @Test
    void refreshRetryToken_whenCallAborted_stopsWithInterrupted() {
        SecondChanceRetryStrategy strategy = fixed().build();

        assertEquals(EndReason.INTERRUPTED, stopReason(strategy, acquire(strategy), AbortedException.create("aborted")));
    }

    @Test
    void refreshRetryToken_whenTokenFromElsewhere_throwsIllegalArgument() {
        SecondChanceRetryStrategy strategy = fixed().build();
        RetryToken foreign = new RetryToken() {};

        assertThrows(IllegalArgumentException.class, () -> refresh(strategy, foreign, service(503, "ServiceUnavailable")));
    }

    @Test
    void rateLimiter_isAskedBeforeTheFirstAttemptAndToldOfThrottlingAndSuccess() {
        CountingLimiter limiter = new CountingLimiter(Duration.ofMillis(30));
        SecondChanceRetryStrategy strategy = fixed().rateLimiter(limiter).build();

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
        SecondChanceRetryStrategy strategy = fixed().rateLimiter(limiter).budget(RetryBudget.tokenBucket(1, 5, 0)).build();

        assertEquals(EndReason.BUDGET_EXHAUSTED, stopReason(strategy, acquire(strategy), service(503, "ServiceUnavailable")));
        assertEquals(1, limiter.acquired.get(), "only the first attempt took a slot");
    }

    @Test
    void listeners_seeEveryFailureRetryAndTheEnd() {
        RecordingListener listener = new RecordingListener();
        SecondChanceRetryStrategy strategy = fixed().listener(listener).build();
        RetryToken token = acquire(strategy);
        token = refresh(strategy, token, service(503, "ServiceUnavailable")).token();
        token = refresh(strategy, token, service(400, "ThrottlingException")).token();
        strategy.recordSuccess(RecordSuccessRequest.create(token));

        assertEquals(List.of("failed 1 RETRY", "retry 2 after 40 ms", "failed 2 THROTTLED", "retry 3 after 700 ms",
                "end SUCCESS after 3"), listener.events);
    }

    @Test
    void metrics_whenRecording_countCallsAttemptsRetriesAndEndings() {
        SecondChanceRetryStrategy strategy = fixed().recordMetrics().build();
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
        SecondChanceRetryStrategy strategy = fixed().build();
        refresh(strategy, acquire(strategy), service(503, "ServiceUnavailable"));

        assertEquals(0, strategy.metrics().calls());
        assertEquals(0, strategy.metrics().ended(EndReason.SUCCESS));
    }

    @Test
    void toBuilder_keepsRecordingMetrics() {
        SecondChanceRetryStrategy derived = fixed().recordMetrics().build().toBuilder().build();
        acquire(derived);

        assertEquals(1, derived.metrics().calls());
    }

    @Test
    void toBuilder_keepsSettingsAndSharesTheBudget() {
        SecondChanceRetryStrategy original = fixed().budget(RetryBudget.tokenBucket(5, 5, 0)).build();
        SecondChanceRetryStrategy derived = original.toBuilder().maxAttempts(7).build();

        assertEquals(7, derived.maxAttempts());
        assertEquals(RetryPolicyBuilder.DEFAULT_MAX_ATTEMPTS, original.maxAttempts());
        assertEquals(BACKOFF, refresh(original, acquire(original), service(503, "ServiceUnavailable")).delay());
        assertEquals(EndReason.BUDGET_EXHAUSTED, stopReason(derived, acquire(derived), service(503, "ServiceUnavailable")));
    }

    @Test
    void toBuilder_asSdkBuilder_acceptsTheSdksSettings() {
        RetryStrategy.Builder<?, ?> sdkView = fixed().build().toBuilder();
        RetryStrategy changed = sdkView.maxAttempts(2).backoffStrategy(BackoffStrategy.fixedDelayWithoutJitter(Duration.ofMillis(15)))
                .build();

        assertEquals(2, changed.maxAttempts());
        assertEquals(Duration.ofMillis(15), refresh(changed, acquire(changed), service(503, "ServiceUnavailable")).delay());
    }

    @Test
    void backoffStrategy_fromSdk_keepsTheSdksAttemptNumbering() {
        SecondChanceRetryStrategy strategy = fixed().maxAttempts(3)
                .backoffStrategy(attempt -> Duration.ofMillis(attempt * 10L)).build();
        RetryToken token = acquire(strategy);
        RefreshOutcome first = refresh(strategy, token, service(503, "ServiceUnavailable"));
        RefreshOutcome second = refresh(strategy, first.token(), service(503, "ServiceUnavailable"));

        assertEquals(Duration.ofMillis(20), first.delay(), "the SDK numbers the first retry attempt 2");
        assertEquals(Duration.ofMillis(30), second.delay());
    }

    @Test
    void retryOnException_whenPredicateMatches_retriesAnOtherwiseFinalFailure() {
        SecondChanceRetryStrategy strategy = fixed()
                .retryOnException(e -> e.getMessage() != null && e.getMessage().contains("TransactionConflict")).build();

        assertEquals(BACKOFF, refresh(strategy, acquire(strategy), service(400, "TransactionConflict")).delay());
        assertEquals(EndReason.NON_RETRYABLE, stopReason(strategy, acquire(strategy), service(400, "ValidationException")));
    }

    @Test
    void treatAsThrottling_whenRetryable_usesThrottlingBackoffButNeverMakesFinalRetryable() {
        SecondChanceRetryStrategy strategy = fixed().treatAsThrottling(e -> true).build();

        assertEquals(THROTTLING_BACKOFF, refresh(strategy, acquire(strategy), service(503, "ServiceUnavailable")).delay());
        assertEquals(EndReason.NON_RETRYABLE, stopReason(strategy, acquire(strategy), service(400, "ValidationException")));
    }

    @Test
    void useClientDefaults_isFalseSoTheSdkAddsNoPredicates() {
        assertFalse(SecondChanceRetryStrategy.create().useClientDefaults());
        assertFalse(fixed().useClientDefaults(true).build().useClientDefaults());
    }

    @Test
    void create_hasCoreDefaults() {
        assertEquals(RetryPolicyBuilder.DEFAULT_MAX_ATTEMPTS, SecondChanceRetryStrategy.create().maxAttempts());
    }

    @Test
    void build_whenMaxRetryAfterAboveDeadline_throws() {
        SecondChanceRetryStrategyBuilder builder = fixed().deadline(Duration.ofSeconds(1)).maxRetryAfter(Duration.ofSeconds(2));

        assertThrows(IllegalArgumentException.class, builder::build);
    }

    @Test
    void maxAttempts_whenBelowOne_throws() {
        assertThrows(IllegalArgumentException.class, () -> SecondChanceRetryStrategy.builder().maxAttempts(0));
    }

    /** A limiter that asks for a fixed wait and counts what it is told. */
    private static final class CountingLimiter implements AdaptiveRateLimiter {
        private final Duration delay;
        final AtomicInteger acquired = new AtomicInteger();
        final AtomicInteger throttled = new AtomicInteger();
        final AtomicInteger succeeded = new AtomicInteger();

        CountingLimiter(Duration delay) {
            this.delay = delay;
        }

        @Override
        public Duration acquire() {
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
