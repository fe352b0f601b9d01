package dev.selftune.measure;

import dev.selftune.api.Decision;
import dev.selftune.api.Measurement;
import dev.selftune.api.Speedup;
import dev.selftune.api.Variant;
import java.util.Locale;

/**
 * Turns a confirmation into a decision: swap only when the speedup's confidence interval lies
 * above 1.0 and the speedup reaches the minimum effect; otherwise keep the original and say why.
 */
public final class Decider {
    /** The defaults: 95% confidence, at least 5% faster. */
    public static final double DEFAULT_CONFIDENCE = 0.95;
    public static final double DEFAULT_MIN_SPEEDUP = 1.05;

    private Decider() { }

    /* Why forks are the unit of evidence: iterations inside a fork share one JIT compilation, one
     * code layout and one heap, so they agree with each other far more than two forks do (JMH's
     * JMHSample_13_RunToRun). Counting iterations as samples would shrink the interval by
     * sqrt(iterations) without any new information and let noise pass as a win. So the interval is
     * computed over fork pairs (Stats.pairedSpeedup).
     * Why ABBA: this machine is shared and its speed drifts (other JVMs, thermal/turbo state).
     * Pairing adjacent forks removes slow drift from each ratio, and alternating which side goes
     * first (A B | B A | A B ...) cancels a linear trend inside a pair too, so neither side is
     * systematically measured "later". See JmhMeasurer.confirm.
     * Why both criteria: a CI above 1.0 says "faster, probably"; the minimum effect says "by enough to
     * be worth a swap" and guards against tiny systematic effects (code alignment) being certified. */

    /** Decides from a confirmation run. */
    public static Decision decide(Variant candidate, Confirmation c, double minSpeedup, double confidence) {
        return decide(candidate, c.speedup(confidence), c.baseline(), c.candidate(), c.pairs(), minSpeedup, confidence);
    }

    /** Decides from a speedup already computed over {@code pairs} fork pairs. */
    public static Decision decide(Variant candidate, Speedup s, Measurement baseline, Measurement winner, int pairs,
                                  double minSpeedup, double confidence) {
        if (!(minSpeedup >= 1.0) || Double.isInfinite(minSpeedup)) {
            throw new IllegalArgumentException("minimum speedup must be >= 1.0 (1.05 means 5% faster), got " + minSpeedup);
        }
        String ci = String.format(Locale.ROOT, "speedup %s (%.0f%% CI over %d fork pairs)", s, confidence * 100, pairs);
        if (!(s.low() > 1.0)) {
            return new Decision.Keep(ci + (s.high() < 1.0 ? " shows the variant is slower" : " does not exclude 1.0")
                    + "; keeping the original");
        }
        if (!(s.ratio() >= minSpeedup)) {
            return new Decision.Keep(ci + String.format(Locale.ROOT, " is below the minimum effect %.2fx", minSpeedup)
                    + "; keeping the original");
        }
        return new Decision.Swap(candidate, s, baseline, winner);
    }
}
