package dev.selftune.search;

import dev.selftune.api.AaSummary;
import dev.selftune.api.TuneRequest;
import dev.selftune.generate.Policy;
import dev.selftune.inputs.InputSource;
import dev.selftune.inputs.Inputs;
import dev.selftune.measure.AaCheck;
import dev.selftune.measure.AaResult;
import dev.selftune.measure.JmhMeasurer;
import dev.selftune.target.Target;
import dev.selftune.target.TargetClassLoader;
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
        InputSource src = new InputSource(req.seed(), req.sizes(), req.inputsProvider(), req.inputsFile());
        try (TargetClassLoader loader = new TargetClassLoader(target.classpath(), target.method().owner(), target.classBytes())) {
            Inputs.check(target.method(), target.isStatic(), src, loader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean copyArgs = new Verifier(target, src, req.fpTolerance()).profile().mutatesArguments();
        Policy policy = req.policyFile() == null ? Policy.defaults() : PolicyFile.load(req.policyFile());
        int pairs = Math.max(Tuner.MIN_PAIRS, policy.confirmPairs());
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
