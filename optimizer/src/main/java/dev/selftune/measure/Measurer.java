package dev.selftune.measure;

import dev.selftune.api.Measurement;
import java.nio.file.Path;
import java.util.function.IntConsumer;

/**
 * What the proposing side may ask of the judge's measuring: screen a spec under a fork plan, confirm
 * a candidate against its baseline in fresh interleaved forks. {@link JmhMeasurer} runs JMH here; a
 * cache ({@link CachingMeasurer}) or a remote executor can stand in front of it.
 */
public interface Measurer {
    /** Measures one spec in {@code plan.forks()} forks: score ± JMH's 99.9% error and per-fork means in ns/op. */
    Measurement measure(BenchSpec spec, ForkPlan plan);

    /**
     * Re-measures baseline (A) and candidate (B) in {@code pairs} fresh fork pairs, one fork per JMH run,
     * in ABBA order, telling {@code forkDone} how many forks finished; {@code plan.forks()} is ignored.
     */
    default Confirmation confirm(BenchSpec baseline, BenchSpec candidate, int pairs, ForkPlan plan, IntConsumer forkDone) {
        if (pairs < 2) {
            throw new IllegalArgumentException("confirmation needs at least 2 fork pairs to state an interval, got " + pairs);
        }
        return pairs(baseline, candidate, plan).addPairs(pairs, forkDone);
    }

    /** As {@link #confirm(BenchSpec, BenchSpec, int, ForkPlan, IntConsumer)} without progress. */
    default Confirmation confirm(BenchSpec baseline, BenchSpec candidate, int pairs, ForkPlan plan) {
        return confirm(baseline, candidate, pairs, plan, done -> { });
    }

    /**
     * A confirmation that can grow (the sequential looks): each {@code addPairs} runs that many more
     * fresh pairs, continuing the ABBA order, and returns the confirmation over all. Never cached.
     */
    PairSource pairs(BenchSpec baseline, BenchSpec candidate, ForkPlan plan);

    /** Per fork of the last {@link #measure}, the benchmark thread's CPU share over its iterations (NaN when unknown). */
    double[] lastForkCpuShares();

    /** True when the last {@link #measure} was answered without running a fork (a cache hit). */
    default boolean lastWasCached() {
        return false;
    }

    /**
     * When the last {@link #measure} was a cache hit, the wall seconds its forks took when they ran
     * (NaN when not a hit or not recorded): what the hit saved, which a budget charges so that a run
     * answered from the cache makes the choices a fresh run would (search's Budget).
     */
    default double lastCachedSeconds() {
        return Double.NaN;
    }

    /** Where specs, class files and logs go. */
    Path workDir();

    /**
     * Everything besides the spec and the plan that a measurement depends on: the forks' JVM (version,
     * vendor), the CPU model and the forks' JVM flags. Two measurers with equal keys measure alike.
     */
    String environmentKey();
}
