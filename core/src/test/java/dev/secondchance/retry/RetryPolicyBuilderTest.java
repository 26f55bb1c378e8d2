package dev.secondchance.retry;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondchance.retry.testing.StubResponse;
import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryPolicyBuilderTest {

    private static final double ALMOST_ONE = Math.nextDown(1.0);

    /** An operation that always fails with a retryable {@link ConnectException}, counting its attempts. */
    private static CheckedSupplier<String, ConnectException> alwaysRefused(AtomicInteger attempts) {
        return () -> {
            attempts.incrementAndGet();
            throw new ConnectException("refused");
        };
    }

    private static Outcome<String> runAlwaysRefused(RetryPolicy policy, AtomicInteger attempts) {
        attempts.set(0);
        Outcome<String> outcome = policy.execute(alwaysRefused(attempts));
        assertEquals(attempts.get(), outcome.attempts(), "outcome counts the attempts made");
        return outcome;
    }

    private static void assertIae(org.junit.jupiter.api.function.Executable call, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertNotNull(e.getMessage());
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' lacks '" + fragment + "'");
        }
    }

    // ---------------------------------------------------------------- setters reject bad values

    @ParameterizedTest(name = "maxAttempts={0}")
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void maxAttempts_whenBelowOne_throwsIaeNamingParameterAndRange(int maxAttempts) {
        assertIae(() -> RetryPolicy.builder().maxAttempts(maxAttempts), "maxAttempts", ">= 1", String.valueOf(maxAttempts));
    }

    @ParameterizedTest(name = "maxAttempts={0}")
    @ValueSource(ints = {1, 2, 3, 100, Integer.MAX_VALUE})
    void maxAttempts_whenAtLeastOne_isAccepted(int maxAttempts) {
        assertDoesNotThrow(() -> RetryPolicy.builder().maxAttempts(maxAttempts).build());
    }

    @ParameterizedTest(name = "deadline={0} ms")
    @ValueSource(longs = {0L, -1L, -60_000L})
    void deadline_whenZeroOrNegative_throwsIaeNamingParameterAndRange(long millis) {
        assertIae(() -> RetryPolicy.builder().deadline(Duration.ofMillis(millis)), "deadline", "> 0");
    }

    @Test
    void deadline_whenOneNanosecondBelowZero_throwsIae() {
        assertIae(() -> RetryPolicy.builder().deadline(Duration.ofNanos(-1)), "deadline", "> 0");
    }

    @ParameterizedTest(name = "maxRetryAfter={0} ns")
    @ValueSource(longs = {-1L, -1_000_000_000L, Long.MIN_VALUE})
    void maxRetryAfter_whenNegative_throwsIaeNamingParameterAndRange(long nanos) {
        assertIae(() -> RetryPolicy.builder().maxRetryAfter(Duration.ofNanos(nanos)), "maxRetryAfter", ">= 0");
    }

    @Test
    void maxRetryAfter_whenZero_isAccepted() {
        assertDoesNotThrow(() -> RetryPolicy.builder().maxRetryAfter(Duration.ZERO).build());
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"", " ", "   ", "\t", "\n"})
    void name_whenBlank_throwsIaeNamingParameter(String name) {
        assertIae(() -> RetryPolicy.builder().name(name), "name", "blank");
    }

    @Test
    void name_whenSet_appearsInToString() {
        RetryPolicy policy = RetryPolicy.builder().name("orders-db").build();
        assertTrue(policy.toString().contains("orders-db"), policy.toString());
    }

    static Stream<Arguments> nullSetters() {
        return Stream.of(
                setter("name", b -> b.name(null)),
                setter("backoff", b -> b.backoff(null)),
                setter("throttlingBackoff", b -> b.throttlingBackoff(null)),
                setter("maxRetryAfter", b -> b.maxRetryAfter(null)),
                setter("deadline", b -> b.deadline(null)),
                setter("classifier", b -> b.addClassifier(null)),
                setter("classifiers", b -> b.classifiers(null)),
                setter("classifiers", b -> b.classifiers(Arrays.asList(Classifiers.transientIo(), null))),
                setter("budget", b -> b.budget(null)),
                setter("rateLimiter", b -> b.rateLimiter(null)),
                setter("listener", b -> b.listener(null)),
                setter("ticker", b -> b.ticker(null)),
                setter("wallClock", b -> b.wallClock(null)),
                setter("sleeper", b -> b.sleeper(null)),
                setter("scheduler", b -> b.scheduler(null)),
                setter("random", b -> b.random(null)));
    }

    private static Arguments setter(String parameter, Consumer<RetryPolicyBuilder> call) {
        return Arguments.of(parameter, call);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nullSetters")
    void setter_whenNull_throwsNpeNamingParameter(String parameter, Consumer<RetryPolicyBuilder> call) {
        NullPointerException e = assertThrows(NullPointerException.class, () -> call.accept(RetryPolicy.builder()));
        assertNotNull(e.getMessage(), "NPE without a message");
        assertTrue(e.getMessage().contains(parameter), "message '" + e.getMessage() + "' lacks '" + parameter + "'");
    }

    @Test
    void setter_whenRejected_leavesPreviousValueInPlace() {
        RetryPolicyBuilder builder = RetryPolicy.builder().sleeper(d -> {}).maxAttempts(4);
        assertThrows(IllegalArgumentException.class, () -> builder.maxAttempts(0));
        AtomicInteger attempts = new AtomicInteger();
        assertEquals(4, runAlwaysRefused(builder.build(), attempts).attempts());
    }

    // ---------------------------------------------------------------- build() checks settings together

    @Test
    void build_whenMaxRetryAfterAboveDeadline_throwsIaeNamingBoth() {
        RetryPolicyBuilder builder = RetryPolicy.builder().deadline(Duration.ofSeconds(10)).maxRetryAfter(Duration.ofSeconds(11));
        assertIae(builder::build, "maxRetryAfter", "deadline");
    }

    @Test
    void build_whenMaxRetryAfterSetBeforeShorterDeadline_throwsIae() {
        RetryPolicyBuilder builder = RetryPolicy.builder().maxRetryAfter(Duration.ofSeconds(30));
        assertDoesNotThrow(() -> builder.deadline(Duration.ofSeconds(5)), "setters validate one value each");
        assertIae(builder::build, "maxRetryAfter", "deadline");
    }

    @Test
    void build_whenMaxRetryAfterEqualsOrBelowDeadline_succeeds() {
        assertDoesNotThrow(() -> RetryPolicy.builder().deadline(Duration.ofSeconds(10))
                .maxRetryAfter(Duration.ofSeconds(10)).build());
        assertDoesNotThrow(() -> RetryPolicy.builder().deadline(Duration.ofSeconds(10))
                .maxRetryAfter(Duration.ofSeconds(1)).build());
    }

    @Test
    void build_whenRejected_canBeFixedAndBuiltAgain() {
        RetryPolicyBuilder builder = RetryPolicy.builder().deadline(Duration.ofSeconds(1)).maxRetryAfter(Duration.ofSeconds(2));
        assertThrows(IllegalArgumentException.class, builder::build);
        assertDoesNotThrow(() -> builder.deadline(Duration.ofSeconds(2)).build());
    }

    // ---------------------------------------------------------------- defaults

    @Test
    void defaultMaxAttempts_whenRead_isThree() {
        assertEquals(3, RetryPolicyBuilder.DEFAULT_MAX_ATTEMPTS);
    }

    @Test
    void build_whenDefaultsAndAlwaysConnectException_makesExactlyThreeAttempts() {
        RetryPolicy policy = RetryPolicy.builder().sleeper(d -> {}).build();
        AtomicInteger attempts = new AtomicInteger();
        Outcome<String> outcome = runAlwaysRefused(policy, attempts);
        assertEquals(3, attempts.get());
        assertEquals(EndReason.ATTEMPTS_EXHAUSTED, outcome.endReason());
        assertTrue(outcome.failure() instanceof ConnectException);
    }

    @Test
    void call_whenDefaultsAndAlwaysConnectException_rethrowsAfterThreeAttempts() {
        RetryPolicy policy = RetryPolicy.builder().sleeper(d -> {}).build();
        AtomicInteger attempts = new AtomicInteger();
        ConnectException thrown = assertThrows(ConnectException.class, () -> policy.call(alwaysRefused(attempts)));
        assertEquals(3, attempts.get());
        RetriesEnded ended = RetriesEnded.of(thrown).orElseThrow();
        assertEquals(3, ended.attempts());
        assertEquals(EndReason.ATTEMPTS_EXHAUSTED, ended.endReason());
    }

    @Test
    void build_whenDefaultBackoff_waitsByTheClassicSchedule() {
        // With the random source at the top of its range, full jitter gives just under 400 ms, then 1.6 s.
        List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
        RetryPolicy policy = RetryPolicy.builder().maxAttempts(4).sleeper(sleeps::add).random(() -> ALMOST_ONE).build();
        runAlwaysRefused(policy, new AtomicInteger());
        assertEquals(3, sleeps.size(), "sleeps " + sleeps);
        assertBetween(Duration.ofMillis(399), Duration.ofMillis(400), sleeps.get(0));
        assertBetween(Duration.ofMillis(1599), Duration.ofMillis(1600), sleeps.get(1));
        assertBetween(Duration.ofMillis(4999), Duration.ofMillis(5000), sleeps.get(2));
    }

    @Test
    void build_whenDefaultBackoffSeeded_waitsWithinClassicBounds() {
        long seed = 8_675_309L;
        System.out.println("RetryPolicyBuilderTest.build_whenDefaultBackoffSeeded_waitsWithinClassicBounds seed=" + seed);
        List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
        RetryPolicy policy = RetryPolicy.builder().sleeper(sleeps::add).random(RandomSource.seeded(seed))
                .budget(RetryBudget.unlimited()).build();
        for (int i = 0; i < 500; i++) {
            sleeps.clear();
            runAlwaysRefused(policy, new AtomicInteger());
            assertEquals(2, sleeps.size(), "two waits for three attempts (seed " + seed + ")");
            assertBetween(Duration.ZERO, Duration.ofMillis(400), sleeps.get(0));
            assertBetween(Duration.ZERO, Duration.ofMillis(1600), sleeps.get(1));
        }
    }

    @Test
    void build_whenDefaultThrottlingBackoff_waitsUpToOneSecondAfterFirst429() {
        List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
        RetryPolicy policy = RetryPolicy.builder().maxAttempts(2).sleeper(sleeps::add).random(() -> ALMOST_ONE).build();
        Outcome<HttpResponse<String>> outcome = policy.execute(() -> new StubResponse(429, Map.of()));
        assertEquals(EndReason.ATTEMPTS_EXHAUSTED, outcome.endReason());
        assertEquals(1, sleeps.size());
        assertBetween(Duration.ofMillis(999), Duration.ofSeconds(1), sleeps.get(0));
        assertEquals(Duration.ofSeconds(5), RetryPolicyBuilder.DEFAULT_THROTTLING_BACKOFF.maxDelay());
    }

    @Test
    void build_whenDefaultMaxRetryAfter_acceptsHintsUpToTheLargerCapOfFiveSeconds() {
        List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
        RetryPolicy policy = RetryPolicy.builder().maxAttempts(2).sleeper(sleeps::add).random(() -> 0.0).build();
        Outcome<HttpResponse<String>> fiveSeconds =
                policy.execute(() -> new StubResponse(503, Map.of("Retry-After", List.of("5"))));
        assertEquals(EndReason.ATTEMPTS_EXHAUSTED, fiveSeconds.endReason());
        assertEquals(List.of(Duration.ofSeconds(5)), sleeps);
        Outcome<HttpResponse<String>> sixSeconds =
                policy.execute(() -> new StubResponse(503, Map.of("Retry-After", List.of("6"))));
        assertEquals(EndReason.HINT_TOO_LONG, sixSeconds.endReason());
        assertEquals(1, sixSeconds.attempts());
    }

    @Test
    void build_whenNoBudgetSet_eachBuildGetsItsOwnTokenBucket() {
        RetryPolicyBuilder builder = RetryPolicy.builder().sleeper(d -> {}).random(() -> 0.0);
        RetryPolicy first = builder.build();
        RetryPolicy second = builder.build();
        AtomicInteger attempts = new AtomicInteger();
        // The default bucket holds 500 tokens at 5 per retry: 100 retries, 50 calls of two retries each.
        for (int i = 0; i < 50; i++) {
            assertEquals(EndReason.ATTEMPTS_EXHAUSTED, runAlwaysRefused(first, attempts).endReason(), "call " + i);
        }
        Outcome<String> drained = runAlwaysRefused(first, attempts);
        assertEquals(EndReason.BUDGET_EXHAUSTED, drained.endReason());
        assertEquals(1, drained.attempts());
        Outcome<String> other = runAlwaysRefused(second, attempts);
        assertEquals(EndReason.ATTEMPTS_EXHAUSTED, other.endReason(), "second policy must not share the first's budget");
        assertEquals(3, other.attempts());
    }

    // ---------------------------------------------------------------- the builder after build()

    @Test
    void build_whenBuilderChangedAfterwards_leavesBuiltPolicyUnchanged() {
        AtomicInteger endedCalls = new AtomicInteger();
        RetryPolicyBuilder builder = RetryPolicy.builder().sleeper(d -> {}).maxAttempts(5);
        RetryPolicy five = builder.build();
        builder.maxAttempts(2).listener(new RetryListener() {
            @Override
            public void onEnd(Outcome<?> outcome) {
                endedCalls.incrementAndGet();
            }
        });
        RetryPolicy two = builder.build();
        AtomicInteger attempts = new AtomicInteger();
        assertEquals(5, runAlwaysRefused(five, attempts).attempts());
        assertEquals(0, endedCalls.get(), "a listener added after build() must not reach the earlier policy");
        assertEquals(2, runAlwaysRefused(two, attempts).attempts());
        assertEquals(1, endedCalls.get());
    }

    @Test
    void classifiers_whenListChangedAfterwards_isUnaffected() {
        List<RetryClassifier> list = new ArrayList<>(List.of(Classifiers.transientIo()));
        RetryPolicyBuilder builder = RetryPolicy.builder().sleeper(d -> {}).classifiers(list);
        list.clear();
        list.add(RetryClassifier.ofFailures(f -> Verdict.fail("never retry")));
        AtomicInteger attempts = new AtomicInteger();
        assertEquals(3, runAlwaysRefused(builder.build(), attempts).attempts());
    }

    @Test
    void addClassifier_whenAdded_isAskedBeforeTheDefaults() {
        RetryPolicy policy = RetryPolicy.builder().sleeper(d -> {})
                .addClassifier(RetryClassifier.ofFailures(f -> f instanceof ConnectException
                        ? Verdict.fail("refused is final here") : Verdict.abstain()))
                .build();
        AtomicInteger attempts = new AtomicInteger();
        Outcome<String> outcome = runAlwaysRefused(policy, attempts);
        assertEquals(1, outcome.attempts());
        assertEquals(EndReason.NON_RETRYABLE, outcome.endReason());
    }

    // ---------------------------------------------------------------- toBuilder()

    @Test
    void toBuilder_whenUnchanged_buildsPolicyWithSameSettings() {
        List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
        RetryPolicy original = RetryPolicy.builder().name("inventory").maxAttempts(5)
                .backoff(Backoff.fixed(Duration.ofMillis(7))).sleeper(sleeps::add).budget(RetryBudget.unlimited())
                .build();
        RetryPolicy copy = original.toBuilder().build();
        AtomicInteger attempts = new AtomicInteger();
        Outcome<String> outcome = runAlwaysRefused(copy, attempts);
        assertEquals(5, outcome.attempts());
        assertEquals(EndReason.ATTEMPTS_EXHAUSTED, outcome.endReason());
        assertEquals(Collections.nCopies(4, Duration.ofMillis(7)), sleeps, "same backoff and same sleeper");
        assertTrue(copy.toString().contains("inventory"), copy.toString());
    }

    @Test
    void toBuilder_whenChanged_leavesOriginalUnaffected() {
        RetryPolicy original = RetryPolicy.builder().name("original").maxAttempts(5).sleeper(d -> {})
                .budget(RetryBudget.unlimited()).build();
        RetryPolicy derived = original.toBuilder().name("derived").maxAttempts(2).build();
        AtomicInteger attempts = new AtomicInteger();
        assertEquals(2, runAlwaysRefused(derived, attempts).attempts());
        assertEquals(5, runAlwaysRefused(original, attempts).attempts());
        assertEquals(2, runAlwaysRefused(derived, attempts).attempts());
        assertTrue(original.toString().contains("original"), original.toString());
        assertTrue(derived.toString().contains("derived"), derived.toString());
    }

    @Test
    void toBuilder_whenBudgetSetOnOriginal_sharesItWithDerivedPolicy() {
        // 10 tokens, 5 per retry, no refund: exactly two retries in total across both policies.
        RetryPolicy original = RetryPolicy.builder().maxAttempts(5).sleeper(d -> {})
                .budget(RetryBudget.tokenBucket(10, 5, 0)).build();
        RetryPolicy derived = original.toBuilder().maxAttempts(3).build();
        AtomicInteger attempts = new AtomicInteger();
        Outcome<String> viaDerived = runAlwaysRefused(derived, attempts);
        assertEquals(3, viaDerived.attempts());
        assertEquals(EndReason.ATTEMPTS_EXHAUSTED, viaDerived.endReason());
        Outcome<String> viaOriginal = runAlwaysRefused(original, attempts);
        assertEquals(EndReason.BUDGET_EXHAUSTED, viaOriginal.endReason());
        assertEquals(1, viaOriginal.attempts());
    }

    @Test
    void toBuilder_whenDefaultBudget_sharesTheOriginalsBucket() {
        RetryPolicy original = RetryPolicy.builder().sleeper(d -> {}).random(() -> 0.0).build();
        RetryPolicy derived = original.toBuilder().build();
        AtomicInteger attempts = new AtomicInteger();
        for (int i = 0; i < 50; i++) { // 100 retries drain the 500-token default bucket
            runAlwaysRefused(derived, attempts);
        }
        assertEquals(EndReason.BUDGET_EXHAUSTED, runAlwaysRefused(original, attempts).endReason());
    }

    @Test
    void toBuilder_whenDeadlineAndMaxRetryAfterSet_keepsThem() {
        RetryPolicy original = RetryPolicy.builder().sleeper(d -> {}).random(() -> 0.0)
                .deadline(Duration.ofSeconds(30)).maxRetryAfter(Duration.ofSeconds(1)).build();
        RetryPolicy derived = original.toBuilder().build();
        for (RetryPolicy policy : List.of(original, derived)) {
            Outcome<HttpResponse<String>> hinted =
                    policy.execute(() -> new StubResponse(503, Map.of("Retry-After", List.of("2"))));
            assertEquals(EndReason.HINT_TOO_LONG, hinted.endReason(), policy.toString());
        }
        // The deadline travels too: a derived policy may not raise maxRetryAfter above it.
        assertIae(() -> original.toBuilder().maxRetryAfter(Duration.ofSeconds(31)).build(), "maxRetryAfter", "deadline");
        // and it is enforced: a 40 s wait does not fit in 30 s.
        RetryPolicy slow = original.toBuilder().backoff(Backoff.fixed(Duration.ofSeconds(40))).build();
        AtomicInteger attempts = new AtomicInteger();
        Outcome<String> outcome = runAlwaysRefused(slow, attempts);
        assertEquals(EndReason.DEADLINE_EXCEEDED, outcome.endReason());
        assertEquals(1, outcome.attempts());
    }

    @Test
    void toBuilder_whenClassifiersListenersAndRandomSet_keepsThem() {
        AtomicInteger ended = new AtomicInteger();
        List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
        RetryPolicy original = RetryPolicy.builder().sleeper(sleeps::add).random(() -> 0.5)
                .classifiers(List.of(RetryClassifier.ofFailures(f -> f instanceof IllegalStateException
                        ? Verdict.retry("flaky state") : Verdict.abstain())))
                .listener(new RetryListener() {
                    @Override
                    public void onEnd(Outcome<?> outcome) {
                        ended.incrementAndGet();
                    }
                })
                .build();
        RetryPolicy derived = original.toBuilder().build();
        AtomicInteger attempts = new AtomicInteger();
        Outcome<Object> outcome = derived.execute(() -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("flaky");
        });
        assertEquals(3, outcome.attempts(), "the custom classifier retries IllegalStateException");
        assertEquals(1, ended.get(), "the listener is shared");
        assertEquals(List.of(Duration.ofMillis(200), Duration.ofMillis(800)), sleeps, "same random source and sleeper");
        // ConnectException is no longer classified retryable: the defaults were replaced.
        assertEquals(1, runAlwaysRefused(derived, attempts).attempts());
    }

    // ---------------------------------------------------------------- helpers

    private static void assertBetween(Duration low, Duration high, Duration actual) {
        assertTrue(actual.compareTo(low) >= 0 && actual.compareTo(high) <= 0,
                actual + " not in [" + low + ", " + high + "]");
    }
}
