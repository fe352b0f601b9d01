package dev.selftune.rank;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.Step;
import dev.selftune.api.Variant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The within-method update: residuals against the prior, one ridge-shrunk effect per transform. */
class AdaptiveTest {
    private static int ids;

    static Variant variant(String... transforms) {
        List<Step> steps = new ArrayList<>();
        for (String t : transforms) {
            steps.add(new Step(t, Map.of()));
        }
        ids++;
        return new Variant("v" + ids, Variant.ORIGINAL_ID, steps, new byte[] {(byte) ids});
    }

    @Test
    void adjust_nothingSeen_leavesThePrior() {
        List<Variant> vs = List.of(variant("tile"), variant("interchange"));
        assertArrayEquals(new double[] {0.1, 0.0}, Adaptive.adjust(vs, new double[] {0.1, 0.0}, Map.of(), Map.of()));
    }

    /* The matrix-multiply case: the prior put tile first; interchange then measured far above its prior. */
    @Test
    void adjust_aTransformThatBeatItsPrior_liftsTheCompositesThatUseIt() {
        Variant tile = variant("tile");
        Variant inter = variant("interchange");
        Map<Variant, Double> seenPrior = Map.of(tile, 0.11, inter, 0.10);
        Map<Variant, Double> seen = new LinkedHashMap<>();
        seen.put(tile, 0.32);    // 1.38x where 1.12x was predicted
        seen.put(inter, 0.65);   // 1.92x where 1.11x was predicted
        Variant tileUnroll = variant("tile", "unroll");
        Variant hoistInterUnroll = variant("hoist", "interchange", "unroll");
        double[] adjusted = Adaptive.adjust(List.of(tileUnroll, hoistInterUnroll), new double[] {0.02, 0.01}, seen, seenPrior);
        assertTrue(adjusted[1] > adjusted[0], "interchange's composite now first: " + java.util.Arrays.toString(adjusted));
    }

    @Test
    void adjust_aTransformThatDidWorseThanItsPrior_sinksItsComposites() {
        Variant unroll = variant("unroll");
        Variant split = variant("split-accumulators");
        Map<Variant, Double> seen = Map.of(unroll, -0.3, split, 0.2);
        Map<Variant, Double> seenPrior = Map.of(unroll, 0.2, split, 0.2);
        double[] adjusted = Adaptive.adjust(List.of(variant("unroll", "hoist"), variant("split-accumulators", "hoist")),
                new double[] {0.3, 0.2}, seen, seenPrior);
        assertTrue(adjusted[0] < adjusted[1], java.util.Arrays.toString(adjusted));
    }

    @Test
    void adjust_oneResult_isShrunkNotTakenWhole() {
        Variant a = variant("interchange");
        double[] adjusted = Adaptive.adjust(List.of(variant("interchange")), new double[] {0.0}, Map.of(a, 0.6), Map.of(a, 0.0));
        assertTrue(adjusted[0] > 0.1 && adjusted[0] < 0.6, "a ridge-shrunk share of the residual: " + adjusted[0]);
    }

    /* The column-sums case: the first two screened both apply row-accumulate and unroll; unroll-and-jam alone never came up. */
    @Test
    void firstSeparating_everyScreenedVariantSharesATransform_theBestWithoutItIsPicked() {
        Variant ra = variant("row-accumulate", "unroll-and-jam", "unroll");
        Variant raUnroll = variant("row-accumulate", "unroll");
        Variant raJam = variant("row-accumulate", "unroll-and-jam");
        Variant jamUnroll = variant("unroll-and-jam", "unroll");
        Variant jam = variant("unroll-and-jam");
        List<Variant> ranked = List.of(variant("row-accumulate", "unroll-and-jam", "unroll"), variant("row-accumulate", "unroll", "unroll"),
                jamUnroll, jam);
        assertEquals(2, Adaptive.firstSeparating(ranked, List.of(ra, raUnroll)),
                "row-accumulate and unroll were in both: jam + unroll, the first to leave one out (row-accumulate)");
        assertEquals(0, Adaptive.firstSeparating(List.of(raJam, jam), List.of(ra, raUnroll)),
                "row-accumulate + jam leaves out unroll: that separates too");
        assertEquals(-1, Adaptive.firstSeparating(ranked, List.of(ra)), "one result: nothing to separate yet");
        assertEquals(-1, Adaptive.firstSeparating(ranked, List.of(raUnroll, jam)), "nothing shared by all screened");
        assertEquals(-1, Adaptive.firstSeparating(List.of(raJam, ra), List.of(raUnroll, variant("row-accumulate"))),
                "every remaining variant applies row-accumulate too: the order stands");
    }

    private static Variant steps(Step... steps) {
        ids++;
        return new Variant("v" + ids, Variant.ORIGINAL_ID, List.of(steps), new byte[] {(byte) ids});
    }

