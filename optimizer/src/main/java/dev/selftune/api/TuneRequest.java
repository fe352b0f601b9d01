package dev.selftune.api;

import dev.selftune.measure.MeasurementCache;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What to tune and how hard: built with {@link #builder()}, validated on {@link Builder#build()}. */
public record TuneRequest(
        List<Path> classpath,
        MethodRef target,
        String inputsProvider,
        Path inputsFile,
        int[] sizes,
        Duration budget,
        long seed,
        Double fpTolerance,
        double minSpeedup,
        double confidence,
        Path policyFile,
        Path out,
        String javaBinary,
        List<String> forkJvmArgs,
        Progress progress,
        Path cacheDir) {

    public static final int[] DEFAULT_SIZES = {16, 1024, 65536};

    public TuneRequest {
        classpath = List.copyOf(classpath);
        forkJvmArgs = List.copyOf(forkJvmArgs);
        sizes = sizes.clone();
    }

    public boolean fpReassociationAllowed() {
        return fpTolerance != null;
    }

    /** Whether the rows are generated from {@link #sizes}: neither a provider nor a rows file was given. */
    public boolean generatedInputs() {
        return inputsProvider == null && inputsFile == null;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final List<Path> classpath = new ArrayList<>();
        private MethodRef target;
        private String inputsProvider;
        private Path inputsFile;
        private int[] sizes = DEFAULT_SIZES;
        private Duration budget = Duration.ofSeconds(120);
        private long seed = 1;
        private Double fpTolerance;
        private double minSpeedup = 1.05;
        private double confidence = 0.95;
        private Path policyFile;
        private Path out;
        private String javaBinary = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        private final List<String> forkJvmArgs = new ArrayList<>();
        private Progress progress = Progress.NONE;
        private Path cacheDir;

        public Builder classpath(List<Path> entries) { classpath.addAll(entries); return this; }
        public Builder classpathEntry(Path entry) { classpath.add(entry); return this; }
        public Builder target(MethodRef t) { target = t; return this; }
        public Builder target(String spec) { target = MethodRef.parse(spec); return this; }
        /** {@code com.acme.Inputs#rows}: a static no-arg method returning {@code Object[][]}. */
        public Builder inputsProvider(String spec) { inputsProvider = spec; return this; }
        /** A file of captured argument rows (written by the agent). */
        public Builder inputsFile(Path file) { inputsFile = file; return this; }
        public Builder sizes(int... s) { sizes = s.clone(); return this; }
        public Builder budget(Duration d) { budget = d; return this; }
        public Builder seed(long s) { seed = s; return this; }
        public Builder allowFpReassociation(double relativeTolerance) { fpTolerance = relativeTolerance; return this; }
        public Builder minSpeedup(double m) { minSpeedup = m; return this; }
        public Builder confidence(double c) { confidence = c; return this; }
        public Builder policyFile(Path p) { policyFile = p; return this; }
        public Builder out(Path dir) { out = dir; return this; }
        public Builder javaBinary(String java) { javaBinary = java; return this; }
        public Builder forkJvmArg(String arg) { forkJvmArgs.add(arg); return this; }
        public Builder progress(Progress p) { progress = p; return this; }
        /** Serve screening measurements from (and store them in) this measurement cache; null (the default) turns it off. */
        public Builder cacheDir(Path dir) { cacheDir = dir; return this; }
        /** The measurement cache in the user's cache directory ({@code $XDG_CACHE_HOME/selftune} or {@code ~/.cache/selftune}). */
        public Builder defaultCache() { cacheDir = MeasurementCache.defaultDirectory(); return this; }

        public TuneRequest build() {
            if (target == null) {
                throw new TuneException("--target", "no target: name the method with --target com.acme.Foo#bar");
            }
            if (classpath.isEmpty()) {
                throw new TuneException("--classpath", "no class path: pass --classpath with the jars and directories holding " + target.owner());
            }
            if (sizes.length == 0) {
                throw new TuneException("--sizes", "--sizes is empty: give at least one size, like --sizes 16,1024,65536");
            }
            for (int s : sizes) {
                if (s < 0 || s > 1 << 24) {
                    throw new TuneException("--sizes", "size " + s + " is outside 0.." + (1 << 24) + ": pick array sizes a real caller would pass");
                }
            }
            Objects.requireNonNull(budget, "budget");
            if (budget.isNegative() || budget.isZero()) {
                throw new TuneException("--budget", "budget " + budget + " must be positive, like --budget 120s");
            }
            if (fpTolerance != null && !(fpTolerance > 0 && fpTolerance < 1)) {
                throw new TuneException("--allow-fp-reassociation", "tolerance " + fpTolerance + " must be a relative error in (0, 1), like 1e-9");
            }
            if (!(minSpeedup >= 1.0)) {
                throw new TuneException("--min-speedup", "minimum speedup " + minSpeedup + " must be at least 1.0");
            }
            if (!(confidence > 0.5 && confidence < 1)) {
                throw new TuneException("--confidence", "confidence " + confidence + " must be in (0.5, 1), like 0.95");
            }
            if (inputsProvider != null && inputsFile != null) {
                throw new TuneException("--inputs", "pass either an --inputs provider or a captured inputs file, not both");
            }
            return new TuneRequest(classpath, target, inputsProvider, inputsFile, sizes, budget, seed, fpTolerance,
                    minSpeedup, confidence, policyFile, out, javaBinary, forkJvmArgs, progress, cacheDir);
        }
    }
}
