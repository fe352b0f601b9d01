package dev.selftune.generate.transform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodNode;
import dev.selftune.generate.CountedLoop;
import dev.selftune.generate.CountedLoops;
import dev.selftune.generate.LocalNames;
import dev.selftune.generate.LoopRotation;
import dev.selftune.generate.Transform;
import dev.selftune.generate.TransformContext;

/** Unrolls a counted loop by {@code factor} copies of its body, with the original loop as the remainder. */
public final class Unroll implements Transform {
    public static final String NAME = "unroll";

    /*
     * C2 already unrolls counted int loops (LoopUnrollLimit, and superword for vectorisable ones),
     * so this rarely wins on simple array loops. It can win where C2 will not unroll: bodies with
     * calls that do not inline, loops C2 does not treat as counted (String.length() bounds, bounds
     * reloaded after a call), loops in methods past the inlining limits, and as the first step of a
     * composition (hoist/interchange then unroll). JMH decides.
     *
     * Shape produced, inserted after the loop head so outside entries still reach it:
     *   head: limit = clamp(bound - (f-1)*step)        [long arithmetic, once]
     *   top:  if !(i < limit) goto rem; body_1; iinc; ... body_f; iinc; goto top
     *   rem:  original test; body; iinc; goto rem
     */
    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Map<String, Integer>> candidates(ClassNode owner, MethodNode method, TransformContext ctx) {
        List<Integer> factors = ctx.policy().range("unroll.factor", List.of(2, 4, 8));
        List<CountedLoop> loops = CountedLoops.find(LoopRotation.canonical(method));
        List<Map<String, Integer>> out = new ArrayList<>();
        for (CountedLoop loop : innermostFirst(loops)) {
            for (int f : factors) {
                if (f >= 2 && f <= ctx.policy().maxUnrollFactor() && LoopCode.bodySize(loop) * f <= ctx.policy().maxCopiedInsns()) {
                    Map<String, Integer> p = new LinkedHashMap<>();
                    p.put("loop", loop.index());
                    p.put("factor", f);
                    out.add(p);
                }
            }
        }
        return out;
    }

    @Override
    public String whyNotApplied(ClassNode owner, MethodNode method, TransformContext ctx) {
        String why = whyNoLoopFits(method, ctx.policy().range("unroll.factor", List.of(2, 4, 8)), "unroll.factor", "to unroll",
                ctx.policy().maxUnrollFactor(), ctx.policy().maxCopiedInsns());
        return why != null ? why : Transform.super.whyNotApplied(owner, method, ctx);
    }

    /* Shared with split-accumulators, which copies the body k times under the same limit. */
    static String whyNoLoopFits(MethodNode method, List<Integer> factors, String rangeKey, String purpose, int maxFactor,
                                int maxCopied) {
        List<CountedLoop> loops = CountedLoops.find(LoopRotation.canonical(method));
        if (loops.isEmpty()) {
            return "no counted loop (an int induction variable stepped by a constant and tested against a bound "
                    + "the loop does not change) " + purpose;
        }
        int smallest = factors.stream().filter(f -> f >= 2 && f <= maxFactor).mapToInt(Integer::intValue).min().orElse(-1);
        if (smallest < 0) {
            return "the policy's " + rangeKey + " range " + factors + " has no value in 2.." + maxFactor;
        }
        List<String> why = new ArrayList<>();
        for (CountedLoop loop : loops) {
            if (LoopCode.bodySize(loop) * smallest > maxCopied) {
                why.add("loop " + loop.index() + " over local " + loop.inductionVar() + ": its body of " + LoopCode.bodySize(loop)
                        + " instructions times " + smallest + " copies exceeds the policy's maxCopiedInsns of " + maxCopied);
            }
        }
        return why.isEmpty() ? null : LocalNames.in(method, String.join("; ", why));
    }

    @Override
    public boolean apply(ClassNode owner, MethodNode original, Map<String, Integer> params, TransformContext ctx) {
        MethodNode method = LoopRotation.canonical(original);
        List<CountedLoop> loops = CountedLoops.find(method);
        int index = params.getOrDefault("loop", -1);
        int f = params.getOrDefault("factor", 0);
        if (index < 0 || index >= loops.size() || f < 2 || f > ctx.policy().maxUnrollFactor()) {
            return false;
        }
        CountedLoop loop = loops.get(index);
        LabelNode rem = new LabelNode();
        LabelNode top = new LabelNode();
        InsnList main = new InsnList();
        main.add(LoopCode.mainLoopEntry(method, loop, f - 1, top, rem));
        for (int j = 0; j < f; j++) {
            main.add(LoopCode.copy(loop.bodyFirst(), loop.increment(), new HashMap<>()));
        }
        main.add(new JumpInsnNode(Opcodes.GOTO, top));
        main.add(rem);
        method.instructions.insert(loop.head(), main);
        loop.backEdge().label = rem;
        method.maxStack = Math.max(method.maxStack, 4);
        LoopRotation.adopt(original, method);
        return true;
    }

    /** Innermost loops (no other loop head inside their range) come first: that is where time goes. */
    static List<CountedLoop> innermostFirst(List<CountedLoop> loops) {
        List<CountedLoop> inner = new ArrayList<>();
        List<CountedLoop> outer = new ArrayList<>();
        for (CountedLoop l : loops) {
            boolean hasInner = false;
            for (CountedLoop o : loops) {
                hasInner |= o != l && contains(l, o);
            }
            (hasInner ? outer : inner).add(l);
        }
        inner.addAll(outer);
        return inner;
    }

    private static boolean contains(CountedLoop outer, CountedLoop inner) {
        for (var n = outer.bodyFirst(); n != outer.increment(); n = n.getNext()) {
            if (n == inner.head()) {
                return true;
            }
        }
        return false;
    }
}
