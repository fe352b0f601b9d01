package dev.selftune.search;

import dev.selftune.api.Variant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The screening order without a ranking model: after each first screening result, the variants not yet
 * started whose nearest screened ancestor ran clearly behind the best screened so far (slower than the
 * best by more than {@link #BEHIND}) go to the end; the rest keep the given (generator's) order. A
 * composition is its parent plus one more step (the generator only composes on variants it emitted,
 * {@link Variant#parent()}), so a chain built on a clear loser is worth less than the untried
 * variants. It orders what is screened, never what is judged: every variant it reaches is screened and
 * confirmed as before, and with the whole budget every variant is still reached.
 */
final class LineageOrder {
    /*
     * Why only demote. The generator composes before anything is measured, so its slots can go to the
     * children of a loser (EJML's mult_small: 21 of 24 variants built on row-accumulate, which screened
     * 0.81x). The first version also promoted: a fast parent's descendants went ahead of everything
     * untried. On the samples that starved siblings: column-sums screened v1 (1.66x) first, then its eleven
     * descendants, and its 3.45x-5.8x variants (v2, unroll-and-jam alone, and v16) came last or never.
     * Replayed over 16 tunings in which every variant was screened (twelve samples, four library targets),
     * taking the first N in each order, the geometric mean of best found over best of all:
     *   N:            4      6      8      10     13
     *   generator:    0.858  0.948  0.972  0.972  0.981
     *   promote:      0.904  0.923  0.924  0.928  0.952
     *   demote 1.25:  0.859  0.974  0.982  0.981  0.992
     * (demoting below the best / 1.1 gave 0.964-0.980, / 1.5 0.974-0.993, / 2 0.950-0.987.)
     */
    /** A chain whose nearest screened ancestor was slower than the best screened so far by more than this factor waits. */
    static final double BEHIND = 1.25;

    private final Map<String, Variant> byId = new HashMap<>();

    LineageOrder(List<Variant> variants) {
        variants.forEach(v -> byId.put(v.id(), v));
    }

    /**
     * {@code notStarted} in the order to screen them, given {@code seen}: each screened variant's
     * screening log speedup, {@code log(original / variant)}. Those whose nearest ancestor in {@code seen}
     * is below the best of {@code seen} by more than {@link #BEHIND} come last; both parts keep their order.
     */
    List<Variant> reorder(List<Variant> notStarted, Map<Variant, Double> seen) {
        Map<String, Double> seenById = new HashMap<>();
        double best = Double.NEGATIVE_INFINITY;
        for (Map.Entry<Variant, Double> e : seen.entrySet()) {
            if (e.getValue() != null && Double.isFinite(e.getValue())) {
                seenById.put(e.getKey().id(), e.getValue());
                best = Math.max(best, e.getValue());
            }
        }
        double cut = best - Math.log(BEHIND);
        List<Variant> ahead = new ArrayList<>();
        List<Variant> behind = new ArrayList<>();
        for (Variant v : notStarted) {
            Double a = ancestorLog(v, seenById);
            (a != null && a < cut ? behind : ahead).add(v);
        }
        ahead.addAll(behind);
        return ahead;
    }

    /* The nearest screened ancestor's log speedup, null when no ancestor was screened (or the chain leaves the run's variants). */
    private Double ancestorLog(Variant v, Map<String, Double> seenById) {
        String p = v.parent();
        for (int hops = 0; p != null && !p.equals(Variant.ORIGINAL_ID) && hops <= byId.size(); hops++) {
            Double log = seenById.get(p);
            if (log != null) {
                return log;
            }
            Variant parent = byId.get(p);
            if (parent == null) {
                return null;
            }
            p = parent.parent();
        }
        return null;
    }
}
