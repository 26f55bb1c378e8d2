package dev.secondchance.benchmarks;

/**
 * The operation every benchmark wraps: a cheap method that returns a value held in a field, so it
 * allocates nothing and cannot be constant-folded. It is the "bare" cost that {@link BareCallBenchmark}
 * measures and that each retry library adds its overhead to.
 */
final class CheapOperation {

    private final String value = "ok";

    /**
     * Returns the value.
     *
     * @return the same non-null string every time
     */
    String get() {
        return value;
    }
}
