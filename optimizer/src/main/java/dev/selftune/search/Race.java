package dev.selftune.search;

import dev.selftune.api.Basis;
import dev.selftune.api.Measurement;
import dev.selftune.api.Progress;
import dev.selftune.api.Speedup;
import dev.selftune.api.Variant;
import dev.selftune.api.Verdict;
import dev.selftune.generate.Policy;
import dev.selftune.measure.BenchSpec;
import dev.selftune.measure.ForkPlan;
import dev.selftune.measure.MeasureFailure;
import dev.selftune.measure.Measurer;
import dev.selftune.measure.Stats;
import java.util.ArrayList;
import org.apache.commons.math3.distribution.TDistribution;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.DoubleSupplier;
import java.util.function.Function;

/**
 * Successive halving: variants are verified in the generator's order just before their first
 * fork, every survivor gets a round of short forks (policy's screenForks), the better part
 * (policy's keep fraction) gets another, and so on while the screening time lasts, so that losers
 * die after one round and the budget goes to the contenders. Variants the time never reaches are
 * left unexplored, not judged. After the ranking model's cut ({@link #capFinalists}, the policy's
 * rankFinalists) each later round keeps at most that many: the few screened are the model's picks already.
 */
final class Race {
    /** One contestant's evidence so far; {@code failure} is set when its fork crashed or threw. */
    static final class Entry {
        final Variant variant;
        Verdict verdict;
        final List<Double> forkScores = new ArrayList<>();
        /** Per fork: CPU time per op (score x the thread's CPU share) when the fork knew it, else the score. */
        final List<Double> rankScores = new ArrayList<>();
        Measurement last;
        String failure;
        int rounds;

        Entry(Variant variant) {
            this.variant = variant;
        }

        /* Ranking uses CPU time per op: on a shared machine wall time also measures the scheduler
         * (JmhMeasurer, Decider). The reported measurement stays JMH's own wall-clock score (aggregate). */
        double mean() {
            return rankScores.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        }
    }

    private final Measurer measurer;
    private final Budget budget;
    private final Policy policy;
    private final Progress progress;
    private final Function<Variant, BenchSpec> specs;
    private final ForkPlan plan;
    private final Entry baseline;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private int cutByLimit;
    private int extendedPastCut;
    private int finalists;   // 0: halving keeps the policy's keepFraction each round; n: at most n (the model ranked)
    private int forksRun;

    /** How far ahead of the best so far a screening result must be to count as a find that earns more past the cut. */
    static final double FIND = 1.2;

    /*
     * How many variants after a find (explorers that find nothing not counted) may be screened past the cut on
     * the find's claim. After a find the adapted order puts the find's composites first, but it ranks them by
     * one additive effect per transform, which cannot see an interaction before the pair was screened: on
     * matrix-multiply, never seen, interchange alone was found (2.2x) as the cut's third, the adapted order's
     * next pick was interchange + tile (1.1x), and interchange + hoist (7.7x) stayed ranked out. One follow-up
     * is one guess at the find's partner; two give the second guess too. rankExtend still caps the total.
     */
    static final int FOLLOW_UPS = 2;

    Race(Measurer measurer, Budget budget, Policy policy, Progress progress,
         Function<Variant, BenchSpec> specs, ForkPlan plan, Variant original) {
        this.measurer = measurer;
        this.budget = budget;
        this.policy = policy;
        this.progress = progress;
        this.specs = specs;
        this.plan = plan.withForks(policy.screenForks());
        this.baseline = new Entry(original);
    }

    /**
     * Verifies and screens candidates in order while {@code screenSecondsLeft} (asked before every
     * fork, so it re-plans as the fork estimate moves) leaves room; returns every entry reached
     * (verified, and measured if it passed).
     */
    List<Entry> run(List<Variant> candidates, Function<Variant, Verdict> verifier, DoubleSupplier screenSecondsLeft) {
        return run(candidates, verifier, screenSecondsLeft, Integer.MAX_VALUE);
    }

    /**
     * As above, but screens at most {@code screenLimit} variants that pass verification (the ranking
     * model's cut); the candidates after that are counted in {@link #cutByLimit()}, never verified.
     */
    List<Entry> run(List<Variant> candidates, Function<Variant, Verdict> verifier, DoubleSupplier screenSecondsLeft,
                    int screenLimit) {
        return run(candidates, verifier, screenSecondsLeft, screenLimit, null);
    }

