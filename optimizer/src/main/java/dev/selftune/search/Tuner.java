package dev.selftune.search;

import dev.selftune.api.CacheCounts;
import dev.selftune.api.Decision;
import dev.selftune.api.Measurement;
import dev.selftune.api.Progress;
import dev.selftune.api.TuneException;
import dev.selftune.api.TuneRequest;
import dev.selftune.api.TuneResult;
import dev.selftune.api.Variant;
import dev.selftune.api.VariantResult;
import dev.selftune.api.Verdict;
import dev.selftune.generate.ClassBytes;
import dev.selftune.generate.Generator;
import dev.selftune.generate.HotCode;
import dev.selftune.generate.Policy;
import dev.selftune.generate.TransformContext;
import dev.selftune.inputs.InputSource;
import dev.selftune.inputs.Inputs;
import dev.selftune.measure.BenchSpec;
import dev.selftune.measure.CachingMeasurer;
import dev.selftune.measure.ForkFlags;
import dev.selftune.measure.ForkPlan;
import dev.selftune.measure.JmhLockTimeout;
import dev.selftune.measure.JmhMeasurer;
import dev.selftune.measure.MeasureFailure;
import dev.selftune.measure.MeasurementCache;
import dev.selftune.measure.Measurer;
import dev.selftune.measure.OpAllocation;
import dev.selftune.measure.PairSource;
import dev.selftune.measure.SequentialConfirmer;
import dev.selftune.measure.SequentialTest;
import dev.selftune.rank.Ranking;
import dev.selftune.rank.Selection;
import dev.selftune.target.Target;
import dev.selftune.target.TargetClassLoader;
import dev.selftune.target.TargetLoader;
import dev.selftune.verify.OriginalProfile;
import dev.selftune.verify.Verifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One tuning run end to end: load and check the target, generate variants, verify each, race the
 * survivors with short JMH forks, confirm the best against the original in fresh interleaved forks,
 * and decide. The generator only proposes; {@link Verifier} and {@link SequentialConfirmer} judge.
 */
public final class Tuner {
    /** Screening forks: the judge's plan (measure owns it); they only rank. */
    static final ForkPlan SCREEN = ForkPlan.screening();
    /** Of the budget left, what forks may plan on: the rest covers reports, class loading and estimate error. */
    static final double SAFETY = 0.92;

    /* The counted run of the rows that orders candidates by heat gives up after this long (the original's own run is bounded at 10 s). */
    static final long HEAT_NANOS = 12_000_000_000L;
    /* One in-process pass over the measurement rows to count an op's allocation may take this long (else verification's average stands). */
    static final long OP_ALLOCATION_NANOS = 2_000_000_000L;

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

    /**
     * The generator tune uses for this request: its policy, FP settings and the callers' usual values; candidates
     * that rewrite code the verification rows never (or rarely) run are tried last ({@code verifier} runs the rows
     * once more, counted: {@link HotCode}).
     */
    static Generator generator(TuneRequest req, Target target, InputSource src, Policy policy, TargetClassLoader resources,
                               Verifier verifier) {
        TransformContext ctx = new TransformContext(req.fpReassociationAllowed(), req.fpTolerance(), policy)
                .withUsualValues(Inputs.usualValues(target.method(), target.isStatic(), src, resources));
        return new Generator(policy, ctx, ClassBytes.resourcesOf(resources))
                .orderedByHeat(probe -> verifier.countersAfterRows(probe, HotCode.FIELD, HEAT_NANOS));
    }

    static Policy policy(TuneRequest req) {
        return req.policyFile() == null ? Policy.defaults() : PolicyFile.load(req.policyFile());
    }

    /**
     * Tunes {@code req.target()} within {@code req.budget()}. Waiting for another JMH process (JMH lets
     * one measure at a time per machine) is bounded by the budget left; past it the run stops with a
     * {@link TuneException} rather than overrun or measure next to it.
     */
    public static TuneResult run(TuneRequest req) {
        return run(req, (work, budget, args) -> new JmhMeasurer(req.javaBinary(), args, work)
                .limitLockWait(() -> (long) (budget.left() * 1000)));
    }

