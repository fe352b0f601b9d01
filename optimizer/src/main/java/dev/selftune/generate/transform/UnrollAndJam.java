package dev.selftune.generate.transform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import dev.selftune.generate.Transform;
import dev.selftune.generate.TransformContext;

/**
 * Unroll-and-jam (register blocking): runs the inner loop of {@code factor} consecutive outer
 * iterations in one pass, each copy with its own accumulators, then their epilogues in order.
 * Bit-exact: every copy keeps its own summation order.
 */
public final class UnrollAndJam implements Transform {
    public static final String NAME = "unroll-and-jam";
    static final String FACTOR_RANGE = "unroll-and-jam.factor";

    /*
     * Why it pays: in c[i][j] = sum_k a[i][k] * b[k][j] written as an i-j-k nest (EJML's
     * mult_small), the inner loop is one dependent chain of adds (latency bound, ~4 cycles a step)
     * and reloads a[i][k] for every j. Jamming f values of j makes f independent chains that share
     * each a[i][k] load: the same work at up to f times the throughput. C2 never does this (it
     * unrolls single loops only), and it is exact, unlike split accumulators. The conditions and the
     * run-time checks are in JamPlan; the code shape in JamCode.
     */
    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Map<String, Integer>> candidates(ClassNode owner, MethodNode method, TransformContext ctx) {
        List<Map<String, Integer>> out = new ArrayList<>();
        List<Integer> factors = ctx.policy().range(FACTOR_RANGE, List.of(4, 8, 2));
        SingleInnerNests a = analyse(owner, method, ctx);
        for (Map.Entry<Integer, Object> e : a.byLoop().entrySet()) {
            if (e.getValue() instanceof JamPlan plan) {
                for (int f : factors) {
                    if (f >= 2 && f <= ctx.policy().maxUnrollFactor() && plan.bodySize() * f <= ctx.policy().maxCopiedInsns()) {
                        Map<String, Integer> p = new LinkedHashMap<>();
                        p.put("loop", e.getKey());
                        p.put("factor", f);
                        out.add(p);
                    }
                }
            }
        }
        return out;
    }

    @Override
    public boolean apply(ClassNode owner, MethodNode method, Map<String, Integer> params, TransformContext ctx) {
        Integer loop = params.get("loop");
        Integer f = params.get("factor");
        if (loop == null || f == null || f < 2) {
            return false;
        }
        SingleInnerNests a = analyse(owner, method, ctx);
        if (!(a.byLoop().get(loop) instanceof JamPlan plan)) {
            return false;
        }
        JamCode.emit(method, plan, f);
        return true;
    }

    @Override
    public String whyNotApplied(ClassNode owner, MethodNode method, TransformContext ctx) {
        SingleInnerNests a = analyse(owner, method, ctx);
        if (a.failure() != null) {
            return a.failure();
        }
        List<String> why = new ArrayList<>();
        boolean planned = false;
        for (Object v : a.byLoop().values()) {
            if (v instanceof String s) {
                why.add(s);
            } else {
                planned = true;
            }
        }
        if (why.isEmpty() && !planned) {
            return "no loop holding exactly one inner loop (for (j..) { ..; while (k < end) ..; .. }) to jam";
        }
        if (why.isEmpty()) {
            List<Integer> factors = ctx.policy().range(FACTOR_RANGE, List.of(4, 8, 2));
            return "the policy's " + FACTOR_RANGE + " range " + factors + " offers no factor in 2.." + ctx.policy().maxUnrollFactor()
                    + " whose copies stay under maxCopiedInsns " + ctx.policy().maxCopiedInsns();
        }
        return String.join("; ", why);
    }

    private static SingleInnerNests analyse(ClassNode owner, MethodNode method, TransformContext ctx) {
        return SingleInnerNests.analyse(owner, method, "jammed", (outer, inner, frames) -> {
            JamPlan plan = JamPlan.analyse(method, outer, inner, frames);
            /* A call after the inner loop may write through a field of its receiver (EJML's C.set writes
               C.data): that array must not be one the loops read either, or a jammed block reads a stale value. */
            return plan.withGuards(SetterEffect.guards(method, frames, plan, ctx.classes()));
        });
    }
}
