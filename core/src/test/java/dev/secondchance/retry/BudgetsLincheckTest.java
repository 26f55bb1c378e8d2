package dev.secondchance.retry;

import dev.secondchance.retry.internal.TokenBucketBudget;
import dev.secondchance.retry.testing.LincheckOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.junit.jupiter.api.Test;

/**
 * Lincheck model checking of the retry budgets against sequential specifications: every concurrent history of
 * calls, retries, successes (and, for the ratio budget, time passing on a virtual ticker) must be explainable by
 * some order of the operations run one at a time on the specification. Deeper: {@code
 * -Dsc.lincheck.iterations=100 -Dsc.lincheck.invocations=5000}.
 */
class BudgetsLincheckTest {

    static ModelCheckingOptions options() {
        return LincheckOptions.modelChecking();
    }

    @Test
    void tokenBucket_isLinearizable() {
        options().sequentialSpecification(TokenBucketSpec.class).check(TokenBucket.class);
    }

    @Test
    void ratio_isLinearizable() {
        options().sequentialSpecification(RatioSpec.class).check(Ratio.class);
    }

    // ------------------------------------------------------------------ token bucket

    /** The bucket under test: capacity 12, a retry costs 5, a success refunds 2 (so the cap is reached). */
    public static class TokenBucket {
        private final TokenBucketBudget budget = (TokenBucketBudget) RetryBudget.tokenBucket(12, 5, 2);

        @Operation
        public boolean tryAcquireRetry() {
            return budget.tryAcquireRetry();
        }

        @Operation
        public void onSuccess() {
            budget.onSuccess();
        }

        @Operation
        public void onCall() {
            budget.onCall();
        }

        @Operation
        public int availableTokens() {
            return budget.availableTokens();
        }
    }

    /** The documented bucket, one operation at a time. */
    public static class TokenBucketSpec {
        private int tokens = 12;

        public boolean tryAcquireRetry() {
            if (tokens < 5) {
                return false;
            }
            tokens -= 5;
            return true;
        }

        public void onSuccess() {
            tokens = Math.min(12, tokens + 2);
        }

        public void onCall() {}

        public int availableTokens() {
            return tokens;
        }
    }

    // ------------------------------------------------------------------ ratio

    /**
     * The ratio budget under test on a virtual ticker: ratio 0.5, a floor of 1 retry/s, a 1 s window of ten
     * 100 ms slices; {@code advance} moves the shared ticker forward.
     */
    @Param(name = "millis", gen = IntGen.class, conf = "0:1200")
    public static class Ratio {
        private final AtomicLong nanos = new AtomicLong();
        private final RetryBudget budget = RetryBudget.ratio(0.5, 1, Duration.ofSeconds(1), nanos::get);

        @Operation
        public void onCall() {
            budget.onCall();
        }

        @Operation
        public boolean tryAcquireRetry() {
            return budget.tryAcquireRetry();
        }

        @Operation
        public void advance(@Param(name = "millis") int millis) {
            nanos.addAndGet(millis * 1_000_000L);
        }
    }

    /**
     * The documented ratio rule written plainly: every call and retry is kept with its 100 ms slice; a retry is
     * allowed while retries + 1 <= 0.5 x calls + 1 (the floor: 1 retry/s over 1 s) over the last ten slices.
     */
    public static class RatioSpec {
        private long nanos;
        private final List<long[]> events = new ArrayList<>(); // {slice, 0 = call | 1 = retry}

        private long slice() {
            return Math.floorDiv(nanos, 100_000_000L);
        }

        public void onCall() {
            events.add(new long[] {slice(), 0});
        }

        public boolean tryAcquireRetry() {
            long now = slice();
            long calls = events.stream().filter(e -> e[0] > now - 10 && e[1] == 0).count();
            long retries = events.stream().filter(e -> e[0] > now - 10 && e[1] == 1).count();
            if (retries + 1 > 0.5 * calls + 1 + 1e-9) {
                return false;
            }
            events.add(new long[] {now, 1});
            return true;
        }

        public void advance(int millis) {
            nanos += millis * 1_000_000L;
        }
    }
}
