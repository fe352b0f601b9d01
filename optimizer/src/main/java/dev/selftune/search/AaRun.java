package dev.selftune.search;

import dev.selftune.api.AaSummary;
import dev.selftune.api.TuneException;
import dev.selftune.api.TuneRequest;
import dev.selftune.inputs.InputSource;
import dev.selftune.measure.AaCheck;
import dev.selftune.measure.AaResult;
import dev.selftune.measure.ForkPlan;
import dev.selftune.measure.SequentialTest;
import dev.selftune.measure.JmhMeasurer;
import dev.selftune.target.Target;
import dev.selftune.target.TargetLoader;
import dev.selftune.verify.Verifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.function.Consumer;

/**
 * The false-improvement check: the exact decision {@code tune} makes (same confirmation plan, same
 * pairs, same thresholds) run on A/A comparisons of the target against a byte-identical copy.
 */
public final class AaRun {
    private AaRun() { }

    /**
     * Runs {@code comparisons} A/A decisions, each allowed to grow by sequential looks up to
     * {@code maxPairs} fork pairs (what tune's budget would afford; more is the harder test).
     */
    public static AaSummary run(TuneRequest req, int comparisons, int maxPairs, Consumer<String> progress) {
        int first = new SequentialTest(req.confidence()).firstPairs();
        if (maxPairs < first || maxPairs > SequentialTest.MAX_PAIRS) {
            throw new TuneException("--max-pairs", "--max-pairs " + maxPairs + " is outside " + first + ".." + SequentialTest.MAX_PAIRS
                    + ": below " + first + " pairs no comparison can be decided swap, and tune never confirms with more than "
                    + SequentialTest.MAX_PAIRS + "; like --max-pairs 15");
        }
        Target target = TargetLoader.load(req.classpath(), req.target());
        InputSource src = Tuner.inputsChecked(req, target);
        boolean copyArgs = new Verifier(target, src, req.fpTolerance()).profile().mutatesArguments();
        try {
            JmhMeasurer m = new JmhMeasurer(req.javaBinary(), req.forkJvmArgs(), Files.createTempDirectory("selftune-aa-"));
            AaResult r = AaCheck.run(target, src, comparisons, ForkPlan.confirmation(), maxPairs, m, req.minSpeedup(), req.confidence(),
                    copyArgs, progress);
            return new AaSummary(r.pairs(), r.falseSwaps(), r.speedups(), r.seconds());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a work directory for JMH", e);
        }
    }
}
