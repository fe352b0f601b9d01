package dev.selftune.measure;

import java.util.Locale;

/**
 * The alpha-spending schedule of a sequential confirmation: how much of the false-swap rate each
 * look at the fork pairs may spend, and so the confidence, the fewest pairs and the next size of
 * every look. The sum over all looks never exceeds the one-sided rate {@code (1 - confidence) / 2}.
 */
public record SequentialTest(double confidence) {
    /** No confirmation grows beyond this many fork pairs, whatever the budget. */
    public static final int MAX_PAIRS = 40;
    /** The share of the false-swap rate spent on the first look. */
    static final double FIRST_LOOK_SHARE = 2.0 / 3.0;

    /* Why spend the rate this way: a confirmation that ends undecided ("1.43x [0.99, 2.05]") with
     * budget left should buy more pairs and look again, but every extra look is one more chance for
     * an A/A comparison to cross the line by luck. Splitting the one-sided rate alpha over the looks
     * (alpha_1 + alpha_2 + ... <= alpha) bounds the chance of any false swap by alpha whatever the
     * correlation between looks and however many looks the budget allows: the union bound, the
     * simplest alpha-spending rule (Bonferroni spending; Lan & DeMets 1983 spend less conservatively
     * but need the information fraction planned in advance, which a budget that re-plans as fork
     * costs move cannot give).
     * Why 2/3 first: most confirmations are decided at the first look, and the sign test needs all of
     * n pairs one way with P = 2^-n <= alpha_1. At 95% (alpha = 0.025) 2/3 keeps that at 6 pairs
     * (2^-6 = 0.0156 <= 0.0167), the same floor as before sequential looks existed. Later looks share
     * the last third geometrically (1/6, 1/12, 1/24 ... of alpha), so the sum is bounded for any number
     * of looks. Stopping early for futility (the interval's upper end below the minimum effect) only
     * lowers the false-swap rate, so it needs no spending. */

    public SequentialTest {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), like 0.95, got " + confidence);
        }
    }

    /** The whole one-sided false-swap rate, {@code (1 - confidence) / 2}. */
    public double alpha() {
        return (1 - confidence) / 2;
    }

    /** The one-sided rate spent at {@code look} (1-based). */
    public double alphaAt(int look) {
        if (look < 1) {
            throw new IllegalArgumentException("looks are numbered from 1, got " + look);
        }
        return look == 1 ? alpha() * FIRST_LOOK_SHARE : alpha() * (1 - FIRST_LOOK_SHARE) * Math.pow(0.5, look - 1);
    }

    /** The two-sided confidence of the interval and sign test at {@code look}. */
    public double confidenceAt(int look) {
        return 1 - 2 * alphaAt(look);
    }

    /** The fewest pairs with which all pairs one way pass the sign test at {@code look} (6 at the first look at 95%). */
    public int minPairsAt(int look) {
        return Stats.minPairsForSignTest(confidenceAt(look));
    }

    /** Pairs measured before the first look. */
    public int firstPairs() {
        return Math.max(3, minPairsAt(1));
    }

    /**
     * The total pairs to have at {@code look + 1} when look {@code look} with {@code pairs} pairs was
     * undecided: half as many again (at least 4 more), at least the next look's sign-test floor,
     * never above {@link #MAX_PAIRS}.
     */
    public int nextPairs(int pairs, int look) {
        int grown = Math.max(pairs + 4, (int) Math.ceil(pairs * 1.5));
        return Math.min(MAX_PAIRS, Math.max(grown, minPairsAt(look + 1)));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "sequential test at %.0f%%: look 1 at %.2f%% one-sided, then halving", confidence * 100,
                alphaAt(1) * 100);
    }
}
