package dev.selftune.generate.transform;

import dev.selftune.generate.LocalNames;
import dev.selftune.generate.Loop;
import dev.selftune.generate.Loops;
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

/**
 * The loops of a method that hold exactly one inner loop, each planned by a transform (unroll-and-jam,
 * row-accumulate): per outer loop index (in {@link Loops#find} order) its plan, or the reason in words.
 */
record SingleInnerNests(Map<Integer, Object> byLoop, String failure) {

    /** Plans one nest, or says why not. */
    interface Planner {
        Object plan(Loop outer, Loop inner, Frame<SourceValue>[] frames) throws JamPlan.Refused;
    }

    /** {@code verb}: what the transform does to a nest, for the refusal of a loop holding several ("jammed"). */
    static SingleInnerNests analyse(ClassNode owner, MethodNode method, String verb, Planner planner) {
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
                out.put(i, where + ": holds " + inside.size() + " loops; only a loop around exactly one inner loop is " + verb);
                continue;
            }
            try {
                if (frames == null) {
                    frames = new Analyzer<>(new SourceInterpreter()).analyze(owner.name, method);
                }
                out.put(i, planner.plan(outer, inside.get(0), frames));
            } catch (JamPlan.Refused r) {
                out.put(i, where + ": " + r.getMessage());
            } catch (AnalyzerException e) {
                return new SingleInnerNests(Map.of(), "the method's bytecode could not be analysed (" + e.getMessage() + ")");
            }
        }
        return new SingleInnerNests(out, null);
    }
}
