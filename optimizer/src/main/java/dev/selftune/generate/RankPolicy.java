package dev.selftune.generate;

import java.util.Locale;

/**
 * The ranking model's knobs, part of the search policy: whether a learned model orders and filters
 * the variants before screening ({@code rankModel}), the fraction of them screened
 * ({@code rankFraction}), the fewest screened whatever the model says ({@code rankMinMeasured}) and
 * how many ranked-out variants are screened anyway, picked at random ({@code rankExplore}), and whether
 * the order is re-made after every screening result from what this target's variants have shown so
 * far ({@code rankAdapt}, see {@code rank/Adaptive}), and how many variants screening may go on past the
 * cut ({@code rankExtend}: one more at a time while a new best by a clear margin was set by one of the last
 * two screened, or nothing screened yet beats the original by that margin). The model only decides what is screened;
 * confirmation and the decision never see it.
 */
public record RankPolicy(boolean rankModel, double rankFraction, int rankMinMeasured, int rankExplore, boolean rankAdapt,
                         int rankExtend) {
    /** Bounds of each knob, named in every error. */
    public static final double MIN_FRACTION = 0.05;
    public static final int MAX_MIN_MEASURED = 1000;
    public static final int MAX_EXPLORE = 100;
    public static final int MAX_EXTEND = 100;

    public RankPolicy {
        if (!(rankFraction >= MIN_FRACTION && rankFraction <= 1.0)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "rankFraction must be in [%.2f, 1], got %s: the share of the variants the model lets through to screening",
                    MIN_FRACTION, rankFraction));
        }
        if (rankMinMeasured < 1 || rankMinMeasured > MAX_MIN_MEASURED) {
            throw new IllegalArgumentException("rankMinMeasured must be in 1.." + MAX_MIN_MEASURED + ", got " + rankMinMeasured
                    + ": the fewest variants screened whatever the model predicts");
        }
        if (rankExplore < 0 || rankExplore > MAX_EXPLORE) {
            throw new IllegalArgumentException("rankExplore must be in 0.." + MAX_EXPLORE + ", got " + rankExplore
                    + ": how many ranked-out variants are screened anyway, at random");
        }
        if (rankExtend < 0 || rankExtend > MAX_EXTEND) {
            throw new IllegalArgumentException("rankExtend must be in 0.." + MAX_EXTEND + ", got " + rankExtend
                    + ": how many variants screening may go on past the cut while one of the last two screened set a new best "
                    + "or nothing screened beats the original");
        }
    }

    /** The five older knobs, with {@code rankExtend} at its default. */
    public RankPolicy(boolean rankModel, double rankFraction, int rankMinMeasured, int rankExplore, boolean rankAdapt) {
        this(rankModel, rankFraction, rankMinMeasured, rankExplore, rankAdapt, DEFAULT_EXTEND);
    }

    /** The four older knobs, with {@code rankAdapt} on and {@code rankExtend} at their defaults. */
    public RankPolicy(boolean rankModel, double rankFraction, int rankMinMeasured, int rankExplore) {
        this(rankModel, rankFraction, rankMinMeasured, rankExplore, true, DEFAULT_EXTEND);
    }

    /*
     * Two: with the update after each result (rankAdapt), a variant that screens far ahead of everything
     * before it moves the composites built on its transforms to the front, but when it is the last one the
     * cut lets through, none of them is screened (matrix-multiply, never seen by the model: interchange
     * alone was found, 1.9x, and interchange + hoist, 7.7x, was ranked out). Going on while one of the last two
     * results (Race.FOLLOW_UPS) is a new best screens the composites next in line, two at most. And when
     * nothing the cut let through beats the original, the model's picks were wrong for this method
     * (matrix-vector, never seen: four hoist and unroll variants at 1.00-1.04x, split-accumulators, 1.7x,
     * ranked out), so the next in line are tried, two at most.
     */
    public static final int DEFAULT_EXTEND = 2;

    /*
     * Off by default: generation 0 of the meta loop is tune's default policy, unchanged; the loop
     * (PolicyMutator) or a policy file turns the model on. A fifth of the variants, at least three,
     * plus one random explorer: of the default 24 variants 5 + 1 are screened, which with successive
     * halving is about 15 screening forks instead of 52 (issue 7 asks for 3x fewer).
     */
    public static RankPolicy defaults() {
        return new RankPolicy(false, 0.2, 3, 1, true, DEFAULT_EXTEND);
    }

    public RankPolicy withModel(boolean on) {
        return new RankPolicy(on, rankFraction, rankMinMeasured, rankExplore, rankAdapt, rankExtend);
    }

    public RankPolicy withAdapt(boolean on) {
        return new RankPolicy(rankModel, rankFraction, rankMinMeasured, rankExplore, on, rankExtend);
    }

    public RankPolicy withExtend(int n) {
        return new RankPolicy(rankModel, rankFraction, rankMinMeasured, rankExplore, rankAdapt, n);
    }
}
