package dev.selftune.meta;

import dev.selftune.generate.Policy;
import dev.selftune.generate.RankPolicy;
import dev.selftune.generate.Transforms;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Proposes a child policy by changing one or two of the parent's values: the transforms (reorder,
 * drop, add), a range (move a value to the front, drop one, add one), maxDepth, maxVariants,
 * keepFraction, screenForks, the order, the lukewarm share of the heat ordering, the lineage screening
 * order or the ranking model's settings (on/off, the fraction screened, the minimum screened, the
 * explorers, the adapted order, going on past the cut, halving's finalists), or ({@link #informed}) from the parent's evidence: where its
 * winners were found. It works on {@link Policy} values only, so whatever it
 * proposes cannot touch the judge: a policy has no field for inputs, thresholds or fork plans.
 */
public final class PolicyMutator {
    /** Values a range may take besides its current ones, within the transforms' own limits. */
    static final Map<String, List<Integer>> RANGE_POOL = Map.of(
            "unroll.factor", List.of(2, 3, 4, 6, 8, 12, 16),
            "split-accumulators.k", List.of(2, 3, 4, 6, 8, 12, 16),
            "unroll-and-jam.factor", List.of(2, 3, 4, 6, 8),
            "tune-constant.scale", List.of(25, 50, 75, 150, 200, 300, 400, 800),
            "tune-constant.absolute", List.of(4, 8, 16, 24, 32, 64, 128),
            "tile.block", List.of(8, 16, 24, 32, 48, 64, 128),
            "privatise-scatter.k", List.of(2, 3, 4, 8));

    private static final int KINDS = 20;

    private final Random random;

    public PolicyMutator(long seed) {
        this.random = new Random(seed);
    }

    /** A policy that differs from {@code parent} in one or two values. */
    public Policy mutate(Policy parent) {
        Policy child = parent;
        int changes = 1 + random.nextInt(2);
        for (int tries = 0; tries < 100 && (changes > 0 || child.equals(parent)); tries++) {
            Policy next = once(child, random.nextInt(KINDS));
            if (!next.equals(child)) {
                child = next;
                changes--;
            }
        }
        return child;
    }

    /** One change of kind {@code kind} (0..19); the policy itself when that kind cannot apply. */
    Policy once(Policy p, int kind) {
        List<String> t = new ArrayList<>(p.transforms());
        switch (kind) {
            case 0 -> {
                if (t.size() < 2) {
                    return p;
                }
                int i = random.nextInt(t.size() - 1);
                t.add(i + 1, t.remove(i));
                return withTransforms(p, t);
            }
            case 1 -> {
                if (t.size() < 2) {
                    return p;
                }
                t.remove(random.nextInt(t.size()));
                return withTransforms(p, t);
            }
            case 2 -> {
                List<String> missing = new ArrayList<>(Transforms.names());
                missing.removeAll(t);
                if (missing.isEmpty()) {
                    return p;
                }
                t.add(random.nextInt(t.size() + 1), missing.get(random.nextInt(missing.size())));
                return withTransforms(p, t);
            }
            case 3, 4, 5 -> {
                return p.withRanges(mutateRange(p, kind));
            }
            case 6 -> {
                int d = Math.max(1, Math.min(5, p.maxDepth() + (random.nextBoolean() ? 1 : -1)));
                return p.withSearch(t, d, p.maxVariants(), p.screenForks(), p.keepFraction());
            }
            case 7 -> {
                int v = random.nextBoolean() ? p.maxVariants() * 3 / 2 : p.maxVariants() * 2 / 3;
                return p.withSearch(t, p.maxDepth(), Math.max(4, Math.min(96, v)), p.screenForks(), p.keepFraction());
            }
            case 8 -> {
                double k = Math.round((p.keepFraction() + (random.nextBoolean() ? 0.1 : -0.1)) * 100) / 100.0;
                return p.withSearch(t, p.maxDepth(), p.maxVariants(), p.screenForks(), Math.max(0.2, Math.min(0.8, k)));
            }
            case 9 -> {
                int f = Math.max(1, Math.min(3, p.screenForks() + (random.nextBoolean() ? 1 : -1)));
                return p.withSearch(t, p.maxDepth(), p.maxVariants(), f, p.keepFraction());
            }
            case 11 -> {
                return p.withRank(p.rank().withModel(!p.rank().rankModel()));
            }
            case 12 -> {
                RankPolicy r = p.rank();
                double f = Math.round((r.rankFraction() * (random.nextBoolean() ? 1.5 : 1 / 1.5)) * 100) / 100.0;
                return p.withRank(r.withCut(Math.max(0.1, Math.min(1.0, f)), r.rankMinMeasured()));
            }
            case 13 -> {
                RankPolicy r = p.rank();
                int n = Math.max(1, Math.min(12, r.rankMinMeasured() + (random.nextBoolean() ? 1 : -1)));
                return p.withRank(r.withCut(r.rankFraction(), n));
            }
            case 14 -> {
                RankPolicy r = p.rank();
                int n = Math.max(0, Math.min(4, r.rankExplore() + (random.nextBoolean() ? 1 : -1)));
                return p.withRank(r.withExplore(n));
            }
            case 15 -> {
                return p.rank().rankModel() ? p.withRank(p.rank().withAdapt(!p.rank().rankAdapt())) : p;
            }
            case 16 -> {
                return p.withLukewarmShare(lukewarm(p.lukewarmShare(), random.nextBoolean()));
            }
            case 17 -> {   // with the model re-ordering, the lineage order is not used: toggling it would change nothing
                return p.rank().rankModel() && p.rank().rankAdapt() ? p : p.withLineageOrder(!p.lineageOrder());
            }
            case 18 -> {   // screening past the cut only happens when the model cuts
                RankPolicy r = p.rank();
                int n = Math.max(0, Math.min(4, r.rankExtend() + (random.nextBoolean() ? 1 : -1)));
                return r.rankModel() ? p.withRank(r.withExtend(n)) : p;
            }
            case 19 -> {   // halving's cap after the cut: 0 (the keepFraction alone), 2, 3 or 4; only when the model cuts
                RankPolicy r = p.rank();
                int[] values = {0, 2, 3, 4};
                int n = values[random.nextInt(values.length)];
                return r.rankModel() ? p.withRank(r.withFinalists(n)) : p;
            }
            default -> {
                return p.withOrder(p.order() == Policy.Order.ROUND_ROBIN ? Policy.Order.BY_TRANSFORM : Policy.Order.ROUND_ROBIN);
            }
        }
    }

