package dev.selftune.measure;

import dev.selftune.api.Measurement;
import dev.selftune.api.Speedup;

/**
 * A fresh, interleaved re-measurement of a baseline and a candidate: per-fork scores in pair order
 * (element i of both arrays come from adjacent forks) and each side's aggregate measurement.
 */
public record Confirmation(double[] baselineForkScores, double[] candidateForkScores, Measurement baseline, Measurement candidate) {
    public Confirmation {
        if (baselineForkScores.length != candidateForkScores.length || baselineForkScores.length == 0) {
            throw new IllegalArgumentException("a confirmation needs equally many (>= 1) baseline and candidate forks, got "
                    + baselineForkScores.length + " and " + candidateForkScores.length);
        }
        baselineForkScores = baselineForkScores.clone();
        candidateForkScores = candidateForkScores.clone();
    }

    /** Number of fork pairs. */
    public int pairs() {
        return baselineForkScores.length;
    }

    /** The paired speedup of the candidate over the baseline. */
    public Speedup speedup(double confidence) {
        return Stats.pairedSpeedup(baselineForkScores, candidateForkScores, confidence);
    }

    @Override
    public double[] baselineForkScores() {
        return baselineForkScores.clone();
    }

    @Override
    public double[] candidateForkScores() {
        return candidateForkScores.clone();
    }
}
