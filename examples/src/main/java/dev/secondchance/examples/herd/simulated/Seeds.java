package dev.secondchance.examples.herd.simulated;

/**
 * Derives the seed of each trial from the run's seed, the number of clients and the trial's index, so
 * that a result depends on nothing else (not on the thread that computed it, nor on the order). Every
 * schedule sees the same network seeds at the same point, which makes their comparison fairer.
 */
final class Seeds {

    private Seeds() {}

    /**
     * @param runSeed the seed given on the command line
     * @param clients the number of clients
     * @param trial the trial's index
     * @return a well-mixed seed for the trial
     */
    static long trialSeed(long runSeed, int clients, int trial) {
        return mix(mix(runSeed + 0x9E3779B97F4A7C15L * clients) + 0xC2B2AE3D27D4EB4FL * trial);
    }

    /** The finalizer of MurmurHash3: every input bit affects every output bit. */
    private static long mix(long value) {
        long z = value;
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }
}