    /* The lukewarm share halved or doubled (from 0 up to the smallest step), within [0, Policy.MAX_LUKEWARM_SHARE]. */
    static double lukewarm(double share, boolean up) {
        if (up) {
            return Math.min(Policy.MAX_LUKEWARM_SHARE, share == 0 ? LUKEWARM_STEP : share * 2);
        }
        return share / 2 < LUKEWARM_STEP ? 0 : share / 2;
    }

    /** The smallest lukewarm share the mutator proposes above 0. */
    static final double LUKEWARM_STEP = 0.025;

    /*
     * A proposal from evidence rather than chance, by the first of four rules that applies (one exception to the order, under (b)).
     * (a) With the model off the search measures variants in the order its rounds propose them; when
     * every target the parent swapped had its winner among the first k measured, the variants after k
     * cost forks and found nothing: the child caps maxVariants at 1.5 k (at least 4; the slack is for
     * targets, the held-out ones above all, whose winner comes a little later), proposed only when the
     * cap is under 3/4 of what was really measured (the budget can end screening before maxVariants
     * does). With the model on, the measured order is the model's, not the generator's, so a cap on
     * what is generated would cut variants the model ranks first: the rule does not apply. With
     * lineageOrder on (the default) screening moves the chains of clear losers behind later-generated
     * variants, so k is the winner's place in the generator's order (TargetScore.generatedAt), not in the
     * order screened: a winner screened 3rd but generated 20th must not be cut by a cap of 5.
     * (b) Otherwise, when the parent screened at least twice what the ranking model would let through,
     * the child turns the model on (ranked below). Rule (b) goes first when (a)'s cap would spare under
     * half the first-round screenings the model's cut would, summed over the parent's targets: in three
     * runs of scripts/self-improve.sh (session 26) (a) capped 24 at 15-18 where the tunings had screened
     * 16-24, spared 7-10 screenings, and its candidate cost 67-71 forks against the parent's 66-70, a
     * generation spent on nothing; the model's cut of 6 would have spared 28-31.
     * (c) Otherwise, with the model on, rule (a) in the model's order: the winners came among the
     * first k it let through, so the child lets through max(3, 1.5 k) (rankCut below).
     * (d) Otherwise, when successive halving's later rounds changed nothing that mattered: every swap's
     * winner already ranked r-th of s in the first screening round, the child keeps 1.5 x the largest
     * r / s of each round (rounded up to 0.05, at least 0.2), proposed only when that is at least 0.1
     * below the parent's keepFraction; fewer survivors means fewer re-measuring rounds.
     * The meta loop judges each like any candidate: adopted only when it reaches the same speedup with
     * >= 30% fewer measurements, confirmed by a re-run and not vetoed on held-out.
     */
    /** A child proposed from the parent's scoring evidence, or null when the evidence suggests nothing. */
    public Policy informed(Policy parent, Utility evidence) {
        if (evidence == null) {
            return null;
        }
        Policy capped = parent.rank().rankModel() ? null : capped(parent, evidence);
        Policy ranked = ranked(parent, evidence);
        if (capped != null && (ranked == null
                || 2 * saved(evidence, capped.maxVariants()) >= saved(evidence, rankedScreens(parent)))) {
            return capped;
        }
        if (ranked != null) {
            return ranked;
        }
        Policy cut = rankCut(parent, evidence);
        return cut != null ? cut : fewerRounds(parent, evidence);
    }

