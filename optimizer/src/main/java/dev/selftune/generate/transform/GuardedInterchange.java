package dev.selftune.generate.transform;

import dev.selftune.generate.LocalNames;
import dev.selftune.generate.LoopNest;
import dev.selftune.generate.Multiversion;
import dev.selftune.generate.Transform;
import dev.selftune.generate.TransformContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Loop interchange behind an alias guard, for nests that write into arrays the caller owns (the
 * BLAS {@code C += A·B} convention: {@code c[i][j] += a[i][k] * b[k][j]} with {@code c} a parameter).
 * Plain {@link Interchange} refuses them because {@code c} may alias {@code a} or {@code b}; here the
 * method becomes {@code if (m$guard$k(args)) return m$fast$k(args); <original>} ({@link Multiversion}),
 * with the swapped nest (and, with {@code hoist} 1, its invariant rows hoisted) in {@code m$fast$k}.
 * Parameters: {@code nest} (as {@link Interchange} numbers perfect nests), {@code hoist} (0 or 1).
 */
public final class GuardedInterchange implements Transform {
    public static final String NAME = "guarded-interchange";

    /*
     * Why the guard makes the swap exact: LoopNest's dependence test assumes the written array is
     * fresh, so (1) no other name reads its elements and (2) a throw mid-nest leaves no visible
     * partial writes. The guard proves (1) per call with O(rows) identity checks (no written row
     * twice, none read under another name) and replaces (2) with something stronger: every access
     * of the nest is in bounds on non-null rows, so the fast version cannot throw in the nest at
     * all. Anything else (null, short or shared rows, an empty range) runs the original body.
     */

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Map<String, Integer>> candidates(ClassNode owner, MethodNode method, TransformContext ctx) {
        List<Map<String, Integer>> out = new ArrayList<>();
        if (Multiversion.whyNot(owner, method) != null) {
            return out;
        }
        List<LoopNest> nests = LoopNest.find(method);
        for (int i = 0; i < nests.size(); i++) {
            if (whyNot(owner, method, nests.get(i)) == null) {
                out.add(Map.of("nest", i, "hoist", 1));
                out.add(Map.of("nest", i, "hoist", 0));
            }
        }
        return out;
    }

    /* Null when nest may be swapped behind a guard and only behind one (plain interchange covers the rest). */
    private static String whyNot(ClassNode owner, MethodNode method, LoopNest nest) {
        if (nest.whyNotInterchangeable(owner, method) == null) {
            return "plain interchange already swaps it without a guard";
        }
        String why = nest.whyNotInterchangeable(owner, method, true);
        if (why != null) {
            return why;
        }
        return AliasGuard.analyze(method, nest).whyNot;
    }

    @Override
    public String whyNotApplied(ClassNode owner, MethodNode method, TransformContext ctx) {
        String mv = Multiversion.whyNot(owner, method);
        if (mv != null) {
            return mv;
        }
        List<String> why = new ArrayList<>();
        List<LoopNest> nests = LoopNest.find(method);
        for (int i = 0; i < nests.size(); i++) {
            why.add("nest " + i + ": " + whyNot(owner, method, nests.get(i)));
        }
        if (why.isEmpty()) {
            return "needs two perfectly nested counted loops with a straight-line inner body";
        }
        return LocalNames.in(method, String.join("; ", why));
    }

    @Override
    public boolean apply(ClassNode owner, MethodNode method, Map<String, Integer> params, TransformContext ctx) {
        Integer index = params.get("nest");
        int hoist = params.getOrDefault("hoist", 0);
        List<LoopNest> nests = LoopNest.find(method);
        if (index == null || index < 0 || index >= nests.size() || hoist < 0 || hoist > 1
                || Multiversion.whyNot(owner, method) != null || whyNot(owner, method, nests.get(index)) != null) {
            return false;
        }
        AliasGuard guard = AliasGuard.analyze(method, nests.get(index));
        int k = Multiversion.freeIndex(owner, method);
        MethodNode fast = Multiversion.fastCopy(method, k);
        Interchange.rewrite(fast, LoopNest.find(fast).get(index));
        if (hoist == 1 && !hoistAll(owner, fast, ctx)) {
            return false;
        }
        MethodNode guardMethod = Multiversion.emptyGuard(method, k);
        AliasGuardCode.write(guard, method, guardMethod);
        Multiversion.install(owner, method, fast, guardMethod);
        return true;
    }

    /*
     * Hoists the invariant rows of the swapped nest's most promising loop (Hoist's own exactness
     * argument, versioning on a throw, holds in the fast copy as anywhere). False when nothing could
     * be hoisted: then hoist 0 is the same variant.
     */
    private static boolean hoistAll(ClassNode owner, MethodNode fast, TransformContext ctx) {
        Hoist hoist = new Hoist();
        List<Map<String, Integer>> c = hoist.candidates(owner, fast, ctx);
        return !c.isEmpty() && hoist.apply(owner, fast, c.get(0), ctx);
    }
}
