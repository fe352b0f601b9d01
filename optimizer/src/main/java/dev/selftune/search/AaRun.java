package dev.selftune.search;

import dev.selftune.api.AaSummary;
import dev.selftune.api.TuneRequest;
import dev.selftune.generate.Policy;
import dev.selftune.inputs.InputSource;
import dev.selftune.measure.AaCheck;
import dev.selftune.measure.AaResult;
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

    public static AaSummary run(TuneRequest req, int comparisons, Consumer<String> progress) {
        Target target = TargetLoader.load(req.classpath(), req.target());
        InputSource src = Tuner.inputsChecked(req, target);
        boolean copyArgs = new Verifier(target, src, req.fpTolerance()).profile().mutatesArguments();
        Policy policy = Tuner.policy(req);
        int pairs = Math.max(Tuner.minPairs(req.confidence()), policy.confirmPairs());
        try {
            JmhMeasurer m = new JmhMeasurer(req.javaBinary(), req.forkJvmArgs(), Files.createTempDirectory("selftune-aa-"));
            AaResult r = AaCheck.run(target, src, comparisons, Tuner.CONFIRM, pairs, m, req.minSpeedup(), req.confidence(),
                    copyArgs, progress);
            return new AaSummary(r.pairs(), r.falseSwaps(), r.speedups(), r.seconds());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a work directory for JMH", e);
        }
    }
}