    /** Makes the measurer for a work directory, a budget and the forks' JVM flags. */
    interface Measurers {
        Measurer make(Path work, Budget budget, List<String> forkJvmArgs);
    }

    /** As {@link #run(TuneRequest)} with another measurer behind the cache (tests: a fake that runs no JVM). */
    static TuneResult run(TuneRequest req, BiFunction<Path, Budget, Measurer> jmh) {
        return run(req, (Measurers) (work, budget, args) -> jmh.apply(work, budget));
    }

    static TuneResult run(TuneRequest req, Measurers jmh) {
        try {
            return tuneWithinBudget(req, jmh);
        } catch (JmhLockTimeout busy) {
            throw new TuneException("jmh.lock", busy.getMessage(), busy);
        }
    }

    private static TuneResult tuneWithinBudget(TuneRequest req, Measurers jmh) {
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
        List<Variant> variants;
        Generator generator;
        Map<String, Verdict> verdicts = new HashMap<>();
        try (TargetClassLoader resources = new TargetClassLoader(target.classpath(), target.method().owner(), target.classBytes())) {
            generator = generator(req, target, src, policy, resources, verifier);
            // verified as they are made, so that the policy's cap counts variants that can be measured
            variants = generator.generate(target.method().name(), target.method().descriptor(), target.classBytes(),
                    v -> verdicts.computeIfAbsent(v.id(), id -> {
                        progress.update("generate+verify", verdicts.size() + 1, policy.maxVariants(), budget.left());
                        return verifier.verify(v);
                    }).passed());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        Variant original = new Variant(Variant.ORIGINAL_ID, null, List.of(), target.classBytes());
        Path work = workDir();
        List<String> forkArgs = req.forkJvmArgs();
        Measurer measurer = CachingMeasurer.over(jmh.make(work, budget, forkArgs), req.cacheDir());
        Function<Variant, BenchSpec> specs = v -> BenchSpec.of(target, v, src, profile.mutatesArguments(), work)
                .droppingThrowingRows(profile.normalReturns() < profile.rows());
        Asked asked = variants.isEmpty() ? Asked.NOT : preTouch(measurer, specs.apply(original), profile, src, forkArgs, budget);
        String preTouch = asked.reason();
        String forkFlagsNote = asked.note();
        if (preTouch != null) {
            forkArgs = new ArrayList<>(forkArgs);
            forkArgs.addAll(asked.flags());
            measurer = CachingMeasurer.over(jmh.make(work, budget, forkArgs), req.cacheDir());
            progress.update("screen (pre-touched heap)", 0, 1, budget.left());
        }
        /*
         * The ranking model (rank package) only orders and cuts what is screened; the confirmation
         * below and its decision never see it. It lives with the measurement cache (--cache), or in
         * the user's cache directory when the policy turns it on without one.
         */
        Path rankDir = req.cacheDir() != null ? req.cacheDir()
                : policy.rank().rankModel() ? MeasurementCache.defaultDirectory() : null;
        Ranking ranking = Ranking.open(rankDir, measurer.environmentKey(), policy.rank(), System.err::println);
        Selection selection = ranking.select(variants, target.method(), target.classBytes(), req.seed());
        Race race = new Race(measurer, budget, policy, progress, specs, SCREEN, original);
        if (selection.ranked()) {
            race.capFinalists(policy.rank().rankFinalists());   // the cut's few are finalists already: halving re-measures the leaders
        }
        if (preTouch == null && asked.first() != null) {
            race.seedBaseline(asked.first(), asked.cpuShares());   // same flags: the fork that asked is the race's first baseline fork
        }
        SequentialTest test = new SequentialTest(req.confidence());

        /*
         * The budget plan, re-made before every screening fork: screening may start a fork only while
         * the first look of the confirmation (test.firstPairs() pairs, 12 forks at 95%) still fits
         * after it at the fork cost measured so far, and, when the budget is large enough, one
         * extension look too. A fixed split made before any fork ran (the old plan) sized the reserve
         * with the 2 s first guess, screened to a fixed deadline and then found too little room to
         * confirm the leader it had found (matrix-multiply: 7x in screening, ended at 13.6 s of 35 s).
         */
        List<Race.Entry> entries;
        try {
            entries = variants.isEmpty() ? List.of()
                    : race.run(selection.ordered(), v -> verdicts.computeIfAbsent(v.id(), id -> verifier.verify(v)),
                            () -> budget.left() * SAFETY - confirmReserve(budget, test), selection.limit(),
                            screeningOrder(policy, ranking, variants), selection::explorer);
        } catch (MeasureFailure f) {
            throw new TuneException(target.method().toString(), "the original method fails in a JMH fork ("
                    + f.getMessage() + "): " + throwingRowsAdvice(profile) + "check that it runs outside your application, or pass --inputs");
        }

        ranking.record(target.method(), src.encode(), target.classBytes(), observed(race, entries));
        int[] confirmForks = {0};

        Map<String, String> notApplied = new LinkedHashMap<>(generator.notApplied());
        SizeChoice.Outcome bySize = entries.isEmpty() || race.best() == null ? null
                : chooseBySize(target, src, original, race, budget, test, progress, verdicts, verifier,
                        (v, in) -> BenchSpec.of(target, v, in, profile.mutatesArguments(), work)
                                .droppingThrowingRows(profile.normalReturns() < profile.rows()));
        if (bySize != null && bySize.dispatcher() != null) {
            entries.add(race.enter(bySize.dispatcher(), verdicts.get(bySize.dispatcher().id())));
        } else if (bySize != null) {
            notApplied.put("size-dispatch", bySize.note() + (bySize.perSize().isEmpty() ? ""
                    : " (leader vs original per size: " + SizeChoice.describe(bySize.perSize()) + ")"));
        }

        Decision decision;
        Measurement baseline;
        VariantResult confirmed = null;
        Race.Entry best = entries.isEmpty() ? null : race.best();
        if (variants.isEmpty()) {
            baseline = measureBaselineOnly(measurer, specs.apply(original), budget);
            decision = new Decision.Keep(RunSetups.noVariantReason(generator.notApplied()));
        } else if (best == null) {
            baseline = race.aggregate(race.baseline());
            boolean anyPassed = entries.stream().anyMatch(e -> e.verdict.passed());
            decision = new Decision.Keep(entries.isEmpty()
                    ? "the budget ran out before any variant could be screened; " + budgetAdvice(budget, test)
                            + sizesAdvice(baseline == null ? Double.NaN : baseline.score(), req)
                    : anyPassed ? "no verified variant beat the original in screening" : "no variant passed verification");
        } else if (pairsFitting(budget) < test.firstPairs()) {
            baseline = race.aggregate(race.baseline());
            decision = new Decision.Keep("budget left room for only " + pairsFitting(budget) + " confirmation pairs of "
                    + test.firstPairs() + " needed; the screening leader " + best.variant.id() + " was not confirmed; "
                    + budgetAdvice(budget, test) + sizesAdvice(baseline == null ? Double.NaN : baseline.score(), req));
        } else {
            int forks = 2 * test.firstPairs();
            progress.update("confirm " + best.variant.id(), 0, forks, budget.left());
            PairSource pairSource = measurer.pairs(specs.apply(original), specs.apply(best.variant), ForkPlan.confirmation());
            PairSource timed = (n, done) -> {
                double t0 = budget.elapsed();
                try {
                    return pairSource.addPairs(n, done);
                } finally {
                    confirmForks[0] += 2 * n;
                    budget.recordConfirmForks(2 * n, budget.elapsed() - t0);
                }
            };
            try {
                SequentialConfirmer.Outcome o = SequentialConfirmer.confirm(timed, best.variant, test, req.minSpeedup(),
                        sofar -> pairsFitting(budget),
                        done -> progress.update("confirm " + best.variant.id(), done, Math.max(done, forks), budget.left()));
                baseline = o.confirmation().baseline();
                decision = o.decision();
                confirmed = new VariantResult(best.variant, best.verdict, o.confirmation().candidate(), o.speedup(),
                        "confirmed in " + o.pairs() + " interleaved fork pairs" + (o.looks().size() > 1
                                ? " over " + o.looks().size() + " looks of a sequential test" : ""));
            } catch (MeasureFailure f) {
                baseline = race.aggregate(race.baseline());
                decision = new Decision.Keep("confirmation failed: " + f.getMessage());
            }
        }

        if (decision instanceof Decision.Keep k) {
            decision = new Decision.Keep(k.reason() + forkSpreadAdvice(baseline, forkArgs));
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
                String bySizeNote = bySize != null && bySize.dispatcher() == e.variant
                        ? "; " + bySize.note() + " (leader vs original per size: " + SizeChoice.describe(bySize.perSize()) + ")" : "";
                all.add(new VariantResult(e.variant, e.verdict, race.aggregate(e), race.screeningSpeedup(e, req.confidence()),
                        "screened in " + e.rounds + " round(s), " + e.forkScores.size() + " fork(s)" + bySizeNote));
            }
        }
        Environment env = Environment.current();
        return new TuneResult(target.method(), env.jvmVersion(), env.jvmVendor(), env.cpu(), req.seed(),
                budget.total(), budget.wallElapsed(), baseline, all, decision, target.classBytes(),
                unexplored(variants, entries), RunSetups.of(req, forkArgs, forkFlagsNote, SCREEN, ForkPlan.confirmation()),
                confirmed == null ? null : confirmed.variant().id(), notApplied,
                measurer instanceof CachingMeasurer c ? new CacheCounts(c.hits(), c.misses()) : null, generator.skipped(),
                ranking.summary(variants.size(), race.cutByLimit(), selection.explored(), race.extendedPastCut(),
                        race.forksRun() + asked.forks() + baselineOnlyForks(variants, measurer), confirmForks[0]));
    }

