package dev.selftune.measure;

import dev.selftune.api.Measurement;
import java.nio.file.Path;

/** A test {@link Measurer} that forwards everything to another; tests override the part they plant. */
public class ForwardingMeasurer implements Measurer {
    private final Measurer to;

    public ForwardingMeasurer(Measurer to) {
        this.to = to;
    }

    @Override
    public Measurement measure(BenchSpec spec, ForkPlan plan) {
        return to.measure(spec, plan);
    }

    @Override
    public PairSource pairs(BenchSpec baseline, BenchSpec candidate, ForkPlan plan) {
        return to.pairs(baseline, candidate, plan);
    }

    @Override
    public double[] lastForkCpuShares() {
        return to.lastForkCpuShares();
    }

    @Override
    public Path workDir() {
        return to.workDir();
    }

    @Override
    public String environmentKey() {
        return to.environmentKey();
    }
}
