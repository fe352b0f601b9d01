package dev.selftune.rank;

import dev.selftune.api.Variant;
import dev.selftune.generate.RankPolicy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;

/** Orders variants by predicted speedup and cuts the list to what the policy's ranking knobs let through. */
final class Ranker {
    private Ranker() { }

    /*
     * kept = max(rankMinMeasured, ceil(rankFraction x n)), never more than n; then rankExplore random
     * variants from below the cut, so the model keeps seeing (and learning from) what it would
     * otherwise never measure, and a wrong model cannot hide a winner forever. The random picks use
     * the run's seed: a run is repeatable. Ties in prediction keep the generator's order.
     */
    static Selection select(List<Variant> variants, ToDoubleFunction<Variant> predicted, RankPolicy p, long seed) {
        int n = variants.size();
        int kept = Math.min(n, Math.max(p.rankMinMeasured(), (int) Math.ceil(p.rankFraction() * n - 1e-9)));
        double[] score = new double[n];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            score[i] = predicted.applyAsDouble(variants.get(i));
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -score[i]));   // List.sort is stable
        List<Integer> rest = new ArrayList<>(order.subList(kept, n));
        Random random = new Random(seed);
        List<Integer> explorers = new ArrayList<>();
        for (int e = 0; e < p.rankExplore() && !rest.isEmpty(); e++) {
            explorers.add(rest.remove(random.nextInt(rest.size())));
        }
        List<Variant> ordered = new ArrayList<>();
        order.subList(0, kept).forEach(i -> ordered.add(variants.get(i)));
        explorers.forEach(i -> ordered.add(variants.get(i)));
        rest.forEach(i -> ordered.add(variants.get(i)));
        return new Selection(ordered, kept + explorers.size(), kept, explorers.size(), true);
    }
}