    /*
     * Who re-orders the variants not yet screened after each screening result: the ranking model when it
     * ranked them and adapts (its prior plus this method's results), else the lineage order when the policy
     * asks for it (chains built on a clear loser last), else nobody (the generator's order).
     */
    static BiFunction<List<Variant>, Map<Variant, Double>, List<Variant>> screeningOrder(Policy policy, Ranking ranking,
                                                                                        List<Variant> variants) {
        if (ranking.adapts()) {
            return ranking::adapt;
        }
        return policy.lineageOrder() ? new LineageOrder(variants)::reorder : null;
    }

    /** Screening speedups to learn from: every verified variant measured without failure, against this run's baseline. */
    private static List<Ranking.Observed> observed(Race race, List<Race.Entry> entries) {
        List<Ranking.Observed> out = new ArrayList<>();
        double base = race.baseline().mean();
        for (Race.Entry e : entries) {
            if (e.verdict != null && e.verdict.passed() && e.failure == null && !e.rankScores.isEmpty()
                    && base > 0 && e.mean() > 0) {
                out.add(new Ranking.Observed(e.variant, Math.log(base / e.mean())));
            }
        }
        return out;
    }

    /* With no variant the race never ran; the baseline alone took one screening measurement (unless cached). */
    private static int baselineOnlyForks(List<Variant> variants, Measurer measurer) {
        return variants.isEmpty() && !measurer.lastWasCached() ? SCREEN.forks() : 0;
    }

