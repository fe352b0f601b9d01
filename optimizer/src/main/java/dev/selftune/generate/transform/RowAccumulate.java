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
 * Row accumulation (the i-k-j order of a matrix product): a loop over j whose inner loop sums
 * {@code s += X(k) * Y(k, j)} into a scalar and then stores it becomes one pass over k that adds
 * {@code X(k) * Y(k, j)} into a buffer of the row for every j, followed by the stores in order.
 * Bit-exact: each element sees the same additions, from the same start, in the same order of k.
 */
public final class RowAccumulate implements Transform {
    public static final String NAME = "row-accumulate";

    /*
     * Why it pays: the i-j-k inner loop is one dependent add chain walking Y down a column (stride
     * = a row length), so it is latency bound and touches a new cache line per step. In the row form
     * the innermost loop runs over j with Y's index j + k*stride: unit stride, independent elements,
     * which C2 vectorises. The conditions are in RowPlan (most shared with unroll-and-jam's
     * JamPlan), the code shape and why falling back is exact in RowCode.
     */
    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Map<String, Integer>> candidates(ClassNode owner, MethodNode method, TransformContext ctx) {
        List<Map<String, Integer>> out = new ArrayList<>();
        for (Map.Entry<Integer, Object> e : analyse(owner, method, ctx).byLoop().entrySet()) {
            if (e.getValue() instanceof RowPlan plan) {
                Map<String, Integer> p = new LinkedHashMap<>();
                p.put("loop", e.getKey());
                out.add(p);
                if (plan.rows() instanceof RowCopies.Source) {
                    for (int group : RowCopies.GROUPS) {
                        Map<String, Integer> g = new LinkedHashMap<>(p);
                        g.put("group", group);
                        out.add(g);
                    }
                }
            }
        }
        return out;
    }

    @Override
    public boolean apply(ClassNode owner, MethodNode method, Map<String, Integer> params, TransformContext ctx) {
        Integer loop = params.get("loop");
        int group = params.getOrDefault("group", 0);
        if (loop == null || !(analyse(owner, method, ctx).byLoop().get(loop) instanceof RowPlan plan)
                || group < 0 || group > 64 || (group > 0 && !(plan.rows() instanceof RowCopies.Source))) {
            return false;
        }
        RowCode.emit(method, plan, group);
        return true;
    }

    /* A nest it row-accumulates without the copied-row form: why that form was not offered. */
    @Override
    public Map<String, String> skipped(ClassNode owner, MethodNode method, TransformContext ctx) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Object v : analyse(owner, method, ctx).byLoop().values()) {
            if (v instanceof RowPlan plan && plan.rows() instanceof String why) {
                out.put("copied rows of the loop over " + dev.selftune.generate.LocalNames.describe(method, plan.jam().outer().iv().slot()), why);
            }
        }
        return out;
    }

    @Override
    public String whyNotApplied(ClassNode owner, MethodNode method, TransformContext ctx) {
        SingleInnerNests a = analyse(owner, method, ctx);
        if (a.failure() != null) {
            return a.failure();
        }
        List<String> why = new ArrayList<>();
        a.byLoop().values().forEach(v -> why.add(String.valueOf(v)));
        if (why.isEmpty()) {
            return "no loop holding exactly one inner loop that sums into a scalar (for (j..) { s = ..; while (k..) s += x * y; "
                    + "store s; }) to turn into row accumulation";
        }
        return String.join("; ", why);
    }

    private static SingleInnerNests analyse(ClassNode owner, MethodNode method, TransformContext ctx) {
        return SingleInnerNests.analyse(owner, method, "row-accumulated", (outer, inner, frames) -> RowPlan.analyse(method, outer, inner, frames, ctx.classes()));
    }
}
