package dev.selftune.search;

import dev.selftune.api.Measurement;
import dev.selftune.api.Variant;
import dev.selftune.measure.BenchSpec;
import dev.selftune.measure.Confirmation;
import dev.selftune.measure.ForkPlan;
import dev.selftune.measure.Measurer;
import dev.selftune.measure.PairSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Measurer that runs no JVM: a spec's time is a fixed function of its class bytes (the original
 * 10 ns/op, a variant 5..15 ns/op), with a little alternating noise per fork, in screening and in
 * confirmation alike. Counts what it was asked.
 */
class PlantedMeasurer implements Measurer {
    final List<String> measured = new ArrayList<>();
    int pairBatches;
    private final Path workDir;
    private final byte[] original;
    private int forks;

    PlantedMeasurer(Path workDir, byte[] originalClass) {
        this.workDir = workDir;
        this.original = originalClass.clone();
    }

    /** The planted time of a class: 10 for the original, else 5..15 from its bytes' hash. */
    double planted(byte[] classBytes) {
        if (java.util.Arrays.equals(classBytes, original)) {
            return 10;
        }
        return 5 + Integer.parseInt(Variant.sha256(classBytes).substring(0, 4), 16) % 1000 / 100.0;
    }

    private double time(BenchSpec spec) {
        try {
            return planted(Files.readAllBytes(spec.classFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private double noisy(double t) {
        return t * (1 + ((forks++ % 2 == 0) ? 0.005 : -0.005));
    }

    @Override
    public Measurement measure(BenchSpec spec, ForkPlan plan) {
        measured.add(spec.label());
        double[] s = new double[plan.forks()];
        for (int i = 0; i < s.length; i++) {
            s[i] = noisy(time(spec));
        }
        return new Measurement(s[0], 0.05, "ns/op", s.length, plan.measurementIterations(), s);
    }

    @Override
    public PairSource pairs(BenchSpec baseline, BenchSpec candidate, ForkPlan plan) {
        List<Double> a = new ArrayList<>();
        List<Double> b = new ArrayList<>();
        return (n, done) -> {
            pairBatches++;
            for (int i = 0; i < n; i++) {
                a.add(noisy(time(baseline)));
                b.add(noisy(time(candidate)));
                done.accept(2 * a.size());
            }
            double[] x = a.stream().mapToDouble(Double::doubleValue).toArray();
            double[] y = b.stream().mapToDouble(Double::doubleValue).toArray();
            return new Confirmation(x, y, new Measurement(x[0], 0.1, "ns/op", x.length, 2, x),
                    new Measurement(y[0], 0.1, "ns/op", y.length, 2, y));
        };
    }

    @Override
    public double[] lastForkCpuShares() {
        return new double[0];
    }

    @Override
    public Path workDir() {
        return workDir;
    }

    @Override
    public String environmentKey() {
        return "planted-jvm | planted-cpu";
    }
}
