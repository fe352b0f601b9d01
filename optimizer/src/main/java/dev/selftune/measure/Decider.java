package dev.selftune.measure;

import dev.selftune.api.Decision;
import dev.selftune.api.Measurement;
import dev.selftune.api.Speedup;
import dev.selftune.api.Variant;
import java.util.Locale;

/**
 * Turns a confirmation into a decision: swap only when the speedup's confidence interval lies
 * above 1.0 by half the minimum effect, the speedup reaches the minimum effect and nearly every
 * fork pair agrees; otherwise
 * keep the original and say why, with the numbers.
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
     * be worth a swap" and guards against tiny systematic effects (code alignment) being certified.
     * Why also a sign test: the t-interval assumes roughly normal log ratios. On a contended machine
     * (load 15 on 2 cores was seen here; a fork's thread got 10-60% of a core) fork times are heavy
     * tailed and a few pairs can all land one way with a tight spread: t-only A/A runs with 4 pairs
     * gave 2 false swaps in 20 (1.56x [1.22, 2.00]). The sign test needs only independent, symmetric
     * pairs, which ABBA gives an A/A comparison; at 95% it needs all of >= 6 pairs (or 9 of 10).
     * Why CPU time: JMH's AverageTime is wall time, and under contention wall time measures the
     * scheduler: A/A forks of the same code scored 450..4100 ns/op while score x CPU share (the
     * thread's CPU time per op, measured around the same iterations) stayed within 280..330. So
     * when every fork's CPU share is known the interval is computed on CPU time per op; on a quiet
     * machine the share is ~1 and both agree. CPU time does not see GC pauses spent in other
     * threads, so the wall-clock point speedup must not contradict (>= 1.0) for a swap. */

    /** Decides from a confirmation run. */
    public static Decision decide(Variant candidate, Confirmation c, double minSpeedup, double confidence) {
        boolean cpu = c.hasCpuShares();
        Speedup wall = c.speedup(confidence);
        Speedup s = cpu ? c.cpuSpeedup(confidence) : wall;
        String basis = cpu ? "CPU-time speedup" : "speedup";
        Decision d = decide(candidate, s, c.baseline(), c.candidate(), c.pairs(), minSpeedup, confidence, basis);
        if (!(d instanceof Decision.Swap)) {
            return d;
        }
        double[] a = cpu ? c.baselineCpuTimes() : c.baselineForkScores();
        double[] b = cpu ? c.candidateCpuTimes() : c.candidateForkScores();
        double p = Stats.signTestP(a, b);
        if (p > (1 - confidence) / 2) {
            return new Decision.Keep(String.format(Locale.ROOT,
                    "%s %s (%s%% CI over %d fork pairs), but only %d of %d pairs favour the variant "
                            + "(sign test p = %.3f > %.3f; %d or more pairs, nearly all favouring it, are needed); keeping the original",
                    basis, s, percent(confidence), c.pairs(), favouring(a, b), c.pairs(), p, (1 - confidence) / 2,
                    Stats.minPairsForSignTest(confidence)));
        }
        if (cpu && wall.ratio() < 1.0) {
            return new Decision.Keep(String.format(Locale.ROOT,
                    "CPU-time speedup %s, but wall-clock speedup %s is below 1.0 (time lost outside the thread, GC?); keeping the original",
                    s, wall));
        }
        return d;
    }

    /** Decides from a speedup already computed over {@code pairs} fork pairs (interval and minimum effect only, no sign test). */
    public static Decision decide(Variant candidate, Speedup s, Measurement baseline, Measurement winner, int pairs,
                                  double minSpeedup, double confidence) {
        return decide(candidate, s, baseline, winner, pairs, minSpeedup, confidence, "speedup");
    }

    private static Decision decide(Variant candidate, Speedup s, Measurement baseline, Measurement winner, int pairs,
                                   double minSpeedup, double confidence, String basis) {
        if (!(minSpeedup >= 1.0) || Double.isInfinite(minSpeedup)) {
            throw new IllegalArgumentException("minimum speedup must be >= 1.0 (1.05 means 5% faster), got " + minSpeedup);
        }
        String ci = String.format(Locale.ROOT, "%s %s (%s%% CI over %d fork pairs)", basis, s, percent(confidence), pairs);
        if (!(s.low() > 1.0)) {
            return new Decision.Keep(ci + (s.high() < 1.0 ? " shows the variant is slower" : " does not exclude 1.0")
                    + "; keeping the original");
        }
        double floor = lowFloor(minSpeedup);
        if (!(s.low() > floor)) {
            return new Decision.Keep(ci + String.format(Locale.ROOT,
                    " excludes 1.0 but its low end is not above %.3fx, half the minimum effect: a fresh run of the same"
                            + " pair can land that much lower (JIT and code layout differ run to run); keeping the original", floor));
        }
        if (!(s.ratio() >= minSpeedup)) {
            return new Decision.Keep(ci + String.format(Locale.ROOT, " is below the minimum effect %.2fx", minSpeedup)
                    + "; keeping the original");
        }
        return new Decision.Swap(candidate, s, baseline, winner);
    }

    /*
     * Why the low end must clear half the minimum effect, not just 1.0: the interval describes the
     * forks of this run, but a second run of the same pair is not drawn from the same distribution.
     * Each run compiles afresh, and a large method's inlining and code layout can settle differently,
     * shifting the whole run. Seen: commons-math3's FFT with its loop unrolled x8 confirmed at 1.07x
     * [1.02, 1.13] over 6 pairs and re-measured at 0.94x [0.90, 0.99] in a fresh run (one that also
     * forked with -Xmx1g, which moves some results by itself: docs/libraries.md). A low end this
     * close to 1.0 is not evidence that survives a rerun; the margin costs little power (a variant
     * whose low end is still below it at look 1 gets the sequential test's next look when the budget
     * allows it) and can only remove swaps, never add one, so the A/A false-swap rate cannot rise.
     */
    /** The value the interval's low end must exceed: 1 + (minSpeedup - 1) / 2 (1.025 for the default 1.05). */
    public static double lowFloor(double minSpeedup) {
        return 1 + (minSpeedup - 1) / 2;
    }

    /** 0.95 as "95", 0.9667 as "96.7". */
    static String percent(double confidence) {
        String p = String.format(Locale.ROOT, "%.1f", confidence * 100);
        return p.endsWith(".0") ? p.substring(0, p.length() - 2) : p;
    }

    private static int favouring(double[] a, double[] b) {
        int k = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] > b[i]) {
                k++;
            }
        }
        return k;
    }
}
