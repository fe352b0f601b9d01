package dev.selftune.generate.transform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;
import dev.selftune.generate.LocalNames;
import dev.selftune.generate.Loop;
import dev.selftune.generate.Loops;
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
            if (e.getValue() instanceof RowPlan) {
                Map<String, Integer> p = new LinkedHashMap<>();
                p.put("loop", e.getKey());
                out.add(p);
            }
        }
        return out;
    }

    @Override
    public boolean apply(ClassNode owner, MethodNode method, Map<String, Integer> params, TransformContext ctx) {
        Integer loop = params.get("loop");
        if (loop == null || !(analyse(owner, method, ctx).byLoop().get(loop) instanceof RowPlan plan)) {
            return false;
        }
        RowCode.emit(method, plan);
        return true;
    }

    @Override
    public String whyNotApplied(ClassNode owner, MethodNode method, TransformContext ctx) {
        Analysis a = analyse(owner, method, ctx);
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

    /** Per outer loop index (in {@link Loops#find} order): its plan, or the reason in words. */
    private record Analysis(Map<Integer, Object> byLoop, String failure) { }

    private static Analysis analyse(ClassNode owner, MethodNode method, TransformContext ctx) {
        List<Loop> loops = Loops.find(method);
        Map<Integer, Object> out = new LinkedHashMap<>();
        Frame<SourceValue>[] frames = null;
        for (int i = 0; i < loops.size(); i++) {
            Loop outer = loops.get(i);
            List<Loop> inside = loops.stream().filter(l -> outer.encloses(method, l)).toList();
            if (inside.isEmpty()) {
                continue;
            }
            String where = "loop over " + LocalNames.describe(method, outer.iv().slot());
            if (inside.size() != 1) {
                out.put(i, where + ": holds " + inside.size() + " loops; only a loop around exactly one inner loop is row-accumulated");
                continue;
            }
            try {
                if (frames == null) {
                    frames = new Analyzer<>(new SourceInterpreter()).analyze(owner.name, method);
                }
                out.put(i, RowPlan.analyse(method, outer, inside.get(0), frames, ctx.classes()));
            } catch (JamPlan.Refused r) {
                out.put(i, where + ": " + r.getMessage());
            } catch (AnalyzerException e) {
                return new Analysis(Map.of(), "the method's bytecode could not be analysed (" + e.getMessage() + ")");
            }
        }
        return new Analysis(out, null);
    }
}
