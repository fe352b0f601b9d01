package dev.selftune.measure;

import dev.selftune.api.Measurement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.util.ListStatistics;

/**
 * Per-fork results of JMH runs of one spec: each fork's mean, its measured iteration scores, and
 * the share of wall time its thread was on a CPU during those iterations (NaN when unknown).
 */
record ForkResults(String label, String unit, double[] forkScores, List<double[]> iterationScores, double[] cpuShares) {

    /* JMH returns one RunResult per benchmark; its BenchmarkResults are the forks, in order, and each
     * BenchmarkResult's primary result is that fork's mean over its measured iterations (warm-up
     * iterations are not in getIterationResults()). A run that yields fewer forks or iterations than
     * planned, or a non-finite score, is a failure: the variant gets no score at all (invariant 1). */
    static ForkResults of(String label, Collection<RunResult> results, ForkPlan plan, Path log, Path cpuLog) {
        if (results == null || results.size() != 1) {
            throw new MeasureFailure(label, "JMH returned " + (results == null ? 0 : results.size())
                    + " benchmark results, expected 1 (did a fork crash?)" + (log == null ? "" : JmhLog.forkException(log)),
                    log, JmhLog.tail(log), null);
        }
        RunResult rr = results.iterator().next();
        Collection<BenchmarkResult> forks = rr.getBenchmarkResults();
        if (forks.size() != plan.forks()) {
            throw new MeasureFailure(label, "JMH returned " + forks.size() + " fork results, planned " + plan.forks(),
                    log, JmhLog.tail(log), null);
        }
        double[] means = new double[forks.size()];
        List<double[]> its = new ArrayList<>();
        int f = 0;
        for (BenchmarkResult br : forks) {
            Collection<IterationResult> irs = br.getIterationResults();
            if (irs.size() != plan.measurementIterations()) {
                throw new MeasureFailure(label, "fork " + f + " returned " + irs.size() + " iterations, planned "
                        + plan.measurementIterations(), log, JmhLog.tail(log), null);
            }
            double[] s = new double[irs.size()];
            int i = 0;
            for (IterationResult ir : irs) {
                s[i++] = finite(label, ir.getPrimaryResult().getScore(), "fork " + f + " iteration " + i, log);
            }
            means[f] = finite(label, br.getPrimaryResult().getScore(), "fork " + f, log);
            its.add(s);
            f++;
        }
        return new ForkResults(label, rr.getPrimaryResult().getScoreUnit(), means, its, JmhLog.cpuSharesPerFork(cpuLog, plan));
    }

    /** The forks of several runs of the same spec, in order. */
    static ForkResults concat(List<ForkResults> runs) {
        List<Double> means = new ArrayList<>();
        List<Double> shares = new ArrayList<>();
        List<double[]> its = new ArrayList<>();
        for (ForkResults r : runs) {
            for (int i = 0; i < r.forkScores.length; i++) {
                means.add(r.forkScores[i]);
                shares.add(r.cpuShares[i]);
            }
            its.addAll(r.iterationScores);
        }
        return new ForkResults(runs.get(0).label, runs.get(0).unit,
                means.stream().mapToDouble(Double::doubleValue).toArray(), its,
                shares.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** JMH's aggregate: mean of every measured iteration, error at 99.9% (as JMH prints it). */
    static Measurement aggregate(ForkResults r, int iterationsPerFork) {
        ListStatistics stats = new ListStatistics();
        for (double[] fork : r.iterationScores) {
            for (double s : fork) {
                stats.addValue(s);
            }
        }
        double error = stats.getMeanErrorAt(0.999);
        return new Measurement(stats.getMean(), Double.isNaN(error) ? 0 : error, r.unit,
                r.forkScores.length, iterationsPerFork, r.forkScores);
    }

    private static double finite(String label, double v, String where, Path log) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new MeasureFailure(label, where + " scored " + v + ": not a positive finite time", log, JmhLog.tail(log), null);
        }
        return v;
    }
}
