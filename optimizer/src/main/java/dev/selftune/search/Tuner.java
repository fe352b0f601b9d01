package dev.selftune.search;

import dev.selftune.api.Decision;
import dev.selftune.api.Measurement;
import dev.selftune.api.Progress;
import dev.selftune.api.Speedup;
import dev.selftune.api.TuneException;
import dev.selftune.api.TuneRequest;
import dev.selftune.api.TuneResult;
import dev.selftune.api.Variant;
import dev.selftune.api.VariantResult;
import dev.selftune.api.Verdict;
import dev.selftune.generate.ClassBytes;
import dev.selftune.generate.Generator;
import dev.selftune.generate.Policy;
import dev.selftune.generate.TransformContext;
import dev.selftune.inputs.InputSource;
import dev.selftune.inputs.Inputs;
import dev.selftune.measure.BenchSpec;
import dev.selftune.measure.Confirmation;
import dev.selftune.measure.Decider;
import dev.selftune.measure.ForkPlan;
import dev.selftune.measure.JmhMeasurer;
import dev.selftune.measure.MeasureFailure;
import dev.selftune.target.Target;
import dev.selftune.target.TargetClassLoader;
import dev.selftune.target.TargetLoader;
import dev.selftune.verify.OriginalProfile;
import dev.selftune.verify.Verifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One tuning run end to end: load and check the target, generate variants, verify each, race the
 * survivors with short JMH forks, confirm the best against the original in fresh interleaved forks,
 * and decide. The generator only proposes; {@link Verifier} and {@link Decider} judge.
 */
public final class Tuner {
    /** Screening forks: short, one JVM each; they only rank. */
    static final ForkPlan SCREEN = new ForkPlan(1, 3, 4, Duration.ofMillis(100));
    /** Confirmation forks: fresh JVMs, a little longer, interleaved with the baseline. */
    static final ForkPlan CONFIRM = new ForkPlan(1, 4, 5, Duration.ofMillis(100));
    /** The fewest confirmation pairs that can give a meaningful t-interval. */
    static final int MIN_PAIRS = 3;

    private Tuner() { }