    /**
     * As above, and after each first screening result {@code reorder} (when not null) is given the
     * candidates not yet started and every screening log speedup so far, {@code log(baseline / variant)},
     * and returns the order to go on in (the ranking model's update from this method's own results).
     * It orders what is screened; it sees no confirmation and decides nothing.
     */
    List<Entry> run(List<Variant> candidates, Function<Variant, Verdict> verifier, DoubleSupplier screenSecondsLeft,
                    int screenLimit, BiFunction<List<Variant>, Map<Variant, Double>, List<Variant>> reorder) {
        return run(candidates, verifier, screenSecondsLeft, screenLimit, reorder, v -> false);
    }

    /**
     * As above; {@code explorer} tells the ranking model's random explorers, which do not end a find's claim
     * to go on past the cut: an explorer screened right after a find (they are screened before the adapted
     * picks) took the slot the find's composites would have had.
     */
    List<Entry> run(List<Variant> candidates, Function<Variant, Verdict> verifier, DoubleSupplier screenSecondsLeft,
                    int screenLimit, BiFunction<List<Variant>, Map<Variant, Double>, List<Variant>> reorder,
                    java.util.function.Predicate<Variant> explorer) {
        if (!seeded && !measureOnce(baseline)) {
            throw new MeasureFailure(baseline.variant.id(), "the original failed in its JMH fork: " + baseline.failure,
                    null, "", null);
        }
        List<Entry> alive = new ArrayList<>();
        List<Variant> queue = new ArrayList<>(candidates);
        int done = 0;
        int screened = 0;
        int sinceFind = -1;   // variants screened since the latest find (explorers that found nothing not counted); -1: no find yet
        while (!queue.isEmpty()) {
            if (screened >= screenLimit) {
                boolean findsClaim = sinceFind >= 0 && sinceFind < FOLLOW_UPS;
                boolean goOn = findsClaim || !foundAny(alive);
                if (!goOn || extendedPastCut >= policy.rank().rankExtend()) {
                    cutByLimit = queue.size();
                    break;
                }
                screenLimit++;   // a find among the last FOLLOW_UPS screened, or nothing screened found anything: the next in line
                extendedPastCut++;
            }
            if (budget.forksFitting(screenSecondsLeft.getAsDouble()) < plan.forks()) {
                break;
            }
            Variant v = queue.remove(0);
            Entry e = new Entry(v);
            entries.put(v.id(), e);
            progress.update("verify+measure (round 1)", ++done, candidates.size(), budget.left());
            e.verdict = verifier.apply(v);
            if (!e.verdict.passed()) {
                continue;   // rejected by the verifier: it uses up no slot and follows up no find
            }
            screened++;
            boolean measured = measureOnce(e);
            if (measured && newBest(e, alive)) {
                sinceFind = 0;
            } else if (sinceFind >= 0 && !explorer.test(v)) {
                sinceFind++;   // an explorer that finds nothing leaves the find's claim as it was
            }
            if (measured) {
                alive.add(e);
                if (reorder != null && queue.size() > 1) {
                    queue = new ArrayList<>(reorder.apply(List.copyOf(queue), screeningLogSpeedups(alive)));
                }
            }
        }
        int round = 1;
        while (alive.size() > 1) {
            alive.sort(Comparator.comparingDouble(Entry::mean));
            int keep = Math.max(1, (int) Math.ceil(alive.size() * policy.keepFraction()));
            if (finalists > 0) {
                keep = Math.min(keep, finalists);
            }
            /*
             * When the better part's next round does not fit the screening time left, the round goes to
             * as many of the best as fit (two at least) instead of none: one fork each ranks by noise as
             * much as by speed (Jama's times: the fastest of 24 single forks screened ~1.5x and confirmed
             * 1.09x), and a second fork for the leaders is what picks between them.
             */
            int fitting = budget.forksFitting(screenSecondsLeft.getAsDouble()) / Math.max(1, plan.forks()) - 1;
            keep = Math.min(keep, fitting);
            if (keep < 2) {
                break;
            }
            alive = new ArrayList<>(alive.subList(0, keep));
            round++;
            measureOnce(baseline);
            int i = 0;
            for (Entry e : new ArrayList<>(alive)) {
                progress.update("measure (round " + round + ")", ++i, alive.size(), budget.left());
                if (!measureOnce(e)) {
                    alive.remove(e);
                }
            }
        }
        secondLook(alive, screenSecondsLeft);
        return new ArrayList<>(entries.values());
    }