    /* Whether keep lets fewer through round 1 than parentKeep for some swapped target (ceil(s x keep) < ceil(s x parentKeep)):
     * with 4 screened, 0.4 and 0.5 both keep 2, and a proposal that changes nothing costs a generation. */
    private static boolean fewerSurvivors(Utility evidence, double parentKeep, double keep) {
        return evidence.targets().stream().filter(t -> "swap".equals(t.decision())).anyMatch(t ->
                Math.ceil(t.screened() * keep - 1e-9) < Math.ceil(t.screened() * parentKeep - 1e-9));
    }

    /** The fewest the model lets through under {@link #rankCut}: one winner and two to race it. */
    static final int MIN_CUT = 3;

    /*
     * Rule (c), rule (a) with the model on: the winners came among the first k the model let through, in the
     * model's order, so the rest of its cut cost forks and found nothing. The child screens
     * max(3, 1.5 k) plus the explorers: rankMinMeasured that many and rankFraction at its floor, so
     * the cut no longer grows with maxVariants. Proposed only when that is at most 3/4 of what the
     * parent screened.
     */
    private static Policy rankCut(Policy parent, Utility evidence) {
        RankPolicy r = parent.rank();
        if (!r.rankModel()) {
            return null;
        }
        int latest = latestWinner(evidence, TargetScore::winnerAt);   // in the model's order, the order screened
        if (latest <= 0) {
            return null;
        }
        int cut = Math.max(MIN_CUT, (int) Math.ceil(latest * 1.5));
        if ((cut + r.rankExplore()) * 4 > mostScreened(evidence) * 3) {
            return null;
        }
        /* every other rank knob is the parent's: the rule is about the cut */
        RankPolicy child = r.withModel(true).withCut(RankPolicy.MIN_FRACTION, cut);
        return child.equals(r) ? null : parent.withRank(child);
    }

    /** The fewest kept by {@link #fewerRounds}: below a fifth, one noisy first round would decide alone. */
    static final double MIN_KEEP = 0.2;

    /* Every swap's winner led (or nearly) in the first round: keep fewer survivors per round. */
    private static Policy fewerRounds(Policy parent, Utility evidence) {
        double worst = 0;
        boolean rounds = false;
        for (TargetScore t : evidence.targets()) {
            if ("swap".equals(t.decision())) {
                if (t.firstRoundRank() <= 0 || t.screened() <= 0) {
                    return null;  // a swap without the evidence: nothing to go on
                }
                worst = Math.max(worst, (double) t.firstRoundRank() / t.screened());
                rounds |= Math.ceil(t.screened() * parent.keepFraction() - 1e-9) >= 2;
            }
        }
        if (worst == 0 || !rounds) {
            return null;  // no swap, or no target ran a second round: nothing to save
        }
        double keep = Math.max(MIN_KEEP, Math.ceil(worst * 1.5 * 20 - 1e-9) / 20);
        if (keep > parent.keepFraction() - 0.1 + 1e-9 || !fewerSurvivors(evidence, parent.keepFraction(), keep)) {
            return null;
        }
        return parent.withSearch(parent.transforms(), parent.maxDepth(), parent.maxVariants(), parent.screenForks(), keep);
    }

    /* The latest place a swap's winner was found (by {@code place}): 0 with no swap, -1 when a swap lacks that evidence. */
    private static int latestWinner(Utility evidence, java.util.function.ToIntFunction<TargetScore> place) {
        int latest = 0;
        for (TargetScore t : evidence.targets()) {
            if ("swap".equals(t.decision())) {
                int at = place.applyAsInt(t);
                if (at <= 0) {
                    return -1;  // a swap without the evidence: nothing to go on
                }
                latest = Math.max(latest, at);
            }
        }
        return latest;
    }

    /* First-round screenings a limit of {@code limit} variants per target would have spared the parent's tunings. */
    static int saved(Utility evidence, int limit) {
        return evidence.targets().stream().mapToInt(t -> Math.max(0, t.screened() - limit)).sum();
    }

    /* The most variants any target's tuning screened. */
    private static int mostScreened(Utility evidence) {
        return evidence.targets().stream().mapToInt(TargetScore::screened).max().orElse(0);
    }

