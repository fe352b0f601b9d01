package dev.selftune.generate.transform;

import dev.selftune.generate.LocalNames;
import dev.selftune.generate.LoopNestLoop;
import dev.selftune.generate.Transform;
import dev.selftune.generate.TransformContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Hoists loop-invariant field reads ({@code this.size}, {@code s.data}, a static of this class),
 * array lengths ({@code a.length}, {@code obj.values.length}) and pure calls with invariant
 * arguments ({@code Math.exp(gain)}, a static helper of this class whose bytes prove it pure) out of
 * a counted loop into new locals, versioned as {@code hoist} versions its rows so exceptions stay
 * exact. Parameter {@code loop}: which counted loop of the method.
 */
public final class HoistInvariants implements Transform {
    public static final String NAME = "hoist-invariants";

    /*
     * Why: C2 moves a field load out of a loop only when nothing in the loop may write it. A call it
     * does not inline (too big: FreqInlineSize is 325 bytes; too deep; already compiled big) or a
     * store it cannot disambiguate makes every field load after it a fresh load each iteration,
     * and the loop bound "i < this.size" is then re-read, which also keeps the loop out of the
     * counted shape its range-check elimination and superword pass want. The shape is everywhere in
     * real code: "for (int i = 0; i < this.size; i++) total += this.data[i] * scale(this.factor)",
     * or a loop to obj.values.length with a non-inlined call inside. A call C2 does not inline is
     * also re-run every iteration even when it is pure and its arguments never change. Here the
     * reads and the call are proven invariant (InvariantExprs, PureCalls) and evaluated once.
     *
     * Exactness by versioning (Hoist.version): the preheader evaluates every hoisted value inside a
     * try block; any throw (a null receiver, a helper that throws) runs the untouched original loop,
     * which throws at the same iteration with the same partial state, or, when it runs zero times,
     * does not throw at all. The preheader has no side effects (reads and pure calls only), so the
     * order of effects before a throw is the original's.
     */

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Map<String, Integer>> candidates(ClassNode owner, MethodNode method, TransformContext ctx) {
        List<LoopNestLoop> loops = LoopNestLoop.find(method);
        List<Map<String, Integer>> out = new ArrayList<>();
        /* Innermost (last-starting) loops first: they run most often. */
        for (int i = loops.size() - 1; i >= 0; i--) {
            if (InvariantExprs.analyse(owner, method, loops.get(i), ctx).refusal() == null) {
                out.add(Map.of("loop", i));
            }
        }
        return out;
    }

    @Override
    public String whyNotApplied(ClassNode owner, MethodNode method, TransformContext ctx) {
        List<LoopNestLoop> loops = LoopNestLoop.find(method);
        if (loops.isEmpty()) {
            return "no counted loop in javac's for-shape (for (int i = a; i < n; i++)) to hoist invariants out of";
        }
        List<String> why = new ArrayList<>();
        for (LoopNestLoop loop : loops) {
            why.add("loop over local " + loop.iv() + ": " + InvariantExprs.analyse(owner, method, loop, ctx).refusal());
        }
        return LocalNames.in(method, String.join("; ", why));
    }

    @Override
    public boolean apply(ClassNode owner, MethodNode method, Map<String, Integer> params, TransformContext ctx) {
        Integer index = params.get("loop");
        List<LoopNestLoop> loops = LoopNestLoop.find(method);
        if (index == null || index < 0 || index >= loops.size()) {
            return false;
        }
        InvariantExprs.Result found = InvariantExprs.analyse(owner, method, loops.get(index), ctx);
        if (found.refusal() != null) {
            return false;
        }
        Hoist.version(method, loops.get(index), found.values());
        return true;
    }
}
