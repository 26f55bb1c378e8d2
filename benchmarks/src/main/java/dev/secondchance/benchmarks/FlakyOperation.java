package dev.secondchance.benchmarks;

import java.io.IOException;

/**
 * An operation that fails with a pre-allocated {@link IOException} a fixed number of times, then succeeds
 * with the value of a {@link CheapOperation}. Call {@link #reset()} before each retried call so that every
 * benchmark invocation sees the same sequence: two failures, then a success.
 *
 * <p>The failure is an {@link IOException} because Second Chance's default classifiers retry transient
 * I/O failures; resilience4j and Failsafe retry every exception by default. It is created once, with an
 * empty stack trace, so throwing it allocates nothing and costs no stack walk.
 */
final class FlakyOperation {

    /** Failures before the success in each call. */
    static final int FAILURES = 2;

    private static final IOException FAILURE = new PreallocatedFailure();

    private final CheapOperation operation = new CheapOperation();
    private int failuresLeft;

    /** Arms the operation for the next call: {@value #FAILURES} failures, then a success. */
    void reset() {
        failuresLeft = FAILURES;
    }

    /**
     * One attempt.
     *
     * @return the value, once the failures are spent
     * @throws IOException the pre-allocated failure while failures are left
     */
    String get() throws IOException {
        if (failuresLeft > 0) {
            failuresLeft--;
            throw FAILURE;
        }
        return operation.get();
    }

    /** A transient I/O failure without a stack trace, allocated once. */
    private static final class PreallocatedFailure extends IOException {
        private static final long serialVersionUID = 1L;

        PreallocatedFailure() {
            super("simulated transient failure");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this; // no stack trace: the benchmark measures retry overhead, not stack walking
        }
    }
}
