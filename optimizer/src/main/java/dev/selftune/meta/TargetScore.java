package dev.selftune.meta;

/**
 * What tuning one target under a policy reached: the confirmed speedup with its interval (a keep is
 * 1.0 [1.0, 1.0]: the original runs), the JMH forks the policy needed (screening measurements,
 * cached or not, times its screenForks, plus both sides of every confirmation pair), how many screening
 * measurements the cache answered and how many ran forks, and the decision. {@code winnerAt} is the
 * swapped variant's place among the {@code screened} variants in the order the search measured
 * them (1 = first; 0 for a keep or when not recorded): the evidence {@link PolicyMutator#informed}
 * proposes from.
 */
public record TargetScore(String target, double speedup, double low, double high, long measurements,
                          long cacheHits, long cacheMisses, String decision, int winnerAt, int screened) {
    /** A score without the search evidence (where the winner was found): winnerAt and screened 0. */
    public TargetScore(String target, double speedup, double low, double high, long measurements,
                       long cacheHits, long cacheMisses, String decision) {
        this(target, speedup, low, high, measurements, cacheHits, cacheMisses, decision, 0, 0);
    }

    public TargetScore {
        if (winnerAt < 0 || screened < 0 || winnerAt > Math.max(screened, 0) && screened > 0) {
            throw new IllegalArgumentException("target " + target + ": winnerAt " + winnerAt + " must be in 0.." + screened);
        }
        if (!(low > 0) || !(low <= speedup) || !(speedup <= high)) {
            throw new IllegalArgumentException("target " + target + " needs 0 < low <= speedup <= high, got "
                    + speedup + " [" + low + ", " + high + "]");
        }
        if (measurements < 0 || cacheHits < 0 || cacheMisses < 0) {
            throw new IllegalArgumentException("target " + target + ": measurements and cache counts must be >= 0");
        }
    }

    /** The original kept: no speedup, whatever the screening saw. */
    public static TargetScore keep(String target, long measurements, long cacheHits, long cacheMisses) {
        return new TargetScore(target, 1.0, 1.0, 1.0, measurements, cacheHits, cacheMisses, "keep-original");
    }
}
