package dev.selftune.search;

import dev.selftune.api.Variant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The screening order without a ranking model: after each first screening result, the variants not yet
 * started are re-ordered by what their nearest screened ancestor showed. A composition is its parent plus
 * one more step (the generator only composes on variants it emitted, {@link Variant#parent()}), so a
 * parent that screened fast puts its descendants ahead and a parent that screened slow puts them behind;
 * a variant with no screened ancestor counts as no change. Ties keep the given (generator's) order.
 * It orders what is screened, never what is judged: every variant it reaches is screened and confirmed
 * as before, and with the whole budget every variant is still reached.
 */
final class LineageOrder {
    /*
     * Why: the generator composes before anything is measured, ranking chains by position alone, so its
     * slots can go to the children of a loser. On EJML's mult_small 21 of 24 variants composed onto
     * row-accumulate, which screened 0.81x, while the 1.98x unroll-and-jam was the fifth variant. Replayed
     * over the screening results of 13 tunings (eight samples and five library targets, every variant
     * screened), taking the first N in this order instead of the generator's found, as a geometric mean of
     * best found over best of all: N = 4: 0.968 (0.863 in the generator's order; matrix-multiply 8.07x
     * instead of 1.89x), N = 6: 0.976 (0.971), N = 10: 0.993 (0.970).
     */
    private final Map<String, Variant> byId = new HashMap<>();

    LineageOrder(List<Variant> variants) {
        variants.forEach(v -> byId.put(v.id(), v));
    }

    /**
     * {@code notStarted} in the order to screen them, given {@code seen}: each screened variant's
     * screening log speedup, {@code log(original / variant)}. A variant's key is the log speedup of its
     * nearest ancestor in {@code seen}, or 0 when none is; larger keys first, stable.
     */
    List<Variant> reorder(List<Variant> notStarted, Map<Variant, Double> seen) {
        Map<String, Double> seenById = new HashMap<>();
        seen.forEach((v, log) -> seenById.put(v.id(), log));
        Map<Variant, Double> key = new HashMap<>();
        for (Variant v : notStarted) {
            key.put(v, ancestorLog(v, seenById));
        }
        List<Variant> out = new ArrayList<>(notStarted);
        out.sort(Comparator.comparingDouble((Variant v) -> -key.get(v)));   // List.sort is stable
        return out;
    }

    /* The nearest screened ancestor's log speedup, 0 when no ancestor was screened (or the chain leaves the run's variants). */
    private double ancestorLog(Variant v, Map<String, Double> seenById) {
        String p = v.parent();
        for (int hops = 0; p != null && !p.equals(Variant.ORIGINAL_ID) && hops <= byId.size(); hops++) {
            Double log = seenById.get(p);
            if (log != null && Double.isFinite(log)) {
                return log;
            }
            Variant parent = byId.get(p);
            if (parent == null) {
                return 0;
            }
            p = parent.parent();
        }
        return 0;
    }
}