    /*
     * Without a second round the baseline ran one screening fork, and a fork can be off by 2.5x (horner: its one
     * baseline fork ran the original at 394 us a call, its six confirmation forks at 150-172 us). Every screening
     * ratio is taken against that fork, and when no variant beats it the run keeps the original without a
     * confirmation. So, when time is left, the baseline gets a second fork; and when the fastest variant still
     * does not beat it on one fork of its own, that variant gets a second too, before "nothing beat the original"
     * is believed. Screening still only ranks: a variant that now beats the baseline goes to confirmation.
     */
    private void secondLook(List<Entry> alive, DoubleSupplier screenSecondsLeft) {
        if (alive.isEmpty()) {
            return;
        }
        if (baseline.forkScores.size() < 2 && budget.forksFitting(screenSecondsLeft.getAsDouble()) >= plan.forks()) {
            measureOnce(baseline);
        }
        Entry leader = alive.stream().filter(e -> e.failure == null && !e.forkScores.isEmpty())
                .min(Comparator.comparingDouble(Entry::mean)).orElse(null);
        if (best() == null && leader != null && leader.forkScores.size() < 2
                && budget.forksFitting(screenSecondsLeft.getAsDouble()) >= plan.forks()) {
            measureOnce(leader);
        }
    }

    Entry baseline() {
        return baseline;
    }

