package dev.selftune.measure;

import dev.selftune.api.Speedup;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Speedup of a candidate over a baseline from per-fork scores (time per operation, lower is
 * faster), with a Student-t confidence interval computed on log ratios.
 */
public final class Stats {
    private Stats() { }

    /* Why logs: a speedup is a ratio, and ratios are symmetric only on the log scale (2x faster and
     * 2x slower are +ln2 and -ln2). The mean log ratio exponentiated is the geometric mean speedup,
     * and exp of its t-interval is an interval for it that is never negative.
     * Why forks, not iterations: iterations inside one JVM share its JIT decisions, code layout and
     * heap placement, so they are strongly correlated; JMH itself shows that run-to-run variance
     * across forks dwarfs the within-fork error (JMHSample_12_Forking, JMHSample_13_RunToRun). Only
     * forks are independent samples, so n below is the number of forks (or fork pairs).
     * commons-math3 comes with jmh-core, which uses the same TDistribution for its score error. */

    /** Paired: ratio baseline[i]/candidate[i] per fork pair, t-interval on the mean log ratio. */
    public static Speedup pairedSpeedup(double[] baseline, double[] candidate, double confidence) {
        checkConfidence(confidence);
        if (baseline.length != candidate.length) {
            throw new IllegalArgumentException("paired speedup needs as many baseline as candidate forks, got "
                    + baseline.length + " and " + candidate.length);
        }
        int n = baseline.length;
        if (n < 2) {
            throw new IllegalArgumentException("paired speedup needs at least 2 fork pairs to state an interval, got " + n);
        }
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = Math.log(positive(baseline[i], "baseline", i)) - Math.log(positive(candidate[i], "candidate", i));
        }
        double mean = mean(d);
        double se = Math.sqrt(variance(d, mean) / n);
        return interval(mean, se, n - 1, confidence);
    }

    /** Unpaired (Welch): for racing variants measured in different forks; less powerful than paired. */
    public static Speedup unpairedSpeedup(double[] baseline, double[] candidate, double confidence) {
        checkConfidence(confidence);
        if (baseline.length < 2 || candidate.length < 2) {
            throw new IllegalArgumentException("unpaired speedup needs at least 2 forks on each side, got "
                    + baseline.length + " and " + candidate.length);
        }
        double[] lb = logs(baseline, "baseline");
        double[] lc = logs(candidate, "candidate");
        double mb = mean(lb);
        double mc = mean(lc);
        double vb = variance(lb, mb) / lb.length;
        double vc = variance(lc, mc) / lc.length;
        double se = Math.sqrt(vb + vc);
        double df = se == 0 ? 1 : (vb + vc) * (vb + vc)
                / (vb * vb / (lb.length - 1) + vc * vc / (lc.length - 1));
        return interval(mb - mc, se, df, confidence);
    }

    /** Geometric mean of positive values (the mean speedup across samples). */
    public static double geometricMean(double[] values) {
        return Math.exp(mean(logs(values, "value")));
    }

    private static Speedup interval(double meanLog, double se, double df, double confidence) {
        double half = se == 0 ? 0 : new TDistribution(null, df).inverseCumulativeProbability(0.5 + confidence / 2) * se;
        return new Speedup(Math.exp(meanLog), Math.exp(meanLog - half), Math.exp(meanLog + half));
    }

    private static double[] logs(double[] v, String side) {
        double[] l = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            l[i] = Math.log(positive(v[i], side, i));
        }
        return l;
    }

    private static double positive(double v, String side, int i) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(side + " fork score " + i + " is " + v
                    + ": scores must be positive and finite; a failed fork must be rejected, not scored");
        }
        return v;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double variance(double[] v, double mean) {
        double s = 0;
        for (double x : v) {
            s += (x - mean) * (x - mean);
        }
        return s / (v.length - 1);
    }

    private static void checkConfidence(double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), like 0.95, got " + confidence);
        }
    }
}
