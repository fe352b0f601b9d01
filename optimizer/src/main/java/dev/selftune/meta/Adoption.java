package dev.selftune.meta;

/**
 * The meta loop's honest comparisons. A candidate beats the incumbent only beyond noise: the lower
 * bound of its geometric-mean speedup exceeds the incumbent's geometric mean, or it reaches the same
 * speedup (each one's point inside the other's bounds) with at least 30% fewer measurements. A
 * held-out result vetoes when it is worse beyond noise: its upper bound below the incumbent's
 * held-out geometric mean, or (not faster) 30% more measurements.
 */
final class Adoption {
    static final double FEWER = 0.7;

    private Adoption() { }

    /** Why {@code candidate} beats {@code incumbent}, or null when it does not beyond noise. */
    static String beats(Utility candidate, Utility incumbent) {
        if (candidate.low() > incumbent.speedup()) {
            return String.format("faster: lower bound %.3fx above the incumbent's %.3fx", candidate.low(), incumbent.speedup());
        }
        boolean same = candidate.speedup() >= incumbent.low() && candidate.high() >= incumbent.speedup();
        if (same && candidate.measurements() <= FEWER * incumbent.measurements()) {
            return String.format("cheaper: the same speedup (%.3fx vs %.3fx) in %d measurements instead of %d",
                    candidate.speedup(), incumbent.speedup(), candidate.measurements(), incumbent.measurements());
        }
        return null;
    }

    /** Why the held-out result vetoes adoption, or null when it is not worse beyond noise. */
    static String heldOutWorse(Utility candidate, Utility incumbent) {
        if (candidate.high() < incumbent.speedup()) {
            return String.format("held-out worse: upper bound %.3fx below the incumbent's %.3fx",
                    candidate.high(), incumbent.speedup());
        }
        if (candidate.low() <= incumbent.speedup() && candidate.measurements() > incumbent.measurements() / FEWER) {
            return String.format("held-out costlier: %d measurements instead of %d for no faster result",
                    candidate.measurements(), incumbent.measurements());
        }
        return null;
    }

    /** Sort key for the best candidate of a generation: higher lower bound first, then fewer measurements. */
    static int compare(Utility a, Utility b) {
        int c = Double.compare(b.low(), a.low());
        if (c != 0) {
            return c;
        }
        c = Double.compare(b.speedup(), a.speedup());
        return c != 0 ? c : Long.compare(a.measurements(), b.measurements());
    }
}
