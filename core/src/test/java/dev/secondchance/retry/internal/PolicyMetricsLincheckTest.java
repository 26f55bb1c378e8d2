package dev.secondchance.retry.internal;

import dev.secondchance.retry.EndReason;
import dev.secondchance.retry.testing.LincheckOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.junit.jupiter.api.Test;

/**
 * Lincheck model checking of a policy's counters ({@link PolicyMetrics}, what {@code RetryPolicy.metrics()}
 * reads): the events calls report (a call started, an attempt started, a call ended, a fast-path success) run
 * concurrently with reads of single counters, which must read as if the events had happened one at a time.
 * A call's events are separate steps, so a read during a call may see some of them (an attempt counted, its end
 * not yet); and a whole snapshot sums independent adders, so it is not atomic across counters: each counter is.
 */
class PolicyMetricsLincheckTest {

    /** A fifth of the shared invocations: every LongAdder step is a switch point, so each one costs much more. */
    @Test
    void counters_areLinearizable() {
        LincheckOptions.modelChecking()
                .invocationsPerIteration(Integer.getInteger("sc.lincheck.invocations", 500) / 5)
                .sequentialSpecification(CountersSpec.class).check(Counters.class);
    }

    /** The counters under test. */
    public static class Counters {
        private final PolicyMetrics metrics = new PolicyMetrics(true);

        @Operation
        public void firstTrySucceeded() {
            metrics.firstTrySucceeded();
        }

        @Operation
        public void callStarted() {
            metrics.callStarted();
        }

        @Operation
        public void firstAttemptStarted() {
            metrics.attemptStarted(1);
        }

        @Operation
        public void retryStarted() {
            metrics.attemptStarted(2);
        }

        @Operation
        public void callSucceeded() {
            metrics.callEnded(EndReason.SUCCESS);
        }

        @Operation
        public long calls() {
            return metrics.snapshot().calls();
        }

        @Operation
        public long attempts() {
            return metrics.snapshot().attempts();
        }

        @Operation
        public long retries() {
            return metrics.snapshot().retries();
        }

        @Operation
        public long succeeded() {
            return metrics.snapshot().ended(EndReason.SUCCESS);
        }
    }

    /** The documented counting, one event at a time: a fast-path success is a call, an attempt and a success. */
    public static class CountersSpec {
        private long calls;
        private long attempts;
        private long retries;
        private long succeeded;

        public void firstTrySucceeded() {
            calls++;
            attempts++;
            succeeded++;
        }

        public void callStarted() {
            calls++;
        }

        public void firstAttemptStarted() {
            attempts++;
        }

        public void retryStarted() {
            attempts++;
            retries++;
        }

        public void callSucceeded() {
            succeeded++;
        }

        public long calls() {
            return calls;
        }

        public long attempts() {
            return attempts;
        }

        public long retries() {
            return retries;
        }

        public long succeeded() {
            return succeeded;
        }
    }
}