    /* A confirmation fork iterates longer than a screening fork; start-up costs the same. */
    private static double confirmForkSeconds(Budget budget) {
        return budget.confirmForkSeconds(
                (ForkPlan.confirmation().iteratingTimePerFork().toMillis() - SCREEN.iteratingTimePerFork().toMillis()) / 1000.0);
    }

    /** Confirmation pairs that fit in what is left now, at the confirmation fork cost known so far. */
    /*
     * Algorithm choice by input size, when the budget has room for it beyond the confirmation's
     * reserve: the leader and the original screened at each size alone, and a dispatcher between
     * them if the leader loses at some sizes only (SizeChoice). Null when there is no leader.
     */
    private static SizeChoice.Outcome chooseBySize(Target target, InputSource src, Variant original, Race race, Budget budget,
                                                   SequentialTest test, Progress progress, Map<String, Verdict> verdicts,
                                                   Verifier verifier, java.util.function.BiFunction<Variant, InputSource, BenchSpec> specAt) {
        String why = SizeChoice.whyNot(src, target);
        if (why != null) {
            return SizeChoice.Outcome.none(why);
        }
        int needed = SizeChoice.forksNeeded((int) java.util.Arrays.stream(src.sizes()).distinct().count());
        int room = budget.forksFitting(budget.left() * SAFETY - confirmReserve(budget, test));
        if (room < needed) {
            return SizeChoice.Outcome.none("screening by size needs " + needed + " forks and the budget had room for " + room
                    + " beyond the confirmation's reserve; a larger --budget lets it run");
        }
        int[] done = {0};
        return SizeChoice.run(target, src, original, race.best().variant, (v, in) -> {
            progress.update("screen by size", ++done[0], needed, budget.left());
            return race.screenOnce(specAt.apply(v, in));
        }, v -> verdicts.computeIfAbsent(v.id(), id -> verifier.verify(v)));
    }

