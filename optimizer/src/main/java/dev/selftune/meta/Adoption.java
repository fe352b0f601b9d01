package dev.selftune.meta;

/**
 * The meta loop's honest comparisons. A candidate beats the incumbent only beyond noise: its
 * geometric-mean speedup is above the incumbent's by more than both intervals' noise together (in
 * logs: the difference exceeds the root of the sum of the two squared half-widths; against an
 * incumbent measured without noise that is "the candidate's lower bound above the incumbent's
 * mean"), or it reaches the same speedup (each one's point inside the other's bounds) with at
 * least 30% fewer measurements. A held-out result vetoes when it is worse beyond noise: its upper
 * bound below the incumbent's held-out geometric mean, or (not faster) 30% more measurements; the
 * veto ignores the incumbent's own noise on purpose, so that in doubt it vetoes.
 */
final class Adoption {
    static final double FEWER = 0.7;

    private Adoption() { }

    /** Why {@code candidate} beats {@code incumbent}, or null when it does not beyond noise. */
    static String beats(Utility candidate, Utility incumbent) {
        /*
         * Until 2026-12-01 "faster" was candidate.low > incumbent.speedup: the incumbent, scored once, counted as
         * exact. In a three-seed run a generation 0 whose matrix-multiply confirmation came out low (6.5x; 7.6x
         * elsewhere) made 3.45x [3.31, 3.60] "faster" than 3.23x [3.00, 3.48], and the adopted policy then did
         * worse on the held-out targets (1.57x vs 1.71x) with more forks.
         */
        double apart = Math.log(candidate.speedup() / incumbent.speedup());
        double noise = Math.hypot(halfWidth(candidate), halfWidth(incumbent));
        if (apart > noise) {
            return String.format("faster: %.3fx [%.3f, %.3f] against the incumbent's %.3fx [%.3f, %.3f], apart beyond both"
                    + " intervals' noise", candidate.speedup(), candidate.low(), candidate.high(), incumbent.speedup(),
                    incumbent.low(), incumbent.high());
        }
        boolean same = candidate.speedup() >= incumbent.low() && candidate.high() >= incumbent.speedup();
        if (same && candidate.measurements() <= FEWER * incumbent.measurements()) {
            return String.format("cheaper: the same speedup (%.3fx vs %.3fx) in %d measurements instead of %d",
                    candidate.speedup(), incumbent.speedup(), candidate.measurements(), incumbent.measurements());
        }
        return null;
    }

    /* Half the width of u's interval in logs: the noise of its geometric mean. */
    private static double halfWidth(Utility u) {
        return (Math.log(u.high()) - Math.log(u.low())) / 2;
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
