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
 * two screened, or nothing screened yet beats the original by that margin), and how many of the screened
 * variants successive halving re-measures when the model ranked ({@code rankFinalists}: at most that many
 * in each later round, so 2 is one round of the two leaders; 0 leaves halving to the policy's keepFraction).
 * The model only decides what is screened and how often; confirmation and the decision never see it.
 */
public record RankPolicy(boolean rankModel, double rankFraction, int rankMinMeasured, int rankExplore, boolean rankAdapt,
                         int rankExtend, int rankFinalists) {
    /** Bounds of each knob, named in every error. */
    public static final double MIN_FRACTION = 0.05;
    public static final int MAX_MIN_MEASURED = 1000;
    public static final int MAX_EXPLORE = 100;
    public static final int MAX_EXTEND = 100;
    public static final int MAX_FINALISTS = 100;

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
        if (rankFinalists != 0 && (rankFinalists < 2 || rankFinalists > MAX_FINALISTS)) {
            throw new IllegalArgumentException("rankFinalists must be 0 or in 2.." + MAX_FINALISTS + ", got " + rankFinalists
                    + ": how many screened variants successive halving re-measures after the model's cut (0: the policy's "
                    + "keepFraction alone decides; 1 would re-measure none, and the leader needs a second fork)");
        }
    }

    /** The six older knobs, with {@code rankFinalists} at its default. */
    public RankPolicy(boolean rankModel, double rankFraction, int rankMinMeasured, int rankExplore, boolean rankAdapt,
                      int rankExtend) {
        this(rankModel, rankFraction, rankMinMeasured, rankExplore, rankAdapt, rankExtend, DEFAULT_FINALISTS);
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
     * plus one random explorer: of the default 24 variants 5 + 1 are screened, which with the baseline
     * and one halving round of two (rankFinalists) is about 10 screening forks instead of 52 (issue 7 asks for 3x fewer).
     */
    public static RankPolicy defaults() {
        return new RankPolicy(false, 0.2, 3, 1, true, DEFAULT_EXTEND, DEFAULT_FINALISTS);
    }

    /*
     * Two: after the model's cut the first round is already a round of finalists (5 + 1 of 24 by default), and
     * halving them at the policy's keepFraction (0.5) re-measured 3, then 2 of them: 7 forks, as many as screening
     * them. Replayed offline on r33's model-off pass, each fork scattered by 8% (docs/ranking-model.md, "halving
     * after the cut"), one round of the two leaders sent on a pick as good (pick / best of all 0.962 against 0.964)
     * with 3.4x fewer screening forks than model-off instead of 2.7x; measured, 2.9x instead of 2.4x. The leader
     * still has its second fork before it is sent on, and the confirmation re-measures it in fresh interleaved
     * forks whatever screening said.
     */
    public static final int DEFAULT_FINALISTS = 2;

    public RankPolicy withModel(boolean on) {
        return new RankPolicy(on, rankFraction, rankMinMeasured, rankExplore, rankAdapt, rankExtend, rankFinalists);
    }

    public RankPolicy withAdapt(boolean on) {
        return new RankPolicy(rankModel, rankFraction, rankMinMeasured, rankExplore, on, rankExtend, rankFinalists);
    }

    public RankPolicy withExtend(int n) {
        return new RankPolicy(rankModel, rankFraction, rankMinMeasured, rankExplore, rankAdapt, n, rankFinalists);
    }

    /** This policy with {@code fraction} and {@code minMeasured} as its cut, every other knob kept. */
    public RankPolicy withCut(double fraction, int minMeasured) {
        return new RankPolicy(rankModel, fraction, minMeasured, rankExplore, rankAdapt, rankExtend, rankFinalists);
    }

    public RankPolicy withExplore(int n) {
        return new RankPolicy(rankModel, rankFraction, rankMinMeasured, n, rankAdapt, rankExtend, rankFinalists);
    }

    public RankPolicy withFinalists(int n) {
        return new RankPolicy(rankModel, rankFraction, rankMinMeasured, rankExplore, rankAdapt, rankExtend, n);
    }
}