    /* Generated variants the race never reached (a size dispatcher the race entered later is not one of them). */
    static int unexplored(List<Variant> variants, List<Race.Entry> entries) {
        java.util.Set<String> reached = new java.util.HashSet<>();
        entries.forEach(e -> reached.add(e.variant.id()));
        return (int) variants.stream().filter(v -> !reached.contains(v.id())).count();
    }

    static int pairsFitting(Budget budget) {
        return (int) Math.floor(budget.left() * 0.95 / confirmForkSeconds(budget)) / 2;
    }

    /*
     * What screening leaves for confirmation: the first look, plus one extension look when that
     * costs at most half the whole budget (at 35 s and 1.2 s forks: 6 pairs, 14 s; at 90 s: 10 pairs;
     * at 2 s forks 35 s holds no decision at all: docs/budget-and-confirmation.md).
     */
    static double confirmReserve(Budget budget, SequentialTest test) {
        double fork = confirmForkSeconds(budget);
        double first = 2 * test.firstPairs() * fork;
        double extended = 2 * test.nextPairs(test.firstPairs(), 1) * fork;
        return extended <= budget.total() / 2 ? extended : first;
    }

    /*
     * A measured op calls the method on every row. Rows on which the original threw in verification
     * are left out of the timed loop (BenchSpec.dropThrowingRows), so a fork that still fails on a
     * throw met a row that threw there and not in verification (hidden state, randomness), or every
     * row threw.
     */
    static String throwingRowsAdvice(OriginalProfile profile) {
        int threw = profile.rows() - profile.normalReturns();
        if (threw <= 0) {
            return "";
        }
        return "the original threw on " + threw + " of its " + profile.rows() + " input rows during verification; the forks"
                + " leave rows that throw out of the timed loop, but one may throw in a fork where it returned before:"
                + " give rows on which it always returns, or ";
    }

    /** How far apart the original's forks may run before a keep says why that may be. */
    static final double FORK_SPREAD_ADVICE = 2.0;

