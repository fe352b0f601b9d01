package dev.selftune.meta;

/**
 * What tuning one target under a policy reached: the confirmed speedup with its interval (a keep is
 * 1.0 [1.0, 1.0]: the original runs), the JMH forks the policy needed (screening measurements,
 * cached or not, times its screenForks, plus both sides of every confirmation pair), how many screening
 * measurements the cache answered and how many ran forks, and the decision.
 */
public record TargetScore(String target, double speedup, double low, double high, long measurements,
                          long cacheHits, long cacheMisses, String decision) {
    public TargetScore {
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