    /**
     * After the ranking model's cut (rankFinalists): each later round of halving re-measures at most {@code n} of
     * the screened, so 2 is one round of the two leaders. 0 leaves halving to the policy's keepFraction. Screening
     * only ranks; the leader still goes to a confirmation in fresh forks.
     */
    Race capFinalists(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("finalists must be >= 0, got " + n);
        }
        this.finalists = n;
        return this;
    }

    /* log(baseline / variant) on the ranking basis for each entry measured so far; the baseline's mean moves as it is re-measured. */
    private Map<Variant, Double> screeningLogSpeedups(List<Entry> measured) {
        Map<Variant, Double> out = new LinkedHashMap<>();
        double base = baseline.mean();
        for (Entry e : measured) {
            if (base > 0 && e.mean() > 0) {
                out.put(e.variant, Math.log(base / e.mean()));
            }
        }
        return out;
    }

    /** Candidates never verified nor screened because the screen limit was reached. */
    int cutByLimit() {
        return cutByLimit;
    }

    /** Variants screened past the screen limit because one of the last FOLLOW_UPS screened set a new best, or nothing had paid (the policy's rankExtend). */
    int extendedPastCut() {
        return extendedPastCut;
    }

    /*
     * Whether e, just screened, beats the baseline and everything screened before it by FIND or more: one
     * screening fork each, so a smaller lead is as likely noise as a find.
     */
    private boolean newBest(Entry e, List<Entry> before) {
        double best = baseline.mean();
        for (Entry b : before) {
            best = Math.min(best, b.mean());
        }
        return ahead(e, best);
    }

    /* Whether anything screened so far beats the baseline by FIND: when nothing does, the model's picks were wrong here. */
    private boolean foundAny(List<Entry> screened) {
        return screened.stream().anyMatch(e -> ahead(e, baseline.mean()));
    }

    /* Whether e's time per op is FIND or more times shorter than {@code than}. */
    private static boolean ahead(Entry e, double than) {
        return e.mean() > 0 && e.mean() * FIND <= than;
    }

    /** JMH forks this race ran (cache hits ran none). */
    int forksRun() {
        return forksRun;
    }

    /** The fastest screened variant whose estimate beats the baseline, or null. */
    Entry best() {
        return entries.values().stream().filter(e -> e.verdict.passed() && e.failure == null && !e.forkScores.isEmpty())
                .filter(e -> e.mean() < baseline.mean())
                .min(Comparator.comparingDouble(Entry::mean)).orElse(null);
    }

    /**
     * Screening evidence for the report: with two or more forks a side, Welch's interval on the
     * per-fork log scores; with one fork, the delta method on both JMH errors (iterations of one JVM,
     * which understates fork-to-fork noise: these intervals only rank, confirmation decides).
     */
    Speedup screeningSpeedup(Entry e, double confidence) {
        if (baseline.forkScores.size() >= 2 && e.forkScores.size() >= 2) {
            return Stats.unpairedSpeedup(scores(baseline), scores(e), confidence);
        }
        Measurement b = aggregate(baseline);
        Measurement v = aggregate(e);
        int df = Math.max(1, Math.min(b.iterations(), v.iterations()) - 1);
        double seB = relativeStandardError(baseline, b);
        double seV = relativeStandardError(e, v);
        double seLog = Math.sqrt(seB * seB + seV * seV);
        double half = new TDistribution(null, df).inverseCumulativeProbability(0.5 + confidence / 2) * seLog;
        double log = Math.log(b.score() / v.score());
        return new Speedup(Math.exp(log), Math.exp(log - half), Math.exp(log + half));
    }

    /*
     * The relative standard error of an entry's score: over its fork means when it has two or more (a side with
     * two forks against a side with one, after Race's second look), else JMH's own error of its one fork. Dividing
     * an aggregate's error, whose t has forks - 1 degrees of freedom (636 at 99.9% for two forks), by the t of
     * iterations x forks - 1 once made such an interval [0.07, 18.69].
     */
    private static double relativeStandardError(Entry e, Measurement m) {
        if (e.forkScores.size() < 2) {
            return standardError(m);
        }
        /* m is aggregate(e): its error is t(0.9995, forks - 1) times the standard error of the fork means */
        double t = new TDistribution(null, m.forks() - 1).inverseCumulativeProbability(0.9995);
        return m.error() / t / m.score();
    }

    /* JMH's error is the 99.9% half-width t(0.9995, n-1)·s/√n; divide the t back out, relative to the score. */
    private static double standardError(Measurement m) {
        int df = Math.max(1, m.iterations() * m.forks() - 1);
        double t = new TDistribution(null, df).inverseCumulativeProbability(0.9995);
        double err = Double.isFinite(m.error()) ? m.error() : m.score();
        return err / t / m.score();
    }

    private static double[] scores(Entry e) {
        return e.forkScores.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /*
     * One basis per number: the reported screening score, its error and the screening speedup are
     * all wall-clock (JMH's own scores), while ranking uses CPU time per op (mean()). Taking the mean
     * of CPU times with the spread of wall times, as this once did, mixed the two in one number.
     * With one fork the error JMH reports is the only spread we have (iterations of one JVM); with
     * more forks the per-fork means are the independent samples, and the error is JMH's 99.9%
     * convention over them.
     */
    Measurement aggregate(Entry e) {
        if (e.forkScores.size() <= 1) {
            return e.last;
        }
        double[] s = scores(e);
        double mean = java.util.Arrays.stream(s).average().orElseThrow();
        double var = 0;
        for (double x : s) {
            var += (x - mean) * (x - mean);
        }
        var /= (s.length - 1);
        double t = new TDistribution(null, s.length - 1).inverseCumulativeProbability(0.9995);
        return new Measurement(mean, t * Math.sqrt(var / s.length), e.last.unit(), s.length, e.last.iterations(), s,
                Basis.WALL);
    }

    /** One screening measurement of {@code spec} outside the race (a per-size look): its CPU-time mean, NaN if the fork failed. */
    double screenOnce(BenchSpec spec) {
        Entry scratch = new Entry(null);
        return measure(scratch, spec) ? scratch.mean() : Double.NaN;
    }

    /** Adds {@code v}, verified elsewhere, to the race and screens it once; it then competes in {@link #best()} like any entry. */
    Entry enter(Variant v, Verdict verdict) {
        Entry e = new Entry(v);
        e.verdict = verdict;
        entries.put(v.id(), e);
        if (verdict.passed()) {
            measureOnce(e);
        }
        return e;
    }

    private boolean seeded;

    /**
     * The baseline's first screening fork, run by the caller before the race with this race's plan and
     * flags (Tuner's pre-touch question): the race starts from it instead of running it again.
     */
    void seedBaseline(Measurement m, double[] cpuShares) {
        record(baseline, m, cpuShares);
        seeded = true;
    }

    private static void record(Entry e, Measurement m, double[] shares) {
        e.last = m;
        double[] scores = m.forkScores();
        for (int i = 0; i < scores.length; i++) {
            e.forkScores.add(scores[i]);
            boolean known = shares.length == scores.length && shares[i] > 0 && shares[i] <= 1.0001;
            e.rankScores.add(known ? scores[i] * shares[i] : scores[i]);
        }
        e.rounds++;
    }

    private boolean measureOnce(Entry e) {
        return measure(e, specs.apply(e.variant));
    }

    private boolean measure(Entry e, BenchSpec spec) {
        double t0 = budget.elapsed();
        try {
            Measurement m = measurer.measure(spec, plan);
            record(e, m, measurer.lastForkCpuShares());
            return true;
        } catch (MeasureFailure f) {
            e.failure = f.getMessage();
            return false;
        } finally {
            /* a cache hit ran no fork: it is charged (and teaches) what its forks took when they ran; a failed fork
             * is no hit (the cache sets that before its delegate runs) and took its time */
            forksRun += budget.account(measurer, plan.forks(), t0);
        }
    }
}
