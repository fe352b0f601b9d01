package dev.selftune.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.Step;
import dev.selftune.api.Variant;
import dev.selftune.generate.RankPolicy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The model learns a planted relation from features to speedup, ranks by it, and ranks nothing out without enough data. */
class RankModelTest {
    /* Planted: log speedup = 0.6 a - 0.3 b, plus noise; c is irrelevant. */
    static double truth(double a, double b) {
        return 0.6 * a - 0.3 * b;
    }

    static Map<String, Double> point(double a, double b, double c) {
        return Map.of("a", a, "b", b, "c", c);
    }

    static List<Example> planted(int n, long seed) {
        Random r = new Random(seed);
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double a = r.nextDouble() * 4;
            double b = r.nextDouble() * 4;
            out.add(new Example("e" + i, "t", point(a, b, r.nextDouble()), truth(a, b) + r.nextGaussian() * 0.05));
        }
        return out;
    }

    @Test
    void model_plantedRelation_predictionsFollowIt() {
        RankModel m = new RankModel(planted(200, 1));
        assertTrue(m.fitted());
        Random r = new Random(9);
        double[] predicted = new double[40];
        double[] actual = new double[40];
        for (int i = 0; i < 40; i++) {
            double a = 0.2 + r.nextDouble() * 3.6;
            double b = 0.2 + r.nextDouble() * 3.6;
            predicted[i] = m.predict(point(a, b, r.nextDouble()));
            actual[i] = truth(a, b);
        }
        assertTrue(correlation(predicted, actual) > 0.9, "correlation " + correlation(predicted, actual));
    }

    @Test
    void ranker_fittedModel_keepsTheTrulyBestAndCutsTheRest() {
        RankModel m = new RankModel(planted(200, 2));
        List<Variant> vs = new ArrayList<>();
        Map<Variant, Double> truth = new HashMap<>();
        Map<Variant, Map<String, Double>> feats = new HashMap<>();
        for (int i = 0; i < 12; i++) {
            double a = i * 0.3;
            double b = 3.5 - i * 0.25;
            Variant v = new Variant("v" + i, "original", List.of(new Step("unroll", Map.of("factor", i))), new byte[] {(byte) i});
            vs.add(v);
            truth.put(v, truth(a, b));
            feats.put(v, point(a, b, 0.5));
        }
        Selection s = Ranker.select(vs, v -> m.predict(feats.get(v)), new RankPolicy(true, 0.25, 2, 1), 7);
        assertEquals(3, s.kept(), "ceil(0.25 x 12)");
        assertEquals(4, s.limit(), "kept plus one explorer");
        assertEquals(12, s.ordered().size(), "every variant stays listed, as stand-ins");
        List<Variant> best = vs.stream().sorted(Comparator.comparingDouble(v -> -truth.get(v))).toList();
        assertEquals(best.subList(0, 3), s.ordered().subList(0, 3), "the model's top three are the true top three");
        assertFalse(best.subList(0, 3).contains(s.ordered().get(3)), "the explorer comes from below the cut");
    }

    @Test
    void ranker_minMeasuredAboveFraction_keepsTheMinimum() {
        List<Variant> vs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            vs.add(new Variant("v" + i, "original", List.of(), new byte[] {(byte) i}));
        }
        Selection s = Ranker.select(vs, v -> 0, new RankPolicy(true, 0.1, 5, 0), 1);
        assertEquals(5, s.kept());
        assertEquals(vs.subList(0, 5), s.ordered().subList(0, 5), "ties keep the generator's order");
    }

    @Test
    void model_fewerThanMinExamples_notFittedAndPredictsNoChange() {
        RankModel m = new RankModel(planted(RankModel.MIN_EXAMPLES - 1, 3));
        assertFalse(m.fitted());
        assertEquals(0.0, m.predict(point(4, 0, 0)));
    }

    static double correlation(double[] x, double[] y) {
        double mx = java.util.Arrays.stream(x).average().orElseThrow();
        double my = java.util.Arrays.stream(y).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
