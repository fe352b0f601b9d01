package dev.selftune.generate;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Every knob that shapes the search, and nothing else the generator reads: which transforms in
 * which order, their parameter ranges and limits, how deep they compose, in what order candidates
 * are tried, how many variants per round, the racing cut-offs and the ranking model's settings
 * ({@link RankPolicy}: what is screened, never what is judged). Saved to and loaded from a file
 * so the meta loop can tune the tuner. The evaluator's thresholds (confidence, minimum speedup,
 * input counts, fork plans) are deliberately not here.
 */
public record Policy(
        List<String> transforms,
        Map<String, List<Integer>> ranges,
        int maxDepth,
        int maxVariants,
        int screenForks,
        double keepFraction,
        int maxCopiedInsns,
        int maxUnrollFactor,
        int maxSplitAccumulators,
        int constantSmallest,
        int constantMax,
        Order order,
        RankPolicy rank,
        double lukewarmShare,
        boolean lineageOrder) {

    /** The default {@link #lukewarmShare}: a loop nest run under a tenth as often as the hottest is tried after the others. */
    public static final double DEFAULT_LUKEWARM_SHARE = 0.10;
    /** The largest {@link #lukewarmShare}: above it a nest run half as often as the hottest would wait behind it. */
    public static final double MAX_LUKEWARM_SHARE = 0.5;

    /** The range keys transforms read; a policy naming another is refused. */
    public static final List<String> RANGE_KEYS = List.of(
            "unroll.factor", "split-accumulators.k", "tune-constant.scale", "tune-constant.absolute", "tile.block",
            "privatise-scatter.k", "unroll-and-jam.factor");

    /** How the generator interleaves the transforms' candidates (see Generator's search-order note). */
    public enum Order {
        /** Rank q goes to the q-th candidate taken round-robin across transforms: every transform's best comes early. */
        ROUND_ROBIN,
        /** All candidates of the first transform in policy order, then the next transform's. */
        BY_TRANSFORM;

        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** The order called {@code key} ({@code round-robin}, {@code by-transform}); an error names the known ones. */
        public static Order of(String key) {
            for (Order o : values()) {
                if (o.key().equals(key)) {
                    return o;
                }
            }
            throw new IllegalArgumentException("unknown order '" + key + "': known orders are round-robin, by-transform");
        }
    }

    public Policy {
        transforms = List.copyOf(transforms);
        ranges = Map.copyOf(ranges);
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(rank, "rank");
        for (String t : transforms) {
            if (!Transforms.names().contains(t)) {
                throw new IllegalArgumentException("unknown transform '" + t + "': known transforms are "
                        + String.join(", ", Transforms.names()));
            }
        }
        for (String k : new TreeMap<>(ranges).keySet()) {
            if (!RANGE_KEYS.contains(k)) {
                throw new IllegalArgumentException("unknown range '" + k + "': known ranges are " + String.join(", ", RANGE_KEYS));
            }
        }
        if (maxDepth < 1 || maxVariants < 1 || screenForks < 1) {
            throw new IllegalArgumentException("policy needs maxDepth, maxVariants and screenForks >= 1");
        }
        if (!(keepFraction > 0 && keepFraction < 1)) {
            throw new IllegalArgumentException("keepFraction must be in (0, 1), got " + keepFraction);
        }
        if (maxCopiedInsns < 1) {
            throw new IllegalArgumentException("maxCopiedInsns must be >= 1, got " + maxCopiedInsns);
        }
        if (maxUnrollFactor < 2 || maxUnrollFactor > 64 || maxSplitAccumulators < 2 || maxSplitAccumulators > 64) {
            throw new IllegalArgumentException("maxUnrollFactor and maxSplitAccumulators must be in 2..64, got "
                    + maxUnrollFactor + " and " + maxSplitAccumulators);
        }
        if (constantSmallest < 1 || constantMax < constantSmallest || constantMax > Short.MAX_VALUE) {
            throw new IllegalArgumentException("tune-constant limits need 1 <= constantSmallest <= constantMax <= "
                    + Short.MAX_VALUE + ", got " + constantSmallest + " and " + constantMax);
        }
        if (!(lukewarmShare >= 0 && lukewarmShare <= MAX_LUKEWARM_SHARE)) {
            throw new IllegalArgumentException("lukewarmShare must be in [0, " + MAX_LUKEWARM_SHARE + "], got " + lukewarmShare
                    + ": candidates that rewrite only loop nests run less than this share of the hottest nest's count are tried after the others (0: none are)");
        }
    }

    /** A policy with the default {@link #lukewarmShare} and {@link #lineageOrder}. */
    public Policy(List<String> transforms, Map<String, List<Integer>> ranges, int maxDepth, int maxVariants,
                  int screenForks, double keepFraction, int maxCopiedInsns, int maxUnrollFactor,
                  int maxSplitAccumulators, int constantSmallest, int constantMax, Order order, RankPolicy rank) {
        this(transforms, ranges, maxDepth, maxVariants, screenForks, keepFraction, maxCopiedInsns, maxUnrollFactor,
                maxSplitAccumulators, constantSmallest, constantMax, order, rank, DEFAULT_LUKEWARM_SHARE, true);
    }

    /** A policy with the default ranking settings (the model off). */
    public Policy(List<String> transforms, Map<String, List<Integer>> ranges, int maxDepth, int maxVariants,
                  int screenForks, double keepFraction, int maxCopiedInsns, int maxUnrollFactor,
                  int maxSplitAccumulators, int constantSmallest, int constantMax, Order order) {
        this(transforms, ranges, maxDepth, maxVariants, screenForks, keepFraction, maxCopiedInsns, maxUnrollFactor,
                maxSplitAccumulators, constantSmallest, constantMax, order, RankPolicy.defaults());
    }

    /** A policy with the default generator limits and order. */
    public Policy(List<String> transforms, Map<String, List<Integer>> ranges, int maxDepth, int maxVariants,
                  int screenForks, double keepFraction) {
        this(transforms, ranges, maxDepth, maxVariants, screenForks, keepFraction,
                1600, 16, 16, 3, Short.MAX_VALUE, Order.ROUND_ROBIN);
    }

    /** A range by key such as {@code unroll.factor}, or {@code fallback} when the policy has none. */
    public List<Integer> range(String key, List<Integer> fallback) {
        if (!RANGE_KEYS.contains(key)) {
            throw new IllegalArgumentException("range '" + key + "' is not in Policy.RANGE_KEYS: add it there first");
        }
        return ranges.getOrDefault(key, fallback);
    }

    /*
     * Limits: maxCopiedInsns is body size times copies above which unroll and split-accumulators
     * decline (HotSpot does not compile a method over 8000 bytecode bytes, -XX:+DontCompileHugeMethods;
     * 1600 instructions stays well below it). The factor caps bound the copies and the accumulator
     * locals. constantSmallest: tune-constant leaves values below it alone (0, 1, 2 are almost
     * always structure, not knobs); constantMax: the largest value it proposes. lukewarmShare: where the
     * verification rows spend their time orders the first level (HotCode): a candidate that rewrites only
     * loop nests run less than this share of the hottest nest's count is tried after the others; 0 tries
     * every nest that ran in the transforms' own order. (Code no row ran is left out whatever the share:
     * verification could not check it, so that is not a knob.) lineageOrder: without a ranking model
     * that re-orders, compositions built on a variant that screened clearly behind the best so far are
     * screened last (search/LineageOrder); off, screening keeps the generator's order.
     */
    public static Policy defaults() {
        return new Policy(
                List.of("specialise", "inline", "guarded-devirtualise", "narrow-index", "trip-count", "branch-free", "interchange", "guarded-interchange", "tile", "hoist", "hoist-invariants", "row-accumulate", "unroll-and-jam", "privatise-scatter", "split-accumulators", "unroll", "algorithm-choice",
                        "tune-constant"),
                Map.of("unroll.factor", List.of(4, 8, 2),
                        "split-accumulators.k", List.of(4, 8, 2),
                        "unroll-and-jam.factor", List.of(4, 8, 2),
                        "tune-constant.scale", List.of(200, 50, 400, 25, 800),
                        "tune-constant.absolute", List.of(8, 16, 32, 64),
                        "tile.block", List.of(32, 16, 64, 8),
                        "privatise-scatter.k", List.of(4, 2)),
                3, 24, 1, 0.5);
    }

    /** This policy with these transforms, depth, variant count, screening forks and keep fraction; every other knob kept. */
    public Policy withSearch(List<String> t, int depth, int variants, int forks, double keep) {
        return new Policy(t, ranges, depth, variants, forks, keep, maxCopiedInsns, maxUnrollFactor, maxSplitAccumulators,
                constantSmallest, constantMax, order, rank, lukewarmShare, lineageOrder);
    }

    public Policy withRanges(Map<String, List<Integer>> r) {
        return new Policy(transforms, r, maxDepth, maxVariants, screenForks, keepFraction,
                maxCopiedInsns, maxUnrollFactor, maxSplitAccumulators, constantSmallest, constantMax, order, rank, lukewarmShare, lineageOrder);
    }

    public Policy withLimits(int copiedInsns, int unrollFactor, int splitAccumulators, int smallest, int largest) {
        return new Policy(transforms, ranges, maxDepth, maxVariants, screenForks, keepFraction,
                copiedInsns, unrollFactor, splitAccumulators, smallest, largest, order, rank, lukewarmShare, lineageOrder);
    }

    public Policy withOrder(Order o) {
        return new Policy(transforms, ranges, maxDepth, maxVariants, screenForks, keepFraction,
                maxCopiedInsns, maxUnrollFactor, maxSplitAccumulators, constantSmallest, constantMax, o, rank, lukewarmShare, lineageOrder);
    }

    public Policy withRank(RankPolicy r) {
        return new Policy(transforms, ranges, maxDepth, maxVariants, screenForks, keepFraction,
                maxCopiedInsns, maxUnrollFactor, maxSplitAccumulators, constantSmallest, constantMax, order, r, lukewarmShare, lineageOrder);
    }

    /** This policy with {@code share} as {@link #lukewarmShare}. */
    public Policy withLukewarmShare(double share) {
        return new Policy(transforms, ranges, maxDepth, maxVariants, screenForks, keepFraction,
                maxCopiedInsns, maxUnrollFactor, maxSplitAccumulators, constantSmallest, constantMax, order, rank, share, lineageOrder);
    }

    /** This policy with {@code on} as {@link #lineageOrder}. */
    public Policy withLineageOrder(boolean on) {
        return new Policy(transforms, ranges, maxDepth, maxVariants, screenForks, keepFraction,
                maxCopiedInsns, maxUnrollFactor, maxSplitAccumulators, constantSmallest, constantMax, order, rank, lukewarmShare, on);
    }
}
