package dev.selftune.generate.transform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import dev.selftune.generate.Transform;
import dev.selftune.generate.TransformContext;
import dev.selftune.generate.UnitRouting;

/**
 * Algorithm choice: replaces a call to a static method of the class with a call to a sibling, a
 * static method of the same class with the same descriptor whose camel-case name ends in the same
 * word ({@code selectionSort} for {@code insertionSort}). Only verification can accept the swap.
 */
public final class AlgorithmChoice implements Transform {
    public static final String NAME = "algorithm-choice";

    /*
     * PetaBricks' observation: the best algorithm for the small case depends on the machine, and
     * libraries often carry several (a selection sort, an insertion sort) while calling one. Two
     * methods of one class with one descriptor and one last name word usually compute the same
     * thing by different means; "usually" is not "always", so this rule only proposes and the
     * differential verifier decides, bit for bit, as for tune-constant. What keeps the proposals
     * sane before verification sees them (Siblings): the sibling must not reach back into the
     * calling method (a base case replaced by the recursive entry never ends); a recursive callee is
     * not replaced from inside its recursion (there it is the algorithm's divide step), only at the
     * call that enters it from outside (sort(a) calling sort(a, 0, n)): there a sibling chooses the
     * algorithm for the whole job, PetaBricks' choice at the top (radix sort for quicksort), and the
     * size dispatcher can keep the original for the sizes where it wins; and
     * the sibling must do nothing
     * the replaced method could not: every call it makes outside its class (transitively) and every
     * field it writes must be one the replaced method also makes or writes, or pure arithmetic and
     * array copying from java.lang and java.util.Arrays. Siblings that call nothing (leaves) come
     * first, smaller ones before larger.
     */
    @Override
    public String name() {
        return NAME;
    }

    /** A proposal: verification decides whether it computes the same. */
    @Override
    public boolean exact() {
        return false;
    }

    @Override
    public List<Map<String, Integer>> candidates(ClassNode owner, MethodNode method, TransformContext ctx) {
        List<Map<String, Integer>> out = new ArrayList<>();
        List<List<MethodNode>> sites = Siblings.sites(owner, method, ctx.policy().maxCopiedInsns(), null);
        for (int k = 0; k < sites.size(); k++) {
            for (int j = 0; j < sites.get(k).size(); j++) {
                Map<String, Integer> p = new LinkedHashMap<>();
                p.put("call", k);
                p.put("alternative", j);
                out.add(p);
            }
        }
        return out;
    }

    @Override
    public boolean apply(ClassNode owner, MethodNode method, Map<String, Integer> params, TransformContext ctx) {
        List<List<MethodNode>> sites = Siblings.sites(owner, method, ctx.policy().maxCopiedInsns(), null);
        int k = params.getOrDefault("call", -1);
        int j = params.getOrDefault("alternative", -1);
        if (k < 0 || k >= sites.size() || j < 0 || j >= sites.get(k).size()) {
            return false;
        }
        MethodInsnNode call = Siblings.calls(owner, method).get(k);
        call.name = sites.get(k).get(j).name;
        return true;
    }

    @Override
    public String whyNotApplied(ClassNode owner, MethodNode method, TransformContext ctx) {
        List<MethodInsnNode> calls = Siblings.calls(owner, method);
        if (calls.isEmpty()) {
            return "makes no call to a static method of its own class, so there is no algorithm to choose";
        }
        Map<String, String> why = new LinkedHashMap<>();
        Siblings.sites(owner, method, ctx.policy().maxCopiedInsns(), why);
        List<String> parts = new ArrayList<>();
        why.forEach((callee, reason) -> parts.add(UnitRouting.originalName(callee) + ": " + reason));
        return "no call has a sibling to try (a static method of the class with the same descriptor whose camel-case "
                + "name ends in the same word): " + String.join("; ", parts.subList(0, Math.min(4, parts.size())))
                + (parts.size() > 4 ? "; ..." : "");
    }
}
