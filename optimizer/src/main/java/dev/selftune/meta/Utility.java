package dev.selftune.meta;

import java.util.List;

/**
 * A policy's meta-utility on a set of targets: the geometric mean of the confirmed speedups, with
 * the geometric means of the per-target interval ends as its conservative bounds, and the JMH
 * measurements spent in all. The bounds are not a joint confidence interval: taking every target's
 * lower end at once is more pessimistic than one, which is the side the adoption rule must err on.
 */
public record Utility(double speedup, double low, double high, long measurements, long cacheHits, long cacheMisses,
                      List<TargetScore> targets) {
    public Utility {
        targets = List.copyOf(targets);
        if (!(low > 0) || !(low <= speedup + 1e-12) || !(speedup <= high + 1e-12)) {
            throw new IllegalArgumentException("utility needs 0 < low <= speedup <= high, got "
                    + speedup + " [" + low + ", " + high + "]");
        }
    }

    public static Utility of(List<TargetScore> scores) {
        if (scores.isEmpty()) {
            throw new IllegalArgumentException("a utility needs at least one target score");
        }
        double s = 0;
        double lo = 0;
        double hi = 0;
        long m = 0;
        long hits = 0;
        long misses = 0;
        for (TargetScore t : scores) {
            s += Math.log(t.speedup());
            lo += Math.log(t.low());
            hi += Math.log(t.high());
            m += t.measurements();
            hits += t.cacheHits();
            misses += t.cacheMisses();
        }
        int n = scores.size();
        double speedup = Math.exp(s / n);
        return new Utility(speedup, Math.min(speedup, Math.exp(lo / n)), Math.max(speedup, Math.exp(hi / n)),
                m, hits, misses, scores);
    }

    /** Speedup per log-measurement is not a number anyone can read; the report shows both parts. */
    @Override
    public String toString() {
        return String.format("%.3fx [%.3f, %.3f] in %d measurements", speedup, low, high, measurements);
    }
}