    /* Every swap's winner was found early: cap maxVariants at 1.5x where the latest was found. */
    private static Policy capped(Policy parent, Utility evidence) {
        int latest = latestWinner(evidence, TargetScore::generatedAt);   // a cap on what is generated: the generator's order
        if (latest <= 0) {
            return null;
        }
        /* a cap saves forks only below what was measured (the budget may stop screening before maxVariants) */
        int cap = Math.max(4, (int) Math.ceil(latest * 1.5));
        if (cap > Math.min(parent.maxVariants(), mostScreened(evidence)) * 3 / 4) {
            return null;
        }
        return parent.withSearch(parent.transforms(), parent.maxDepth(), cap, parent.screenForks(), parent.keepFraction());
    }

    /*
     * The parent screened every variant its budget reached, at least twice what the ranking model
     * would let through: turn the model on (with its per-method update), so that only the most
     * promising are screened. Whether the model finds the same winners is then measured like any
     * candidate: training utility, a fresh re-run and the held-out veto, with a held-out model that
     * never saw the held-out methods.
     */
    private static Policy ranked(Policy parent, Utility evidence) {
        if (parent.rank().rankModel()) {
            return null;
        }
        int screened = mostScreened(evidence);
        return screened >= 2 * rankedScreens(parent) ? parent.withRank(parent.rank().withModel(true).withAdapt(true)) : null;
    }

    /* What the model lets through of maxVariants: the kept share plus the explorers. */
    private static int rankedScreens(Policy p) {
        int n = p.maxVariants();
        return Math.min(n, Math.max(p.rank().rankMinMeasured(), (int) Math.ceil(p.rank().rankFraction() * n - 1e-9)))
                + p.rank().rankExplore();
    }

    /** Why {@link #informed} proposed {@code child}, in words. */
    static String informedWhy(Policy parent, Policy child, Utility evidence) {
        if (child.maxVariants() != parent.maxVariants()) {
            int latest = evidence.targets().stream().mapToInt(TargetScore::winnerAt).max().orElse(0);
            return "from evidence: every swap's winner was among the first " + latest + " variants measured; maxVariants "
                    + parent.maxVariants() + " -> " + child.maxVariants();
        }
        if (parent.rank().rankModel() && !child.rank().equals(parent.rank())) {
            String at = evidence.targets().stream().filter(t -> "swap".equals(t.decision()))
                    .map(t -> t.winnerAt() + " of " + t.screened()).collect(java.util.stream.Collectors.joining(", "));
            return "from evidence: with the model on, every swap's winner came at " + at + " in the model's order; the model "
                    + "now lets through " + child.rank().rankMinMeasured() + " (+" + child.rank().rankExplore()
                    + " explored): rankMinMeasured " + parent.rank().rankMinMeasured() + " -> " + child.rank().rankMinMeasured()
                    + ", rankFraction " + parent.rank().rankFraction() + " -> " + child.rank().rankFraction();
        }
        if (child.keepFraction() != parent.keepFraction()) {
            String ranks = evidence.targets().stream().filter(t -> "swap".equals(t.decision()))
                    .map(t -> t.firstRoundRank() + " of " + t.screened()).collect(java.util.stream.Collectors.joining(", "));
            return "from evidence: every swap's winner ranked " + ranks + " in the first screening round, so later rounds "
                    + "changed nothing that mattered: keepFraction " + parent.keepFraction() + " -> " + child.keepFraction();
        }
        int screened = mostScreened(evidence);
        return "from evidence: the parent's tunings screened up to " + screened + " variants each; the ranking model "
                + "(re-ordered by each method's own results) would screen " + rankedScreens(child) + ": rankModel false -> true";
    }

    private Map<String, List<Integer>> mutateRange(Policy p, int kind) {
        Map<String, List<Integer>> ranges = new LinkedHashMap<>(p.ranges());
        String key = Policy.RANGE_KEYS.get(random.nextInt(Policy.RANGE_KEYS.size()));
        List<Integer> values = new ArrayList<>(ranges.getOrDefault(key, Policy.defaults().ranges().get(key)));
        if (kind == 3 && values.size() > 1) {
            values.add(0, values.remove(1 + random.nextInt(values.size() - 1)));
        } else if (kind == 4 && values.size() > 1) {
            values.remove(random.nextInt(values.size()));
        } else {
            List<Integer> pool = new ArrayList<>(RANGE_POOL.get(key));
            pool.removeAll(values);
            if (!pool.isEmpty()) {
                values.add(random.nextInt(values.size() + 1), pool.get(random.nextInt(pool.size())));
            }
        }
        ranges.put(key, values);
        return ranges;
    }

    private static Policy withTransforms(Policy p, List<String> t) {
        return p.withSearch(t, p.maxDepth(), p.maxVariants(), p.screenForks(), p.keepFraction());
    }
}
