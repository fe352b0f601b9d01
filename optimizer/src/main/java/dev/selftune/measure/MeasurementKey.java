package dev.selftune.measure;

import dev.selftune.api.Variant;
import dev.selftune.inputs.InputSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The identity of a screening measurement: what ran (the class bytes' SHA-256, the method, the class
 * path), on what (inputs' seed, sizes, provider or captured file), how long (the fork plan) and where
 * (the measurer's JVM, CPU and flags). The variant's id is left out on purpose: the same bytes proposed
 * by another policy, or another run, are the same contestant.
 */
final class MeasurementKey {
    /** Bumped when GenericBenchmark or the stored format changes what a cached number means. */
    static final String FORMAT = "selftune-measurement-v2";

    private MeasurementKey() { }

    /*
     * Class path entries are keyed by path, and for files (jars) by size and modification time too: a
     * rebuilt dependency jar then misses. A class directory is keyed by its path only (walking it per
     * measurement would cost more than it saves); a changed class there that the method calls is the
     * one staleness this key does not see, and screening only ranks, confirmation re-measures.
     */
    static String of(BenchSpec spec, ForkPlan plan, String environment) {
        StringBuilder k = new StringBuilder(FORMAT).append('\n');
        k.append("class ").append(sha256(spec.classFile(), spec.label())).append('\n');
        k.append("method ").append(spec.className()).append('#').append(spec.methodName()).append(spec.descriptor())
                .append(spec.isStatic() ? " static" : " instance").append(spec.copyArgs() ? " copyArgs" : "")
                .append(spec.dropThrowingRows() ? " dropThrowingRows" : "").append('\n');
        InputSource in = spec.inputs();
        k.append("inputs seed=").append(in.seed()).append(" sizes=").append(Arrays.toString(in.sizes()))
                .append(" provider=").append(in.provider());
        if (in.file() != null) {
            k.append(" file=").append(sha256(in.file(), spec.label()));
        }
        k.append('\n').append("plan ").append(plan.forks()).append(" forks, ").append(plan.warmupIterations())
                .append(" warmup, ").append(plan.measurementIterations()).append(" measured x ")
                .append(plan.iterationTime().toMillis()).append(" ms\n");
        k.append("env ").append(environment).append('\n');
        for (Path p : spec.classpath()) {
            k.append("cp ").append(p.toAbsolutePath().normalize()).append(fileStamp(p)).append('\n');
        }
        return k.toString();
    }

    private static String fileStamp(Path p) {
        try {
            return Files.isRegularFile(p) ? " " + Files.size(p) + " " + Files.getLastModifiedTime(p).toMillis() : "";
        } catch (IOException e) {
            return " ?";
        }
    }

    private static String sha256(Path file, String label) {
        try {
            return Variant.sha256(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " to key the measurement of '" + label + "'", e);
        }
    }
}
