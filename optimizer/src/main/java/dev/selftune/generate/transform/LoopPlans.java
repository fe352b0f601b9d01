package dev.selftune.generate.transform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.objectweb.asm.tree.MethodNode;
import dev.selftune.generate.Loop;
import dev.selftune.generate.Loops;

/**
 * The plumbing of a transform whose candidates are single loops of {@link Loops#find}, parameter
 * {@code loop}: its planner gives each loop the rewrite's plan, the reason it is left alone (a String),
 * or null when the rule does not look at that loop at all.
 */
final class LoopPlans {
    private LoopPlans() { }

    /** {@code {loop: i}} for every loop the planner has a plan for. */
    static List<Map<String, Integer>> candidates(MethodNode method, Function<Loop, Object> planner) {
        List<Loop> loops = Loops.find(method);
        List<Map<String, Integer>> out = new ArrayList<>();
        for (int i = 0; i < loops.size(); i++) {
            Object plan = planner.apply(loops.get(i));
            if (plan != null && !(plan instanceof String)) {
                out.add(Map.of("loop", i));
            }
        }
        return out;
    }

    /** The plan for the loop {@code params} names, or null when there is none (no such loop, or it is left alone). */
    static Object planAt(MethodNode method, Map<String, Integer> params, Function<Loop, Object> planner) {
        Integer index = params.get("loop");
        List<Loop> loops = Loops.find(method);
        if (index == null || index < 0 || index >= loops.size()) {
            return null;
        }
        Object plan = planner.apply(loops.get(index));
        return plan instanceof String ? null : plan;
    }

    /** Every loop's reason, joined; {@code none} when the planner gave no reason for any loop. */
    static String whyNot(MethodNode method, Function<Loop, Object> planner, String none) {
        List<String> why = new ArrayList<>();
        for (Loop l : Loops.find(method)) {
            if (planner.apply(l) instanceof String s) {
                why.add(s);
            }
        }
        return why.isEmpty() ? none : String.join("; ", why);
    }
}