    /*
     * Forks of the same bytes that run 2x or more apart point at the machine, not the code. The cause
     * seen here (docs/measuring.md, "First touches"): a method that allocates much on every call makes
     * G1 grow eden onto heap pages no one has touched, and each first touch is a page fault, on one
     * virtual machine here 7.6 us per 4 KB page (2 s per GB), paid inside the measured iterations;
     * the transpose sample at 1024 x 1024 ran at 25-48 ms per op in every fork there, and at 2.09-2.17
     * with the heap touched before the fork started (-XX:+AlwaysPreTouch, 2 s more per fork start).
     * Pre-touching is not the default because it costs every fork of every method that much; a keep
     * with such a spread says so instead, with the flag that removes it.
     */
    static String forkSpreadAdvice(Measurement baseline, List<String> forkJvmArgs) {
        if (baseline == null || baseline.forkScores().length < 2
                || forkJvmArgs.stream().anyMatch(a -> a.contains("AlwaysPreTouch"))) {
            return "";
        }
        double min = java.util.Arrays.stream(baseline.forkScores()).min().orElse(Double.NaN);
        double max = java.util.Arrays.stream(baseline.forkScores()).max().orElse(Double.NaN);
        if (!(min > 0) || !(max / min >= FORK_SPREAD_ADVICE)) {
            return "";
        }
        double scale = 1;
        String unit = baseline.unit();
        if ("ns/op".equals(unit) && min >= 1e3) {
            scale = min >= 1e6 ? 1e6 : 1e3;
            unit = min >= 1e6 ? "ms/op" : "us/op";
        }
        return String.format(java.util.Locale.ROOT, "; the original's %d forks ran %.1fx apart (%.3g to %.3g %s): a method that"
                        + " allocates much on every call can pay the first touch of the forks' heap pages while it is measured;"
                        + " --fork-jvm-flags=-XX:+AlwaysPreTouch touches the heap before each fork starts (docs/measuring.md)",
                baseline.forkScores().length, max / min, min / scale, max / scale, unit);
    }

    /** What budget would decide, from the costs measured in this run: set-up so far, the baseline, a few screening forks, the first look. */
    static String budgetAdvice(Budget budget, SequentialTest test) {
        double needed = (budget.elapsed() - budget.spentForking()) + (1 + 4) * budget.forkSeconds()
                + 2 * test.firstPairs() * confirmForkSeconds(budget);
        return String.format(java.util.Locale.ROOT,
                "here one screening fork takes %.1f s and one confirmation fork %.1f s, so a decision needs about %.0f s: give --budget %ds or more",
                budget.forkSeconds(), confirmForkSeconds(budget), needed, (int) (Math.ceil(needed / SAFETY / 10) * 10));
    }

    /*
     * A fork's iterations are 100 ms, but JMH ends an iteration only after the call in progress
     * returns: when one call takes longer than that (a quadratic method on generated arrays of 65536
     * elements: commons-math3's convolve took ~2 s a call, 19.8 s a fork), the budget buys one call
     * per iteration and "a larger --budget" is the expensive answer. With generated inputs the
     * cheaper one is smaller sizes, named here with the time a call takes now.
     */
    /** "; or smaller --sizes ..." when inputs are generated and one call takes over 100 ms on average; else "". */
    static String sizesAdvice(double baselineNanosPerOp, TuneRequest req) {
        if (!req.generatedInputs() || !(baselineNanosPerOp > 100e6)) {
            return "";
        }
        int[] sizes = req.sizes();
        int largest = java.util.Arrays.stream(sizes).max().orElse(0);
        return String.format(java.util.Locale.ROOT, "; or smaller --sizes: a call takes %.1f s on average over the generated rows"
                + " (sizes %s, largest %d), longer than a 100 ms iteration, so each iteration waits for one call",
                baselineNanosPerOp / 1e9, java.util.Arrays.toString(sizes).replace(" ", ""), largest);
    }