    /* The matrix-multiply case of a leave-one-out run: the find interchange + tile + hoist carried tile, seen to hurt. */
    @Test
    void firstAblation_theBestCarriesAStepThatSlowedAVariant_theBestWithoutItIsPicked() {
        Step inter = new Step("interchange", Map.of("nest", 0));
        Step tile = new Step("tile", Map.of("nest", 0, "block", 32));
        Step hoist4 = new Step("hoist", Map.of("loop", 4));
        Step hoist3 = new Step("hoist", Map.of("loop", 3));
        Variant i = steps(inter);
        Variant it = steps(inter, tile);
        Variant ith = steps(inter, tile, hoist4);
        Map<Variant, Double> seen = new LinkedHashMap<>();
        seen.put(i, Math.log(1.55));
        seen.put(steps(new Step("unroll", Map.of("loop", 4))), Math.log(0.63));
        seen.put(it, Math.log(1.28));    // tile slowed interchange down
        seen.put(ith, Math.log(4.07));   // the find
        Variant ih3 = steps(inter, hoist3);
        Variant ih4 = steps(hoist4, inter);   // the same steps in another order
        Variant ith3 = steps(inter, tile, hoist3);
        assertEquals(2, Adaptive.firstAblation(List.of(ith3, ih3, ih4, steps(tile, hoist4)), seen),
                "interchange + hoist of the same loop: the find without tile, not a hoist of another loop");

        Map<Variant, Double> noHarm = new LinkedHashMap<>(seen);
        noHarm.put(it, Math.log(1.60));   // interchange + tile faster than interchange: no step seen to hurt
        assertEquals(-1, Adaptive.firstAblation(List.of(ith3, ih3, ih4), noHarm));
        Map<Variant, Double> ablated = new LinkedHashMap<>(seen);
        ablated.put(ih4, Math.log(6.4));
        ablated.put(ith, Math.log(7.0));
        assertEquals(-1, Adaptive.firstAblation(List.of(ith3, ih3), ablated),
                "the ablation was screened already: not a hoist of another loop instead");

        Map<Variant, Double> single = new LinkedHashMap<>();
        single.put(i, Math.log(2.0));
        single.put(it, Math.log(1.2));
        assertEquals(-1, Adaptive.firstAblation(List.of(ih4, steps(tile)), single), "the best is one step: nothing to take out");
    }

    /*
     * The column-sums case of a leave-one-out replay: row-accumulate renumbers the loops, so unroll-and-jam of loop 0
     * is unroll-and-jam of loop 4 after it, and the best composite without row-accumulate is no variant that was made.
     */
    @Test
    void firstAblation_theBestWithoutTheStepWasNeverMadeBecauseTheStepRenumberedLoops_comparesWithoutLoopIndices() {
        Step rowAcc = new Step("row-accumulate", Map.of("method", 0, "loop", 0));
        Step jam2 = new Step("unroll-and-jam", Map.of("method", 0, "loop", 0, "factor", 2));
        Step jam2After = new Step("unroll-and-jam", Map.of("method", 0, "loop", 4, "factor", 2));
        Step jam8After = new Step("unroll-and-jam", Map.of("method", 0, "loop", 4, "factor", 8));
        Map<Variant, Double> seen = new LinkedHashMap<>();
        seen.put(steps(jam2), Math.log(2.12));
        seen.put(steps(rowAcc, jam8After), Math.log(3.17));   // the best
        seen.put(steps(rowAcc), Math.log(1.84));
        Variant rowJam2 = steps(rowAcc, jam2After);
        seen.put(rowJam2, Math.log(1.75));   // row-accumulate slowed unroll-and-jam by 2 down
        Variant jam8 = steps(new Step("unroll-and-jam", Map.of("method", 0, "loop", 0, "factor", 8)));
        Variant jam4 = steps(new Step("unroll-and-jam", Map.of("method", 0, "loop", 0, "factor", 4)));
        Variant rowJam4 = steps(rowAcc, new Step("unroll-and-jam", Map.of("method", 0, "loop", 4, "factor", 4)));
        assertEquals(2, Adaptive.firstAblation(List.of(rowJam4, jam4, jam8), seen),
                "unroll-and-jam by 8 alone: the best without row-accumulate, its loop renumbered");

        Map<Variant, Double> helped = new LinkedHashMap<>(seen);
        helped.put(rowJam2, Math.log(2.30));   // row-accumulate made it faster: no evidence
        assertEquals(-1, Adaptive.firstAblation(List.of(rowJam4, jam4, jam8), helped));
    }

    @Test
    void solve_aKnownSystem() {
        double[][] a = {{4, 1, 9}, {1, 3, 7}};   // 4x + y = 9, x + 3y = 7
        double[] w = Adaptive.solve(a);
        assertEquals(20.0 / 11, w[0], 1e-12);
        assertEquals(19.0 / 11, w[1], 1e-12);
    }
}
