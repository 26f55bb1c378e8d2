package dev.secondchance.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondchance.retry.testing.ScriptedLimiter;
import dev.secondchance.retry.testing.VirtualTime;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class RetryListenerEventsTest {

    private final VirtualTime time = new VirtualTime();
    private final EventLog log = new EventLog();

    /** Writes every event as one line, durations in milliseconds. */
    static class EventLog implements RetryListener {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void onAttemptStarted(int attempt, long precedingDelayNanos) {
            events.add("start " + attempt + " after " + precedingDelayNanos / 1_000_000);
        }

        @Override
        public void onAttemptEnded(int attempt, long durationNanos, Verdict verdict, Object result, Throwable failure) {
            events.add("end " + attempt + " in " + durationNanos / 1_000_000 + " " + verdict.kind());
        }

        @Override
        public void onRetryScheduled(int nextAttempt, long delayNanos, DelaySource source, Verdict verdict) {
            events.add("retry " + nextAttempt + " in " + delayNanos / 1_000_000 + " by " + source);
        }

        @Override
        public void onLimiterWait(int attempt, long waitNanos, boolean slotHeld) {
            events.add("limiter " + attempt + " " + waitNanos / 1_000_000 + (slotHeld ? " held" : " ask again"));
        }

        @Override
        public void onCallEnded(EndReason reason, int attempts, long durationNanos, Object result, Throwable failure) {
            events.add("call " + reason + " after " + attempts + " in " + durationNanos / 1_000_000);
        }
    }

    private RetryPolicyBuilder builder() {
        return time.install(RetryPolicy.builder()).random(RandomSource.seeded(42))
                .backoff(Backoff.fixed(Duration.ofMillis(100))).throttlingBackoff(Backoff.fixed(Duration.ofMillis(300)))
                .listener(log);
    }

    /** Each attempt takes 10 ms of virtual time, then throws the next failure or returns "ok". */
    private CheckedSupplier<String, Exception> attempts(Exception... failures) {
        Deque<Exception> left = new ArrayDeque<>(List.of(failures));
        return () -> {
            time.advance(Duration.ofMillis(10));
            Exception next = left.poll();
            if (next != null) {
                throw next;
            }
            return "ok";
        };
    }

    @Test
    void call_whenTheFirstAttemptSucceeds_reportsTheAttemptAndTheCallWithTheirDurations() throws Exception {
        builder().build().call(attempts());

        assertEquals(List.of("start 1 after 0", "end 1 in 10 SUCCESS", "call SUCCESS after 1 in 10"), log.events);
    }

    @Test
    void call_whenTwoFailuresThenSuccess_reportsEachStepInOrderWithWaitsInTheCallsDuration() throws Exception {
        builder().build().call(attempts(new ConnectException("a"), new ConnectException("b")));

        assertEquals(List.of("start 1 after 0", "end 1 in 10 RETRY", "retry 2 in 100 by BACKOFF",
                "start 2 after 100", "end 2 in 10 RETRY", "retry 3 in 100 by BACKOFF",
                "start 3 after 100", "end 3 in 10 SUCCESS", "call SUCCESS after 3 in 230"), log.events);
    }

    @Test
    void call_whenAServerHintOrThrottlingSetsTheWait_saysWhichDid() throws Exception {
        RetryClassifier classifier = RetryClassifier.ofFailures(failure -> failure.getMessage().equals("hint")
                ? Verdict.throttled("429").withRetryAfter(Duration.ofSeconds(2))
                : Verdict.throttled("429"));

        builder().classifiers(List.of(classifier)).random(() -> 0.5).build()
                .call(attempts(new IOException("hint"), new IOException("x")));

        // HintRule.SPREAD (the default): the 2 s hint, then half of the throttling backoff's 300 ms
        assertEquals(List.of("retry 2 in 2150 by SERVER_HINT", "retry 3 in 300 by THROTTLING_BACKOFF"),
                log.events.stream().filter(event -> event.startsWith("retry")).toList());
    }

    @Test
    void call_whenTheCallHasADeadline_reportsAsOnTheFastPath() throws Exception {
        builder().deadline(Duration.ofSeconds(5)).build().call(attempts(new ConnectException("a")));

        assertEquals(List.of("start 1 after 0", "end 1 in 10 RETRY", "retry 2 in 100 by BACKOFF", "start 2 after 100",
                "end 2 in 10 SUCCESS", "call SUCCESS after 2 in 120"), log.events);
    }

    /** An {@link EventLog} that does without the events of calls that succeed at once. */
    static final class RetriesOnlyLog extends EventLog {
        @Override
        public boolean observesFirstAttemptSuccesses() {
            return false;
        }
    }

    private RetryPolicyBuilder retriesOnly(EventLog quiet) {
        return time.install(RetryPolicy.builder()).random(RandomSource.seeded(42))
                .backoff(Backoff.fixed(Duration.ofMillis(100))).listener(quiet);
    }

    @Test
    void call_whenNoListenerObservesFirstAttemptSuccesses_tellsNoneOfACallThatSucceedsAtOnce() throws Exception {
        EventLog quiet = new RetriesOnlyLog();
        RetryPolicy policy = retriesOnly(quiet).recordMetrics().build();

        assertEquals("ok", policy.call(attempts()));

        assertEquals(List.of(), quiet.events);
        assertEquals(1, policy.metrics().ended(EndReason.SUCCESS), "the policy's own counters still count it");
    }

    @Test
    void call_whenNoListenerObservesFirstAttemptSuccesses_reportsAFailedCallFromItsFirstFailure() throws Exception {
        EventLog quiet = new RetriesOnlyLog();

        retriesOnly(quiet).build().call(attempts(new ConnectException("a")));

        assertEquals(List.of("start 1 after 0", "end 1 in 0 RETRY", "retry 2 in 100 by BACKOFF", "start 2 after 100",
                "end 2 in 10 SUCCESS", "call SUCCESS after 2 in 110"), quiet.events,
                "the first attempt is not timed: the call is timed from its end");
    }

    @Test
    void call_whenAnotherListenerObservesFirstAttemptSuccesses_everyListenerHearsEveryCallInFull() throws Exception {
        EventLog quiet = new RetriesOnlyLog();

        retriesOnly(quiet).listener(log).build().call(attempts());

        assertEquals(List.of("start 1 after 0", "end 1 in 10 SUCCESS", "call SUCCESS after 1 in 10"), quiet.events);
        assertEquals(quiet.events, log.events);
    }

    @Test
    void call_whenADeadlineReadsTheClockAnyway_aListenerThatSkipsSuccessesStillHearsTheWholeCall() throws Exception {
        EventLog quiet = new RetriesOnlyLog();

        retriesOnly(quiet).deadline(Duration.ofSeconds(5)).build().call(attempts(new ConnectException("a")));

        assertEquals(List.of("start 1 after 0", "end 1 in 10 RETRY", "retry 2 in 100 by BACKOFF", "start 2 after 100",
                "end 2 in 10 SUCCESS", "call SUCCESS after 2 in 120"), quiet.events);
    }

    @Test
    void call_whenAttemptsRunOut_endsWithTheReasonAndTheLastFailure() {
        List<Throwable> failures = new ArrayList<>();
        RetryPolicy policy = builder().maxAttempts(2).listener(new RetryListener() {
            @Override
            public void onCallEnded(EndReason reason, int attempts, long durationNanos, Object result,
                    Throwable failure) {
                failures.add(failure);
            }
        }).build();
        ConnectException last = new ConnectException("b");

        assertThrows(ConnectException.class, () -> policy.call(attempts(new ConnectException("a"), last)));

        assertEquals("call ATTEMPTS_EXHAUSTED after 2 in 120", log.events.get(log.events.size() - 1));
        assertEquals(List.of(last), failures);
    }

    @Test
    void call_whenTheRateLimiterHoldsAttemptsBack_reportsEachWait() throws Exception {
        ScriptedLimiter limiter = new ScriptedLimiter(SendSlot.askAgainAfter(Duration.ofMillis(40)),
                SendSlot.after(Duration.ofMillis(20)), SendSlot.now());

        builder().rateLimiter(limiter).build().call(attempts(new ConnectException("a")));

        assertEquals(List.of("limiter 1 40 ask again", "limiter 1 20 held", "start 1 after 0", "end 1 in 10 RETRY",
                "retry 2 in 100 by BACKOFF", "start 2 after 100", "end 2 in 10 SUCCESS", "call SUCCESS after 2 in 180"),
                log.events);
    }

    @Test
    void callAsync_whenAFailureThenSuccess_reportsTheSameEvents() {
        VirtualTime auto = time.autoRun();
        CompletableFuture<String> result = builder().scheduler(auto).build().callAsync(() -> {
            time.advance(Duration.ofMillis(10));
            return log.events.isEmpty() || log.events.size() < 3
                    ? CompletableFuture.failedFuture(new ConnectException("a"))
                    : CompletableFuture.completedFuture("ok");
        });

        assertEquals("ok", result.join());
        assertEquals(List.of("start 1 after 0", "end 1 in 10 RETRY", "retry 2 in 100 by BACKOFF", "start 2 after 100",
                "end 2 in 10 SUCCESS", "call SUCCESS after 2 in 120"), log.events);
    }

    @Test
    void track_whenAPipelineReportsAttempts_measuresEachFromThePreviousDecision() {
        CallTracker<String> call = builder().build().track();

        time.advance(Duration.ofMillis(10));
        call.onFailure(new ConnectException("a"), null);
        time.advance(Duration.ofMillis(130));
        call.onResult("ok");

        assertEquals(List.of("start 1 after 0", "end 1 in 10 RETRY", "retry 2 in 100 by BACKOFF", "start 2 after 100",
                "end 2 in 130 SUCCESS", "call SUCCESS after 2 in 140"), log.events);
    }

    @Test
    void call_whenAListenerKeepsStatePerCall_eachCallGetsItsOwnListener() throws Exception {
        List<RetryListener> perCall = new ArrayList<>();
        List<String> ended = new CopyOnWriteArrayList<>();
        RetryPolicy policy = builder().listener(new RetryListener() {
            @Override
            public RetryListener onCallStarted() {
                int id = perCall.size();
                RetryListener call = new RetryListener() {
                    @Override
                    public void onCallEnded(EndReason reason, int attempts, long durationNanos, Object result,
                            Throwable failure) {
                        ended.add("call " + id + " " + reason);
                    }
                };
                perCall.add(call);
                return call;
            }
        }).build();

        policy.call(attempts());
        policy.call(attempts(new ConnectException("a")));

        assertEquals(2, perCall.size());
        assertNotSame(perCall.get(0), perCall.get(1));
        assertEquals(List.of("call 0 SUCCESS", "call 1 SUCCESS"), ended);
    }

    @Test
    void call_whenAListenerThrowsInEveryEvent_theCallIsUnchangedAndTheOthersStillHear() throws Exception {
        RetryListener broken = new RetryListener() {
            @Override
            public RetryListener onCallStarted() {
                throw new IllegalStateException("bug");
            }

            @Override
            public void onAttemptStarted(int attempt, long precedingDelayNanos) {
                throw new IllegalStateException("bug");
            }

            @Override
            public void onAttemptEnded(int attempt, long durationNanos, Verdict verdict, Object result,
                    Throwable failure) {
                throw new IllegalStateException("bug");
            }

            @Override
            public void onRetryScheduled(int nextAttempt, long delayNanos, DelaySource source, Verdict verdict) {
                throw new IllegalStateException("bug");
            }

            @Override
            public void onCallEnded(EndReason reason, int attempts, long durationNanos, Object result,
                    Throwable failure) {
                throw new IllegalStateException("bug");
            }
        };
        RetryPolicy policy = time.install(RetryPolicy.builder()).backoff(Backoff.fixed(Duration.ofMillis(100)))
                .listener(broken).listener(log).build();

        assertEquals("ok", policy.call(attempts(new ConnectException("a"))));

        assertEquals("call SUCCESS after 2 in 120", log.events.get(log.events.size() - 1));
        assertEquals(6, log.events.size());
    }

    @Test
    void call_whenAListenerOverridesOnlyTheOlderMethods_theyStillHearEveryFailureRetryAndEnd() throws Exception {
        List<String> older = new ArrayList<>();
        RetryPolicy policy = time.install(RetryPolicy.builder()).backoff(Backoff.fixed(Duration.ofMillis(100)))
                .listener(new RetryListener() {
                    @Override
                    public void onAttemptFailed(int attempt, Object result, Throwable failure, Verdict verdict) {
                        older.add("failed " + attempt);
                    }

                    @Override
                    public void onRetryScheduled(int nextAttempt, Duration delay, String reason) {
                        older.add("retry " + nextAttempt + " in " + delay.toMillis());
                    }

                    @Override
                    public void onEnd(Outcome<?> outcome) {
                        older.add("end " + outcome.endReason() + " " + outcome.elapsed().toMillis());
                    }
                }).build();

        policy.call(attempts(new ConnectException("a")));

        assertEquals(List.of("failed 1", "retry 2 in 100", "end SUCCESS 120"), older);
    }

    @Test
    void available_whenRetriesSpendABudget_tellsWhatIsLeft() {
        RetryBudget bucket = RetryBudget.tokenBucket(10, 3, 1);
        RetryBudget ratio = RetryBudget.ratio(0.5, 0, Duration.ofSeconds(10), time);

        assertTrue(bucket.tryAcquireRetry());
        ratio.onCall();
        ratio.onCall();
        ratio.onCall();
        ratio.onCall();
        assertTrue(ratio.tryAcquireRetry());

        assertEquals(7, bucket.available());
        assertEquals(1, ratio.available(), "0.5 x 4 calls = 2 retries, 1 spent");
        assertEquals(Double.POSITIVE_INFINITY, RetryBudget.unlimited().available());
        assertEquals(Double.NaN, new RetryBudget() {
            @Override
            public void onCall() {}

            @Override
            public boolean tryAcquireRetry() {
                return true;
            }

            @Override
            public void onSuccess() {}
        }.available());
    }

    @Test
    void sendRate_whenTheLimiterIsThrottled_startsLimitingAtAFiniteRate() {
        AdaptiveRateLimiter limiter = AdaptiveRateLimiter.cubic(time);
        assertEquals(Double.POSITIVE_INFINITY, limiter.sendRate());
        assertEquals(false, limiter.isLimiting());

        limiter.onThrottled();

        assertTrue(limiter.isLimiting());
        assertTrue(Double.isFinite(limiter.sendRate()));
    }

    @Test
    void accessors_whenBuilt_giveTheBudgetLimiterAndName() {
        RetryBudget budget = RetryBudget.unlimited();
        AdaptiveRateLimiter limiter = AdaptiveRateLimiter.cubic(time);

        RetryPolicy policy = RetryPolicy.builder().name("orders").budget(budget).rateLimiter(limiter).build();

        assertEquals("orders", policy.name());
        assertEquals(budget, policy.budget());
        assertEquals(limiter, policy.rateLimiter().orElseThrow());
        assertTrue(RetryPolicy.defaults().rateLimiter().isEmpty());
    }
}
