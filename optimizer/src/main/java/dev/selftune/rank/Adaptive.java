package dev.selftune.rank;

import dev.selftune.api.Step;
import dev.selftune.api.Variant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What this target's own screening results say about its remaining variants. The cross-target model
 * (the prior) knows what similar methods gained; once some of this method's variants are measured,
 * the part the prior got wrong is fitted as one additive effect per transform (plus a shift for the
 * whole method) and added to the prior of every variant not yet screened: a variant that composes
 * transforms which did well here moves up, one built on transforms that did badly here moves down.
 */
final class Adaptive {
    /** Ridge strength: with one result per transform an effect is shrunk to half the residual seen. */
    static final double RIDGE = 1.0;

    private Adaptive() { }

    /*
     * Why additive in log speedup: transforms compose roughly multiplicatively in time (an
     * interchange that makes the inner loop stride-1 and an unroll of that loop each take their share),
     * so a composite's log speedup is near the sum of its parts' effects. Residuals against the prior,
     * not raw speedups, so what the prior knew (code size, loop shape) still separates variants with the
     * same transforms. Ridge, not least squares: after one or two results most effects are unidentified,
     * and shrinking them toward zero leaves the prior in charge until the data speak. Offline on the
     * eight samples' screening results (leave one sample out for the prior, then screen five with this
     * update after each), the best screened variant was within 1.5% of the best of all 24 (geometric
     * mean); with the prior's order alone it was 19% short (matrix-multiply's 7x composites ranked 21st).
     */
    /** Each variant's prior plus the fitted effects of its transforms; the prior alone when nothing was seen. */
    static double[] adjust(List<Variant> variants, double[] prior, Map<Variant, Double> seen, Map<Variant, Double> seenPrior) {
        double[] out = prior.clone();
        if (seen.isEmpty()) {
            return out;
        }
        TreeSet<String> names = new TreeSet<>();
        seen.keySet().forEach(v -> v.transforms().forEach(s -> names.add(s.transform())));
        List<String> nm = new ArrayList<>(names);
        int d = nm.size() + 1;
        double[][] a = new double[d][d + 1];
        for (Map.Entry<Variant, Double> e : seen.entrySet()) {
            double[] x = indicators(e.getKey(), nm);
            double r = e.getValue() - seenPrior.getOrDefault(e.getKey(), 0.0);
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    a[i][j] += x[i] * x[j];
                }
                a[i][d] += x[i] * r;
            }
        }
        for (int i = 0; i < d; i++) {
            a[i][i] += RIDGE;
        }
        double[] w = solve(a);
        for (int v = 0; v < variants.size(); v++) {
            double[] x = indicators(variants.get(v), nm);
            for (int i = 0; i < d; i++) {
                out[v] += w[i] * x[i];
            }
        }
        return out;
    }

    /**
     * The position in {@code ranked} (best first) of the first variant that leaves out a transform every one of
     * the two or more {@code seen} variants applies; -1 when fewer than two were seen, they share no transform,
     * or every remaining variant applies all they share. Why: a transform in every screened variant has an
     * effect the method's own results cannot tell from the whole method's shift, so the fit credits it with
     * all of what they gained and keeps ranking its composites first. On column-sums, never seen, the prior's
     * first picks and every pick after them applied row-accumulate (2-3.3x) and unroll-and-jam without it
     * (5.4x) was never screened. One variant without it tells them apart.
     */
    static int firstSeparating(List<Variant> ranked, java.util.Collection<Variant> seen) {
        if (seen.size() < 2) {
            return -1;
        }
        java.util.Set<String> shared = null;
        for (Variant v : seen) {
            java.util.Set<String> names = names(v);
            if (shared == null) {
                shared = names;
            } else {
                shared.retainAll(names);
            }
        }
        if (shared.isEmpty()) {
            return -1;
        }
        for (int i = 0; i < ranked.size(); i++) {
            if (!names(ranked.get(i)).containsAll(shared)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The position in {@code ranked} (best first) of the best screened variant with one step taken out, where this
     * method's own results saw that step slow a variant down; -1 when there is none to try. In detail: for each
     * step s of the best of {@code seen} (by screening log speedup) for which two screened variants differ by
     * exactly s (the same steps, transform and parameters, plus s) and the one with s was slower, the first
     * variant of {@code ranked} whose steps are the best's without s; the earliest such position. Why: the fitted
     * effects are additive and a composite's big gain is credited to every step in it, so a step that hurt
     * elsewhere keeps riding along in the next picks. On matrix-multiply, never seen, interchange + tile (1.28x)
     * had screened below interchange alone (1.55x), then interchange + tile + hoist found 4.07x, and the two
     * follow-ups went to more tile composites (1.43x) and a hoist of another loop (1.58x): interchange + hoist,
     * the find without tile (6.4x, and 7.9x with an unroll), was never screened.
     * The evidence may also be a pair that differs by s up to loop indices ({@link #withoutLoop}). When the best
     * without s is no variant that was made (neither screened nor waiting), its later steps carry loop indices
     * that s renumbered: then the pick, too, compares steps without their loop index. When it was made and
     * screened already, there is nothing to try for s.
     */
    static int firstAblation(List<Variant> ranked, Map<Variant, Double> seen) {
        Variant best = null;
        for (Map.Entry<Variant, Double> e : seen.entrySet()) {
            if (best == null || e.getValue() > seen.get(best)) {
                best = e.getKey();
            }
        }
        if (best == null || best.transforms().size() < 2) {
            return -1;
        }
        int first = -1;
        for (Step s : new java.util.LinkedHashSet<>(best.transforms())) {
            if (!hurt(s, seen, EXACT) && !hurt(s, seen, Adaptive::withoutLoop)) {
                continue;
            }
            Map<Object, Integer> without = minus(steps(best, EXACT), s);
            boolean made = seen.keySet().stream().anyMatch(v -> steps(v, EXACT).equals(without))
                    || ranked.stream().anyMatch(v -> steps(v, EXACT).equals(without));
            java.util.function.Function<Step, Object> key = made ? EXACT : Adaptive::withoutLoop;
            Map<Object, Integer> target = minus(steps(best, key), key.apply(s));
            for (int i = 0; i < ranked.size() && (first < 0 || i < first); i++) {
                if (steps(ranked.get(i), key).equals(target)) {
                    first = i;
                    break;
                }
            }
        }
        return first;
    }

    private static final java.util.function.Function<Step, Object> EXACT = s -> s;

    /*
     * A step with its loop index left out: the transform and its other parameters. A composite's later steps
     * number the loops of the code its earlier steps made: on column-sums unroll-and-jam by 8 of loop 0 is
     * unroll-and-jam by 8 of loop 4 once row-accumulate has run, so row-accumulate + unroll-and-jam (3.2x),
     * without row-accumulate, is no variant that was made; unroll-and-jam by 8 alone (5.2x) is its nearest.
     */
    private static Object withoutLoop(Step s) {
        Map<String, Integer> p = new java.util.TreeMap<>(s.params());
        p.remove("loop");
        return s.transform() + p;
    }

    /* Whether two screened variants differ by exactly step s and the one with it was slower, steps compared by {@code key}. */
    private static boolean hurt(Step step, Map<Variant, Double> seen, java.util.function.Function<Step, Object> key) {
        Object s = key.apply(step);
        for (Map.Entry<Variant, Double> with : seen.entrySet()) {
            Map<Object, Integer> withSteps = steps(with.getKey(), key);
            if (!withSteps.containsKey(s)) {
                continue;
            }
            Map<Object, Integer> base = minus(withSteps, s);
            for (Map.Entry<Variant, Double> e : seen.entrySet()) {
                if (e.getKey() != with.getKey() && e.getValue() > with.getValue() && steps(e.getKey(), key).equals(base)) {
                    return true;
                }
            }
        }
        return false;
    }

    /* The multiset {@code steps} with one {@code s} taken out (changes and returns it). */
    private static Map<Object, Integer> minus(Map<Object, Integer> steps, Object s) {
        steps.merge(s, -1, Integer::sum);
        steps.values().removeIf(n -> n == 0);
        return steps;
    }

    /* A variant's steps as a multiset of their keys (the order they were applied in aside). */
    private static Map<Object, Integer> steps(Variant v, java.util.function.Function<Step, Object> key) {
        Map<Object, Integer> out = new java.util.HashMap<>();
        v.transforms().forEach(s -> out.merge(key.apply(s), 1, Integer::sum));
        return out;
    }

    private static java.util.Set<String> names(Variant v) {
        java.util.Set<String> out = new java.util.HashSet<>();
        v.transforms().forEach(s -> out.add(s.transform()));
        return out;
    }

    /* 1 for each transform of the fitted set the variant applies (once or more), and the constant 1 last. */
    private static double[] indicators(Variant v, List<String> names) {
        double[] x = new double[names.size() + 1];
        x[names.size()] = 1;
        for (Step s : v.transforms()) {
            int i = names.indexOf(s.transform());
            if (i >= 0) {
                x[i] = 1;
            }
        }
        return x;
    }

    /* Gauss-Jordan with partial pivoting on [A | b]; A is symmetric positive definite (ridge), so pivots are nonzero. */
    static double[] solve(double[][] a) {
        int d = a.length;
        for (int c = 0; c < d; c++) {
            int p = c;
            for (int r = c + 1; r < d; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[p][c])) {
                    p = r;
                }
            }
            double[] t = a[c];
            a[c] = a[p];
            a[p] = t;
            for (int r = 0; r < d; r++) {
                if (r != c) {
                    double f = a[r][c] / a[c][c];
                    for (int j = c; j <= d; j++) {
                        a[r][j] -= f * a[c][j];
                    }
                }
            }
        }
        double[] w = new double[d];
        for (int i = 0; i < d; i++) {
            w[i] = a[i][d] / a[i][i];
        }
        return w;
    }
}
