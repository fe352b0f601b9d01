package dev.selftune.measure;

import dev.selftune.api.Basis;
import dev.selftune.api.Measurement;
import dev.selftune.api.Speedup;
import java.util.Arrays;

/**
 * A fresh, interleaved re-measurement of a baseline and a candidate: per-fork scores in pair order
 * (element i of both arrays come from adjacent forks), each side's aggregate measurement, and per
 * fork the share of wall time the benchmark thread was on a CPU (NaN when unknown).
 */
public record Confirmation(double[] baselineForkScores, double[] candidateForkScores, Measurement baseline, Measurement candidate,
                           double[] baselineCpuShares, double[] candidateCpuShares) {
    public Confirmation {
        if (baselineForkScores.length != candidateForkScores.length || baselineForkScores.length == 0) {
            throw new IllegalArgumentException("a confirmation needs equally many (>= 1) baseline and candidate forks, got "
                    + baselineForkScores.length + " and " + candidateForkScores.length);
        }
        if (baselineCpuShares.length != baselineForkScores.length || candidateCpuShares.length != candidateForkScores.length) {
            throw new IllegalArgumentException("a confirmation needs one CPU share per fork (NaN when unknown)");
        }
        baselineForkScores = baselineForkScores.clone();
        candidateForkScores = candidateForkScores.clone();
        baselineCpuShares = baselineCpuShares.clone();
        candidateCpuShares = candidateCpuShares.clone();
    }

    /** Without CPU shares (unknown). */
    public Confirmation(double[] baselineForkScores, double[] candidateForkScores, Measurement baseline, Measurement candidate) {
        this(baselineForkScores, candidateForkScores, baseline, candidate,
                nans(baselineForkScores.length), nans(candidateForkScores.length));
    }

    /** Number of fork pairs. */
    public int pairs() {
        return baselineForkScores.length;
    }

    /** The paired speedup of the candidate over the baseline. */
    public Speedup speedup(double confidence) {
        return Stats.pairedSpeedup(baselineForkScores, candidateForkScores, confidence);
    }

    /** True when every fork's CPU share is known, so {@link #cpuSpeedup} can be computed. */
    public boolean hasCpuShares() {
        return !Double.isNaN(minCpuShare());
    }

    /**
     * The paired speedup in CPU time per operation (each fork's score times its CPU share): what the
     * code costs, without the time the thread waited for a core. Requires {@link #hasCpuShares()}.
     */
    public Speedup cpuSpeedup(double confidence) {
        if (!hasCpuShares()) {
            throw new IllegalStateException("CPU shares are unknown for this confirmation; use speedup(confidence)");
        }
        return Stats.pairedSpeedup(times(baselineForkScores, baselineCpuShares), times(candidateForkScores, candidateCpuShares), confidence)
                .withBasis(Basis.CPU);
    }

    /** Per-fork CPU time per operation of the baseline (score x share), in the scores' unit. */
    public double[] baselineCpuTimes() {
        return times(baselineForkScores, baselineCpuShares);
    }

    /** Per-fork CPU time per operation of the candidate (score x share), in the scores' unit. */
    public double[] candidateCpuTimes() {
        return times(candidateForkScores, candidateCpuShares);
    }

    /** The lowest CPU share of any fork on either side, or NaN when unknown. */
    public double minCpuShare() {
        double min = Double.POSITIVE_INFINITY;
        for (double[] side : new double[][] {baselineCpuShares, candidateCpuShares}) {
            for (double s : side) {
                if (Double.isNaN(s)) {
                    return Double.NaN;
                }
                min = Math.min(min, s);
            }
        }
        return min;
    }

    @Override
    public double[] baselineForkScores() {
        return baselineForkScores.clone();
    }

    @Override
    public double[] candidateForkScores() {
        return candidateForkScores.clone();
    }

    @Override
    public double[] baselineCpuShares() {
        return baselineCpuShares.clone();
    }

    @Override
    public double[] candidateCpuShares() {
        return candidateCpuShares.clone();
    }

    private static double[] times(double[] scores, double[] shares) {
        double[] t = new double[scores.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = scores[i] * shares[i];
        }
        return t;
    }

    private static double[] nans(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }
}
