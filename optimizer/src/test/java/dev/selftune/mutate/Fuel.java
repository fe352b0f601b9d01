package dev.selftune.mutate;

/**
 * The step counter the equivalence run's copies call at every backward jump ({@link StepFuel}):
 * public because the isolated copies of the subject class call it from another package.
 */
public final class Fuel {
    private static long left = Long.MAX_VALUE;
    private static long used;

    private Fuel() { }

    /** Thrown at the first step past the budget: an Error, so a subject's catch of Exception does not swallow it. */
    public static final class OutOfFuel extends Error {
        OutOfFuel() {
            super("ran past its step budget", null, false, false);
        }
    }

    public static void tick() {
        used++;
        if (--left < 0) {
            throw new OutOfFuel();
        }
    }

    static void fill(long steps) {
        left = steps;
        used = 0;
    }

    static long used() {
        return used;
    }
}
