package dev.selftune.search;

import dev.selftune.api.TuneRequest;
import dev.selftune.api.Variant;
import dev.selftune.inputs.InputSource;
import dev.selftune.target.Target;
import dev.selftune.target.TargetClassLoader;
import dev.selftune.target.TargetLoader;
import dev.selftune.verify.Verifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The first half of a tuning run, without JMH: load the target, generate its variants under the
 * request's policy and verify each against the original. What the generator-throughput benchmark
 * ({@code jmh-benchmarks}, {@code GeneratorThroughputBenchmark}) times, since it is the part of
 * selftune's own work that selftune's transforms could speed up.
 */
public final class Proposals {
    private Proposals() { }

    /** How many variants the request's target gave and how many of them passed verification. */
    public record Count(int generated, int passed) { }

    /** Generates and verifies every variant of {@code req.target()} as tune does (the cap counts verified ones); measures nothing. */
    public static Count run(TuneRequest req) {
        Target target = TargetLoader.load(req.classpath(), req.target());
        InputSource src = Tuner.inputsChecked(req, target);
        Verifier verifier = new Verifier(target, src, req.fpTolerance());
        verifier.profile();
        int[] passed = {0};
        List<Variant> variants;
        try (TargetClassLoader resources = new TargetClassLoader(target.classpath(), target.method().owner(), target.classBytes())) {
            variants = Tuner.generator(req, target, src, Tuner.policy(req), resources, verifier).generate(target.method().name(),
                    target.method().descriptor(), target.classBytes(), v -> {
                        boolean ok = verifier.verify(v).passed();
                        passed[0] += ok ? 1 : 0;
                        return ok;
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Count(variants.size(), passed[0]);
    }
}
