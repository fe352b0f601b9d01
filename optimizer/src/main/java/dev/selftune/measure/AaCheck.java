package dev.selftune.measure;

import dev.selftune.api.Decision;
import dev.selftune.api.Speedup;
import dev.selftune.api.Variant;
import dev.selftune.inputs.InputSource;
import dev.selftune.target.Target;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Runs the decision on A/A pairs: the original against a candidate with the very same class bytes
 * under another variant id. Every {@code swap} is a false improvement; the issue allows at most 1 in 20.
 */
public final class AaCheck {
    private AaCheck() { }

    /* What it tests: the whole judge (fresh forks, ABBA order, paired t-interval on log ratios, the
     * CI-excludes-1 and minimum-effect rules), not just Stats. The two sides differ only in the path
     * of their class file and the spec's label, so any systematic difference is a bias of the
     * harness (ordering, drift, warm caches in the page cache) and shows up here.
     * Expected rate: a two-sided 95% interval lies above 1.0 by chance in 2.5% of A/A comparisons;
     * the sign test (all of 6 pairs one way: 1.6%) and the 5% minimum effect cut that further, so 20
     * comparisons should give 0 (rarely 1). Fewer than 6 pairs can never swap, so they are refused:
     * an A/A check that cannot fail proves nothing.
     * Cost: pairs x confirmPairs x 2 forks; with the tiny plan a fork is dominated by JVM start-up. */

    /** Decides {@code pairs} A/A comparisons; copies array arguments per call when the descriptor has any. */
    public static AaResult run(Target target, InputSource inputs, int pairs, ForkPlan plan, int confirmPairs,
                               Measurer m, double minSpeedup, double confidence) {
        return run(target, inputs, pairs, plan, confirmPairs, m, minSpeedup, confidence,
                BenchSpec.defaultCopyArgs(target.method().descriptor()), line -> { });
    }

    /** As {@link #run(Target, InputSource, int, ForkPlan, int, Measurer, double, double)}, reporting each pair to {@code progress}. */
    public static AaResult run(Target target, InputSource inputs, int pairs, ForkPlan plan, int confirmPairs,
                               Measurer m, double minSpeedup, double confidence, boolean copyArgs,
                               Consumer<String> progress) {
        if (pairs < 1) {
            throw new IllegalArgumentException("A/A check needs at least 1 pair, got " + pairs);
        }
        int minPairs = Stats.minPairsForSignTest(confidence);
        if (confirmPairs < minPairs) {
            throw new IllegalArgumentException("A/A check with " + confirmPairs + " confirmation pairs is vacuous: below "
                    + minPairs + " pairs no comparison can be decided swap at " + confidence + "; pass confirmPairs >= " + minPairs);
        }
        long start = System.nanoTime();
        Path dir = workDirOf(m);
        BenchSpec a = BenchSpec.of(target, Variant.ORIGINAL_ID, target.classBytes(), inputs, copyArgs, dir);
        List<Speedup> speedups = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        int swaps = 0;
        for (int i = 0; i < pairs; i++) {
            String id = "aa-" + (i + 1);
            Variant copy = new Variant(id, Variant.ORIGINAL_ID, List.of(), target.classBytes());
            BenchSpec b = BenchSpec.of(target, copy, inputs, copyArgs, dir);
            Confirmation c = m.confirm(a, b, confirmPairs, plan);
            Speedup s = c.hasCpuShares() ? c.cpuSpeedup(confidence) : c.speedup(confidence);   // the basis Decider uses
            Decision d = Decider.decide(copy, c, minSpeedup, confidence);
            speedups.add(s);
            if (d instanceof Decision.Swap) {
                swaps++;
                reasons.add("swap " + s);
            } else {
                reasons.add(((Decision.Keep) d).reason());
            }
            progress.accept(String.format(Locale.ROOT, "[selftune] A/A %d/%d: %s -> %s (%d false so far; wall %s; A %s, B %s ns/op; cpu share A %s, B %s)",
                    i + 1, pairs, s, d.label(), swaps, c.speedup(confidence), rounded(c.baselineForkScores()), rounded(c.candidateForkScores()),
                    rounded(c.baselineCpuShares()), rounded(c.candidateCpuShares())));
        }
        return new AaResult(pairs, swaps, speedups, reasons, (System.nanoTime() - start) / 1e9);
    }

    private static String rounded(double[] v) {
        return Arrays.toString(Arrays.stream(v).map(x -> x < 10 ? Math.round(x * 100) / 100.0 : Math.round(x)).toArray());
    }

    private static Path workDirOf(Measurer m) {
        return m.workDir().resolve("aa");
    }
}
