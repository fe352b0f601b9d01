package dev.selftune.measure;

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

    private static double[] nans(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }
}