    /** What asking cost and gave: the reason to pre-touch (null: no), the original's fork that asked, its CPU shares, forks run. */
    record Asked(String reason, Measurement first, double[] cpuShares, int forks, String advice, List<String> flags) {
        static final Asked NOT = new Asked(null, null, null, 0, null, List.of());

        Asked(String reason, Measurement first, double[] cpuShares, int forks, List<String> flags) {
            this(reason, first, cpuShares, forks, null, flags);
        }

        /** What report.json's forkFlagsNote says: why the forks pre-touch, or why they would and do not. */
        String note() {
            return reason != null ? reason : advice;
        }
    }

    /*
     * One screening fork of the original, before the race, for an original that allocates: its time per
     * op and the bytes per op from verification give the allocation rate PreTouch judges by. The fork
     * teaches the budget its cost like any other. Not asked when the caller chose heap flags or
     * pre-touch, or when the fork fails (the race then reports it).
     */
    private static Asked preTouch(Measurer measurer, BenchSpec baseline, OriginalProfile profile, InputSource src,
                                  List<String> forkArgs, Budget budget) {
        double perCall = PreTouch.counted(profile.allocatedBytesPerCall());
        if (!PreTouch.open(forkArgs) || perCall == 0) {
            return Asked.NOT;
        }
        double spp = dev.selftune.measure.FirstTouch.secondsPerPage();
        if (PreTouch.reason(1e12, 1, spp, PreTouch.Way.smallPages(0), SCREEN) == null) {
            return Asked.NOT;   // first touches are cheap here: no fork spent asking
        }
        PreTouch.Way way = PreTouch.cheapest(spp, dev.selftune.measure.FirstTouch.hugePreTouchSeconds(ForkFlags.FIXED_HEAP));
        if (PreTouch.reason(1e12, 1, spp, way, SCREEN) == null) {
            return Asked.NOT;   // pre-touching is too dear here
        }
        Measurement first;
        double[] shares;
        int forks = 0;
        double forkSeconds = Double.NaN;
        try {
            double t0 = budget.elapsed();
            first = measurer.measure(baseline, SCREEN);
            shares = measurer.lastForkCpuShares();
            /* a cache hit knows what its fork took when it ran (NaN for entries that predate recording it) */
            double took = measurer.lastWasCached() ? measurer.lastCachedSeconds() : budget.elapsed() - t0;
            forks = budget.account(measurer, SCREEN.forks(), t0);
            forkSeconds = took / SCREEN.forks();
        } catch (MeasureFailure f) {
            return Asked.NOT;
        }
        double ns = first.score() * switch (first.unit()) {
            case "us/op" -> 1e3;
            case "ms/op" -> 1e6;
            case "s/op" -> 1e9;
            default -> 1;
        };
        int rowsPerOp = src.provider() != null || src.file() != null ? Math.min(64, profile.normalReturns()) : src.sizes().length;
        double perOp = perCall * rowsPerOp;
        if (src.provider() == null && src.file() == null) {
            /* generated rows: verification's are mostly small, a fork's are one per --sizes entry; count those */
            double measured = OpAllocation.bytesPerOp(baseline, OP_ALLOCATION_NANOS);
            perOp = Double.isFinite(measured) && PreTouch.counted(measured / rowsPerOp) > 0 ? measured : perOp;
        }
        PreTouch.Choice choice = PreTouch.choose(perOp, ns, spp, way, SCREEN, budget.left(), budget.elapsed(), forkSeconds);
        return choice.touch() ? new Asked(choice.note(), first, shares, forks, way.flags())
                : new Asked(null, first, shares, forks, choice.note(), List.of());
    }

    private static Measurement measureBaselineOnly(Measurer measurer, BenchSpec spec, Budget budget) {
        try {
            double t0 = budget.elapsed();
            Measurement m = measurer.measure(spec, SCREEN);
            budget.account(measurer, SCREEN.forks(), t0);
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