    public static TuneResult run(TuneRequest req) {
        long start = System.nanoTime();
        Budget budget = new Budget(req.budget(), start);
        Progress progress = req.progress();
        budget.requireFeasible();

        progress.update("load", 0, 1, budget.left());
        Target target = TargetLoader.load(req.classpath(), req.target());
        InputSource src = new InputSource(req.seed(), req.sizes(), req.inputsProvider(), req.inputsFile());
        try (TargetClassLoader loader = new TargetClassLoader(target.classpath(), target.method().owner(), target.classBytes())) {
            Inputs.check(target.method(), target.isStatic(), src, loader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Policy policy = req.policyFile() == null ? Policy.defaults() : PolicyFile.load(req.policyFile());

        progress.update("profile original", 0, 1, budget.left());
        Verifier verifier = new Verifier(target, src, req.fpTolerance());
        OriginalProfile profile = verifier.profile();

        progress.update("generate", 0, 1, budget.left());
        TransformContext ctx = new TransformContext(req.fpReassociationAllowed(), req.fpTolerance(), policy);
        List<Variant> variants;
        try (TargetClassLoader resources = new TargetClassLoader(target.classpath(), target.method().owner(), target.classBytes())) {
            variants = new Generator(policy, ctx, ClassBytes.resourcesOf(resources)).generate(target.method(), target.classBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        List<Variant> passed = new ArrayList<>();
        int i = 0;
        for (Variant v : variants) {
            progress.update("verify", ++i, variants.size(), budget.left());
            Verdict verdict = verifier.verify(v);
            verdicts.put(v.id(), verdict);
            if (verdict.passed()) {
                passed.add(v);
            }
        }

        Variant original = new Variant(Variant.ORIGINAL_ID, null, List.of(), target.classBytes());
        Path work = workDir();
        JmhMeasurer measurer = new JmhMeasurer(req.javaBinary(), req.forkJvmArgs(), work);
        java.util.function.Function<Variant, BenchSpec> specs =
                v -> BenchSpec.of(target, v, src, profile.mutatesArguments(), work);
        Race race = new Race(measurer, budget, policy, progress, specs, SCREEN, original);

        /*
         * Split what is left: confirmation needs its pairs guaranteed, screening gets the rest. A
         * run that cannot afford MIN_PAIRS after screening the baseline keeps the original.
         */
        double left = budget.left() * 0.93;
        int pairs = Math.max(MIN_PAIRS, policy.confirmPairs());
        double confirmSeconds = (2 * pairs + 1) * budget.forkSeconds() * 1.2;
        double screenSeconds = Math.max(budget.forkSeconds() * 2, left - confirmSeconds);
        List<Race.Entry> entries = passed.isEmpty() ? List.of() : race.run(passed, screenSeconds);

        Decision decision;
        Measurement baseline;
        Map<String, VariantResult> results = new LinkedHashMap<>();
        Race.Entry best = passed.isEmpty() ? null : race.best();
        if (passed.isEmpty()) {
            baseline = measureBaselineOnly(measurer, specs.apply(original), budget);
            decision = new Decision.Keep(variants.isEmpty()
                    ? "no transform applies to this method" : "no variant passed verification");
        } else if (best == null) {
            baseline = race.aggregate(race.baseline());
            decision = new Decision.Keep("no verified variant beat the original in screening");
        } else {
            int affordable = (budget.forksFitting(budget.left() * 0.95) - 0) / 2;
            int p = Math.min(pairs, affordable);
            if (p < MIN_PAIRS) {
                baseline = race.aggregate(race.baseline());
                decision = new Decision.Keep("budget left room for only " + Math.max(0, p) + " confirmation pairs of "
                        + MIN_PAIRS + " needed; the screening winner " + best.variant.id() + " was not confirmed");
            } else {
                progress.update("confirm " + best.variant.id(), 0, p, budget.left());
                try {
                    double t0 = budget.elapsed();
                    Confirmation c = measurer.confirm(specs.apply(original), specs.apply(best.variant), p, CONFIRM);
                    budget.recordForks(2 * p, budget.elapsed() - t0);
                    baseline = c.baseline();
                    decision = Decider.decide(best.variant, c, req.minSpeedup(), req.confidence());
                    Speedup s = dev.selftune.measure.Stats.pairedSpeedup(c.baselineForkScores(), c.candidateForkScores(), req.confidence());
                    results.put(best.variant.id(), new VariantResult(best.variant, verdicts.get(best.variant.id()), c.candidate(), s,
                            "confirmed in " + p + " interleaved fork pairs"));
                } catch (MeasureFailure f) {
                    baseline = race.aggregate(race.baseline());
                    decision = new Decision.Keep("confirmation failed: " + f.getMessage());
                }
            }
        }

        List<VariantResult> all = new ArrayList<>();
        Map<String, Race.Entry> byId = new LinkedHashMap<>();
        for (Race.Entry e : entries) {
            byId.put(e.variant.id(), e);
        }
        for (Variant v : variants) {
            if (results.containsKey(v.id())) {
                all.add(results.get(v.id()));
                continue;
            }
            Verdict verdict = verdicts.get(v.id());
            Race.Entry e = byId.get(v.id());
            if (e != null && e.failure != null) {
                all.add(new VariantResult(v, new Verdict.Rejected("failed in its JMH fork: " + e.failure, null,
                        verdict.inputsChecked()), null, null, "rejected while measuring"));
            } else if (e != null && !e.forkScores.isEmpty()) {
                all.add(new VariantResult(v, verdict, race.aggregate(e), race.screeningSpeedup(e),
                        "screened in " + e.rounds + " round(s), " + e.forkScores.size() + " fork(s)"));
            } else {
                all.add(new VariantResult(v, verdict, null, null,
                        verdict.passed() ? "not measured: screening time ran out" : "rejected by verification"));
            }
        }
        Environment env = Environment.current();
        return new TuneResult(target.method(), env.jvmVersion(), env.jvmVendor(), env.cpu(), req.seed(),
                budget.total(), budget.elapsed(), baseline, all, decision, target.classBytes());
    }

    private static Measurement measureBaselineOnly(JmhMeasurer measurer, BenchSpec spec, Budget budget) {
        try {
            double t0 = budget.elapsed();
            Measurement m = measurer.measure(spec, SCREEN);
            budget.recordForks(SCREEN.forks(), budget.elapsed() - t0);
            return m;
        } catch (MeasureFailure f) {
            throw new TuneException("original", "the original method failed in its JMH fork: " + f.getMessage());
        }
    }

    private static Path workDir() {
        try {
            Path dir = Files.createTempDirectory("selftune-");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a work directory for JMH", e);
        }
    }
}
