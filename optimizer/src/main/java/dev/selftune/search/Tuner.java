package dev.selftune.search;

import dev.selftune.api.CacheCounts;
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
import dev.selftune.measure.CachingMeasurer;
import dev.selftune.measure.Confirmation;
import dev.selftune.measure.Decider;
import dev.selftune.measure.ForkPlan;
import dev.selftune.measure.JmhLockTimeout;
import dev.selftune.measure.JmhMeasurer;
import dev.selftune.measure.MeasureFailure;
import dev.selftune.measure.Measurer;
import dev.selftune.measure.Stats;
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
import java.util.List;
import java.util.function.Function;

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

    /** The request's input source, checked against the target's parameters (a TuneException names what is wrong). */
    static InputSource inputsChecked(TuneRequest req, Target target) {
        InputSource src = new InputSource(req.seed(), req.sizes(), req.inputsProvider(), req.inputsFile());
        try (TargetClassLoader loader = new TargetClassLoader(target.classpath(), target.method().owner(), target.classBytes())) {
            Inputs.check(target.method(), target.isStatic(), src, loader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return src;
    }

    static Policy policy(TuneRequest req) {
        return req.policyFile() == null ? Policy.defaults() : PolicyFile.load(req.policyFile());
    }

    /** The fewest confirmation pairs that can ever decide swap: the t-interval's and the sign test's floor. */
    static int minPairs(double confidence) {
        return Math.max(MIN_PAIRS, Stats.minPairsForSignTest(confidence));
    }

    /**
     * Tunes {@code req.target()} within {@code req.budget()}. Waiting for another JMH process (JMH lets
     * one measure at a time per machine) is bounded by the budget left; past it the run stops with a
     * {@link TuneException} rather than overrun or measure next to it.
     */
    public static TuneResult run(TuneRequest req) {
        try {
            return tuneWithinBudget(req);
        } catch (JmhLockTimeout busy) {
            throw new TuneException("jmh.lock", busy.getMessage(), busy);
        }
    }

    private static TuneResult tuneWithinBudget(TuneRequest req) {
        long start = System.nanoTime();
        Budget budget = new Budget(req.budget(), start);
        Progress progress = req.progress();
        budget.requireFeasible();

        progress.update("load", 0, 1, budget.left());
        Target target = TargetLoader.load(req.classpath(), req.target());
        InputSource src = inputsChecked(req, target);
        Policy policy = policy(req);

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

        Variant original = new Variant(Variant.ORIGINAL_ID, null, List.of(), target.classBytes());
        Path work = workDir();
        Measurer measurer = CachingMeasurer.over(new JmhMeasurer(req.javaBinary(), req.forkJvmArgs(), work)
                .limitLockWait(() -> (long) (budget.left() * 1000)), req.cacheDir());
        Function<Variant, BenchSpec> specs = v -> BenchSpec.of(target, v, src, profile.mutatesArguments(), work);
        Race race = new Race(measurer, budget, policy, progress, specs, SCREEN, original);

        /*
         * Split what is left between screening and confirmation. Confirmation gets its pairs
         * reserved first (policy's count, at least MIN_PAIRS), screening the rest; a run whose
         * screening reaches no faster variant ends early, which is a good, honest answer.
         */
        int minPairs = minPairs(req.confidence());
        int pairs = Math.max(minPairs, policy.confirmPairs());
        double left = budget.left() * 0.92;
        double confirmSeconds = Math.min(left / 2, (2 * pairs + 1) * confirmForkSeconds(budget));
        double screenSeconds = Math.max(budget.forkSeconds() * 2, left - confirmSeconds);
        List<Race.Entry> entries;
        try {
            entries = variants.isEmpty() ? List.of() : race.run(variants, verifier::verify, screenSeconds);
        } catch (MeasureFailure f) {
            throw new TuneException(target.method().toString(), "the original method fails in a JMH fork ("
                    + f.getMessage() + "): check that it runs outside your application, or pass --inputs");
        }

        Decision decision;
        Measurement baseline;
        VariantResult confirmed = null;
        Race.Entry best = entries.isEmpty() ? null : race.best();
        if (variants.isEmpty()) {
            baseline = measureBaselineOnly(measurer, specs.apply(original), budget);
            decision = new Decision.Keep("no transform applies to this method");
        } else if (best == null) {
            baseline = race.aggregate(race.baseline());
            boolean anyPassed = entries.stream().anyMatch(e -> e.verdict.passed());
            decision = new Decision.Keep(entries.isEmpty()
                    ? "the budget ran out before any variant could be screened; give a larger --budget"
                    : anyPassed ? "no verified variant beat the original in screening" : "no variant passed verification");
        } else {
            int p = Math.min(pairs, (int) Math.floor(budget.left() * 0.95 / confirmForkSeconds(budget)) / 2);
            if (p < minPairs) {
                baseline = race.aggregate(race.baseline());
                decision = new Decision.Keep("budget left room for only " + Math.max(0, p) + " confirmation pairs of "
                        + minPairs + " needed; the screening leader " + best.variant.id() + " was not confirmed");
            } else {
                progress.update("confirm " + best.variant.id(), 0, 2 * p, budget.left());
                try {
                    double t0 = budget.elapsed();
                    Confirmation c = measurer.confirm(specs.apply(original), specs.apply(best.variant), p, CONFIRM,
                            done -> progress.update("confirm " + best.variant.id(), done, 2 * p, budget.left()));
                    budget.recordForks(2 * p, budget.elapsed() - t0);
                    baseline = c.baseline();
                    decision = Decider.decide(best.variant, c, req.minSpeedup(), req.confidence());
                    Speedup basis = c.hasCpuShares() ? c.cpuSpeedup(req.confidence()) : c.speedup(req.confidence());
                    confirmed = new VariantResult(best.variant, best.verdict, c.candidate(), basis,
                            "confirmed in " + p + " interleaved fork pairs");
                } catch (MeasureFailure f) {
                    baseline = race.aggregate(race.baseline());
                    decision = new Decision.Keep("confirmation failed: " + f.getMessage());
                }
            }
        }

        List<VariantResult> all = new ArrayList<>();
        for (Race.Entry e : entries) {
            if (confirmed != null && e == best) {
                all.add(confirmed);
            } else if (!e.verdict.passed()) {
                all.add(new VariantResult(e.variant, e.verdict, null, null, "rejected by verification"));
            } else if (e.failure != null) {
                all.add(new VariantResult(e.variant, new Verdict.Rejected("failed in its JMH fork: " + e.failure, null,
                        e.verdict.inputsChecked()), null, null, "rejected while measuring"));
            } else {
                all.add(new VariantResult(e.variant, e.verdict, race.aggregate(e), race.screeningSpeedup(e, req.confidence()),
                        "screened in " + e.rounds + " round(s), " + e.forkScores.size() + " fork(s)"));
            }
        }
        Environment env = Environment.current();
        return new TuneResult(target.method(), env.jvmVersion(), env.jvmVendor(), env.cpu(), req.seed(),
                budget.total(), budget.elapsed(), baseline, all, decision, target.classBytes(),
                variants.size() - entries.size(),
                measurer instanceof CachingMeasurer c ? new CacheCounts(c.hits(), c.misses()) : null);
    }

    /* A confirmation fork iterates longer than a screening fork; start-up costs the same. */
    private static double confirmForkSeconds(Budget budget) {
        return budget.forkSeconds() + (CONFIRM.iteratingTimePerFork().toMillis() - SCREEN.iteratingTimePerFork().toMillis()) / 1000.0;
    }

    private static Measurement measureBaselineOnly(Measurer measurer, BenchSpec spec, Budget budget) {
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
