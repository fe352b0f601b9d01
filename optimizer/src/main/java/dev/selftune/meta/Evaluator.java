package dev.selftune.meta;

import dev.selftune.api.TuneRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The fixed judge of the meta loop: class path, fork JVM, seed, per-target budget and the measurement
 * cache, and nothing a candidate policy can reach. Minimum speedup, confidence, input sizes and fork
 * plans are tune's defaults (or the targets file's line), the same for every policy of a run;
 * {@link #request} is the only place a tuning request is built, and the policy enters it only as the
 * policy file.
 */
public record Evaluator(List<Path> classpath, String javaBinary, long seed, Duration perTarget, Path cacheDir) {
    public Evaluator {
        classpath = List.copyOf(classpath);
        Objects.requireNonNull(javaBinary, "javaBinary");
        Objects.requireNonNull(perTarget, "perTarget");
    }

    /** The same judge over another cache directory (the held-out view of the ranking model). */
    public Evaluator withCacheDir(Path dir) {
        return new Evaluator(classpath, javaBinary, seed, perTarget, dir);
    }

    /** The request tuning {@code target} under the policy saved in {@code policyFile}. */
    public TuneRequest request(MetaTarget target, Path policyFile) {
        TuneRequest.Builder b = TuneRequest.builder()
                .classpath(classpath)
                .target(target.method())
                .budget(perTarget)
                .seed(seed)
                .javaBinary(javaBinary)
                .policyFile(policyFile)
                .cacheDir(cacheDir);
        if (target.inputs() != null) {
            b.inputsProvider(target.inputs());
        }
        if (target.fpTolerance() != null) {
            b.allowFpReassociation(target.fpTolerance());
        }
        if (target.sizes() != null) {
            b.sizes(target.sizes());
        }
        return b.build();
    }
}
