package dev.secondchance.retry.testing;

import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;

/**
 * The model-checking options the Lincheck tests of the engine share: 10 iterations × 500 invocations of 3 threads
 * × 3 operations (plus 2 before and 1 after); deeper with {@code -Dsc.lincheck.iterations=100
 * -Dsc.lincheck.invocations=5000}.
 */
public final class LincheckOptions {

    private LincheckOptions() {}

    /** @return fresh options */
    public static ModelCheckingOptions modelChecking() {
        return new ModelCheckingOptions()
                .iterations(Integer.getInteger("sc.lincheck.iterations", 10))
                .invocationsPerIteration(Integer.getInteger("sc.lincheck.invocations", 500))
                .threads(3)
                .actorsPerThread(3)
                .actorsBefore(2)
                .actorsAfter(1)
                // the ratio budget sums ten slices under its lock: a bounded loop, not a spin
                .loopBound(1000);
    }
}
