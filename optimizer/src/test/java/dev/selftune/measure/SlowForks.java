package dev.selftune.measure;

import dev.selftune.api.Measurement;
import java.nio.file.Path;

/** A {@link FakeMeasurer} whose every screening fork takes a fixed time on a simulated nanosecond clock. */
public final class SlowForks implements Measurer {
    private final FakeMeasurer fake;
    private final long[] now;
    private final long nanosPerFork;

    /** {@code fake}'s measurements, each fork advancing {@code now[0]} by {@code nanosPerFork}. */
    public SlowForks(FakeMeasurer fake, long[] now, long nanosPerFork) {
        this.fake = fake;
        this.now = now;
        this.nanosPerFork = nanosPerFork;
    }

    @Override
    public Measurement measure(BenchSpec spec, ForkPlan plan) {
        now[0] += plan.forks() * nanosPerFork;
        return fake.measure(spec, plan);
    }

    @Override
    public PairSource pairs(BenchSpec baseline, BenchSpec candidate, ForkPlan plan) {
        return fake.pairs(baseline, candidate, plan);
    }

    @Override
    public double[] lastForkCpuShares() {
        return fake.lastForkCpuShares();
    }

    @Override
    public Path workDir() {
        return fake.workDir();
    }

    @Override
    public String environmentKey() {
        return fake.environmentKey();
    }
}
