package netlab.netlink.testing;

import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A small property-test harness: runs a check against many seeded random inputs. A failure names
 * the seed of the failing trial; {@code -Dnetlab.property.seed=SEED} replays just that trial.
 */
public final class Property {
    private static final String SEED_PROPERTY = "netlab.property.seed";

    private Property() {}

    /** Runs {@code check} {@code trials} times, each with its own reproducible random source. */
    public static void forAll(String name, int trials, Consumer<SplittableRandom> check) {
        String replay = System.getProperty(SEED_PROPERTY);
        if (replay != null) {
            runOne(name, Long.parseLong(replay), check);
            return;
        }
        long base = name.hashCode() * 0x9E3779B97F4A7C15L;
        for (int trial = 0; trial < trials; trial++) {
            runOne(name, base + trial, check);
        }
    }

    private static void runOne(String name, long seed, Consumer<SplittableRandom> check) {
        try {
            check.accept(new SplittableRandom(seed));
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("property '" + name + "' failed for seed " + seed
                    + " (replay with -D" + SEED_PROPERTY + "=" + seed + "): " + e.getMessage(), e);
        }
    }
}
