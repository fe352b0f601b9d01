package dev.selftune.measure;

import dev.selftune.api.Measurement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/** A Measurer that runs no JVM: each measure returns the next score (1, 2, 3, ... ns/op per fork) and records what it was asked. */
public final class FakeMeasurer implements Measurer {
    public final List<ForkPlan> plans = new ArrayList<>();
    public final List<String> measured = new ArrayList<>();
    public int confirms;
    private final Path workDir;
    private final String env;
    private int next;

    public FakeMeasurer(Path workDir, String env) {
        this.workDir = workDir;
        this.env = env;
    }

    @Override
    public Measurement measure(BenchSpec spec, ForkPlan plan) {
        plans.add(plan);
        measured.add(spec.label());
        double[] scores = new double[plan.forks()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = ++next;
        }
        return new Measurement(scores[0], 0.5, "ns/op", plan.forks(), plan.measurementIterations(), scores);
    }

    @Override
    public Confirmation confirm(BenchSpec baseline, BenchSpec candidate, int pairs, ForkPlan plan, IntConsumer forkDone) {
        confirms++;
        double[] a = new double[pairs];
        double[] b = new double[pairs];
        for (int i = 0; i < pairs; i++) {
            a[i] = 10 + i;
            b[i] = 5 + i;
            forkDone.accept(2 * i + 2);
        }
        return new Confirmation(a, b, new Measurement(10, 1, "ns/op", pairs, 2, a), new Measurement(5, 1, "ns/op", pairs, 2, b));
    }

    /** Each addPairs counts as one confirmation of that many pairs (the fake does not accumulate). */
    @Override
    public PairSource pairs(BenchSpec baseline, BenchSpec candidate, ForkPlan plan) {
        return (n, done) -> confirm(baseline, candidate, n, plan, done);
    }

    @Override
    public double[] lastForkCpuShares() {
        double[] s = new double[plans.isEmpty() ? 0 : plans.get(plans.size() - 1).forks()];
        java.util.Arrays.fill(s, 0.75);
        return s;
    }

    @Override
    public Path workDir() {
        return workDir;
    }

    @Override
    public String environmentKey() {
        return env;
    }
}
