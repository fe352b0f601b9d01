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

    /* What it tests: the whole judge (fresh forks, ABBA order, the sequential looks of
     * SequentialConfirmer with their alpha spending, paired t-interval on log ratios, the sign test,
     * the CI-excludes-1 and minimum-effect rules), not just Stats. The two sides differ only in the
     * path of their class file and the spec's label, so any systematic difference is a bias of the
     * harness (ordering, drift, warm caches in the page cache) and shows up here.
     * Expected rate: the looks together spend at most (1 - confidence) / 2 = 2.5% one-sided, and the
     * 5% minimum effect cuts that further, so 20 comparisons should give 0 (rarely 1).
     * maxPairs caps how far a comparison may grow: give it what tune's budget affords (more looks are
     * more chances to cross by luck, so a larger cap is the harder test). Fewer than the first look's
     * pairs can never swap, so they are refused: an A/A check that cannot fail proves nothing. */

    /** Decides {@code comparisons} A/A comparisons; copies array arguments per call when the descriptor has any. */
    public static AaResult run(Target target, InputSource inputs, int comparisons, ForkPlan plan, int maxPairs,
                               Measurer m, double minSpeedup, double confidence) {
        return run(target, inputs, comparisons, plan, maxPairs, m, minSpeedup, confidence,
                BenchSpec.defaultCopyArgs(target.method().descriptor()), line -> { });
    }

    /** As {@link #run(Target, InputSource, int, ForkPlan, int, Measurer, double, double)}, reporting each comparison to {@code progress}. */
    public static AaResult run(Target target, InputSource inputs, int comparisons, ForkPlan plan, int maxPairs,
                               Measurer m, double minSpeedup, double confidence, boolean copyArgs,
                               Consumer<String> progress) {
        if (comparisons < 1) {
            throw new IllegalArgumentException("A/A check needs at least 1 comparison, got " + comparisons);
        }
        SequentialTest test = new SequentialTest(confidence);
        if (maxPairs < test.firstPairs()) {
            throw new IllegalArgumentException("A/A check with at most " + maxPairs + " confirmation pairs is vacuous: below "
                    + test.firstPairs() + " pairs no comparison can be decided swap at " + confidence + "; pass maxPairs >= "
                    + test.firstPairs());
        }
        long start = System.nanoTime();
        Path dir = workDirOf(m);
        BenchSpec a = BenchSpec.of(target, Variant.ORIGINAL_ID, target.classBytes(), inputs, copyArgs, dir);
        List<Speedup> speedups = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        int swaps = 0;
        for (int i = 0; i < comparisons; i++) {
            String id = "aa-" + (i + 1);
            Variant copy = new Variant(id, Variant.ORIGINAL_ID, List.of(), target.classBytes());
            BenchSpec b = BenchSpec.of(target, copy, inputs, copyArgs, dir);
            SequentialConfirmer.Outcome o = SequentialConfirmer.confirm(m.pairs(a, b, plan), copy, test, minSpeedup,
                    sofar -> maxPairs - sofar, done -> { });
            Confirmation c = o.confirmation();
            Decision d = o.decision();
            speedups.add(o.speedup());
            if (d instanceof Decision.Swap) {
                swaps++;
                reasons.add("swap " + o.speedup() + " after " + o.looks().size() + " look(s), " + o.pairs() + " pairs");
            } else {
                reasons.add(((Decision.Keep) d).reason());
            }
            progress.accept(String.format(Locale.ROOT, "[selftune] A/A %d/%d: %s -> %s after %d look(s), %d pairs (%d false so far; wall %s; A %s, B %s ns/op; cpu share A %s, B %s)",
                    i + 1, comparisons, o.speedup(), d.label(), o.looks().size(), o.pairs(), swaps, c.speedup(o.confidence()),
                    rounded(c.baselineForkScores()), rounded(c.candidateForkScores()),
                    rounded(c.baselineCpuShares()), rounded(c.candidateCpuShares())));
        }
        return new AaResult(comparisons, swaps, speedups, reasons, (System.nanoTime() - start) / 1e9);
    }

    private static String rounded(double[] v) {
        return Arrays.toString(Arrays.stream(v).map(x -> x < 10 ? Math.round(x * 100) / 100.0 : Math.round(x)).toArray());
    }

    private static Path workDirOf(Measurer m) {
        return m.workDir().resolve("aa");
    }
}
