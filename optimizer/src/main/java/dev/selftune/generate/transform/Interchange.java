package dev.selftune.generate.transform;

import dev.selftune.generate.LocalNames;
import dev.selftune.generate.LoopNest;
import dev.selftune.generate.LoopNestLoop;
import dev.selftune.generate.Transform;
import dev.selftune.generate.TransformContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Loop interchange: swaps two perfectly nested counted loops when {@link LoopNest} proves the
 * swap exact, e.g. the i-j-k matrix multiply becomes i-k-j. Parameter {@code nest}: which nest
 * (perfect nests first, then accumulator nests, which are first made perfect).
 */
public final class Interchange implements Transform {

    /*
     * Why: in i-j-k, b[k][j] walks down a column (a new row, often a cache miss, per k), and c[i][j]
     * is a reduction C2 cannot vectorise. In i-k-j the inner loop streams c[i] and b[k] with unit
     * stride, and with the rows hoisted (see Hoist) C2's superword vectorises it. C2 itself never
     * interchanges loops (PhaseIdealLoop has no such transform).
     *
     * Exceptions: the written array is fresh and unescaped (LoopNestEscape), so a different order
     * is observable only through which exception comes first when several inputs are faulty
     * (say one null row and one short row). Such inputs are left to the differential verifier.
     */

    @Override
    public String name() {
        return "interchange";
    }

    @Override
    public List<Map<String, Integer>> candidates(ClassNode owner, MethodNode method, TransformContext ctx) {
        Map<Integer, Integer> gainByIndex = new HashMap<>();
        List<LoopNest> nests = LoopNest.find(method);
        for (int i = 0; i < nests.size(); i++) {
            if (nests.get(i).whyNotInterchangeable(owner, method) == null) {
                gainByIndex.put(i, nests.get(i).strideGain());
            }
        }
        int accumulators = InterchangeAccumulator.find(owner, method).size();
        for (int i = 0; i < accumulators; i++) {
            LoopNest sunk = sunkNest(owner, copy(method), i);
            if (sunk != null) {
                gainByIndex.put(nests.size() + i, sunk.strideGain());
            }
        }
        /* Most promising first: the swap that turns the most accesses into unit-stride streams. */
        List<Integer> order = new ArrayList<>(gainByIndex.keySet());
        order.sort(Comparator.comparingInt((Integer i) -> -gainByIndex.get(i)).thenComparingInt(i -> i));
        return order.stream().map(i -> Map.of("nest", i)).toList();
    }

    @Override
    public String whyNotApplied(ClassNode owner, MethodNode method, TransformContext ctx) {
        List<LoopNestLoop> loops = LoopNestLoop.find(method);
        if (loops.size() < 2) {
            return "needs two nested counted loops (for (int i = a; i < n; i++)), found " + loops.size();
        }
        List<String> why = new ArrayList<>();
        List<LoopNest> nests = LoopNest.find(method);
        for (LoopNest nest : nests) {
            why.add("nest " + loopsOf(method, nest.outer(), nest.inner()) + ": " + nest.whyNotInterchangeable(owner, method));
        }
        int accumulators = InterchangeAccumulator.find(owner, method).size();
        for (int i = 0; i < accumulators; i++) {
            InterchangeAccumulator.Shape shape = InterchangeAccumulator.find(owner, method).get(i);
            why.add("accumulator nest " + loopsOf(method, shape.outer(), shape.inner()) + ": "
                    + whyNotSunk(owner, copy(method), i));
        }
        why.addAll(InterchangeAccumulator.refusals(owner, method));
        if (why.isEmpty()) {
            return "found " + loops.size() + " counted loops but no perfectly nested pair whose inner body is straight-line "
                    + "(no branches, calls or stores to locals), and no accumulator nest (s = 0; for (k) s += ...; c[j] = s)";
        }
        return LocalNames.in(method, String.join("; ", why));
    }

    /** {@code over j, k} with source names when the class has them. */
    private static String loopsOf(MethodNode method, LoopNestLoop outer, LoopNestLoop inner) {
        return "over " + name(method, outer.iv()) + ", " + name(method, inner.iv());
    }

    private static String name(MethodNode method, int slot) {
        String n = LocalNames.of(method, slot);
        return n == null ? "local " + slot : n;
    }

    /* As sunkNest, but says why the sunk nest may not be swapped (on a copy: the method is spoilt). */
    private static String whyNotSunk(ClassNode owner, MethodNode method, int index) {
        InterchangeAccumulator.Shape shape = InterchangeAccumulator.find(owner, method).get(index);
        InterchangeAccumulator.sink(method, shape);
        for (LoopNest nest : LoopNest.find(method)) {
            if (nest.outer().head() == shape.outer().head()) {
                String why = nest.whyNotInterchangeable(owner, method);
                return why == null ? "applies once sunk, but the rewrite was refused" : "once sunk, " + why;
            }
        }
        return "sinking the sum did not leave a perfect nest";
    }

    @Override
    public boolean apply(ClassNode owner, MethodNode method, Map<String, Integer> params, TransformContext ctx) {
        Integer index = params.get("nest");
        List<LoopNest> nests = LoopNest.find(method);
        if (index == null || index < 0) {
            return false;
        }
        if (index < nests.size()) {
            LoopNest nest = nests.get(index);
            if (nest.whyNotInterchangeable(owner, method) != null) {
                return false;
            }
            rewrite(method, nest);
            return true;
        }
        int accumulator = index - nests.size();
        if (accumulator >= InterchangeAccumulator.find(owner, method).size()
                || sunkNest(owner, copy(method), accumulator) == null) {
            return false;
        }
        rewrite(method, sunkNest(owner, method, accumulator));
        return true;
    }

    /*
     * Sinks accumulator nest number {@code index} into {@code method} and returns the perfect nest
     * it became if that one may be swapped; null otherwise (then {@code method} is spoilt: callers
     * pass a copy first and repeat on the real method only when the copy succeeded).
     */
    static LoopNest sunkNest(ClassNode owner, MethodNode method, int index) {
        InterchangeAccumulator.Shape shape = InterchangeAccumulator.find(owner, method).get(index);
        InterchangeAccumulator.sink(method, shape);
        for (LoopNest nest : LoopNest.find(method)) {
            if (nest.outer().head() == shape.outer().head()) {
                return nest.whyNotInterchangeable(owner, method) == null ? nest : null;
            }
        }
        return null;
    }

    static MethodNode copy(MethodNode method) {
        MethodNode copy = new MethodNode(Opcodes.ASM9, method.access, method.name, method.desc, method.signature,
                method.exceptions == null ? null : method.exceptions.toArray(String[]::new));
        method.accept(copy);
        return copy;
    }

    /*
     * Before: initJ; istore j; L: iload j; BJ; if_icmpge X; initK; istore k; M: iload k; BK;
     *         if_icmpge Y; BODY; iinc k 1; goto M; Y: iinc j 1; goto L; X:
     * After:  initJ; istore j; iload j; BJ; if_icmpge X;              (the original first test)
     *         initK; istore k; M': iload k; BK; if_icmpge X;
     *           initJ; istore j; L': iload j; BJ; if_icmpge Y'; BODY; iinc j 1; goto L';
     *         Y': iinc k 1; goto M'; X:
     * The guard keeps evaluation exact: BK and initK run only when the j range is not empty, as
     * before. Inits and bounds are invariant and, once evaluated without throwing, cannot throw.
     * BODY's instructions are moved, not copied. Frames are dropped (ClassBytes recomputes them)
     * and the debug ranges of j and k, which no longer nest, are removed.
     */
    static void rewrite(MethodNode method, LoopNest nest) {
        LoopNestLoop j = nest.outer();
        LoopNestLoop k = nest.inner();
        InsnList insns = method.instructions;
        InsnList body = new InsnList();
        AbstractInsnNode n = k.bodyStart();
        while (n != k.step()) {
            AbstractInsnNode next = n.getNext();
            insns.remove(n);
            body.add(n);
            n = next;
        }
        Map<LabelNode, LabelNode> none = new HashMap<>();
        LabelNode exit = j.exit();
        LabelNode m2 = new LabelNode();
        LabelNode l2 = new LabelNode();
        LabelNode y2 = new LabelNode();
        InsnList out = new InsnList();
        out.add(j.init().clone(none));
        out.add(new VarInsnNode(Opcodes.ISTORE, j.iv()));
        addTest(out, j, none, exit);
        out.add(k.init().clone(none));
        out.add(new VarInsnNode(Opcodes.ISTORE, k.iv()));
        out.add(m2);
        addTest(out, k, none, exit);
        out.add(j.init().clone(none));
        out.add(new VarInsnNode(Opcodes.ISTORE, j.iv()));
        out.add(l2);
        addTest(out, j, none, y2);
        out.add(body);
        out.add(new IincInsnNode(j.iv(), 1));
        out.add(new JumpInsnNode(Opcodes.GOTO, l2));
        out.add(y2);
        out.add(new IincInsnNode(k.iv(), 1));
        out.add(new JumpInsnNode(Opcodes.GOTO, m2));

        LoopCode.replace(insns, j.init(), j.back(), out, exit);
        cleanUp(method, j.iv(), k.iv());
    }

    private static void addTest(InsnList out, LoopNestLoop loop, Map<LabelNode, LabelNode> none, LabelNode target) {
        out.add(new VarInsnNode(Opcodes.ILOAD, loop.iv()));
        for (AbstractInsnNode b : loop.bound()) {
            out.add(b.clone(none));
        }
        out.add(new JumpInsnNode(Opcodes.IF_ICMPGE, target));
    }

    /** Drops stack map frames (recomputed on write), dangling line numbers and the debug ranges of the two slots. */
    static void cleanUp(MethodNode method, int... slots) {
        for (AbstractInsnNode n : method.instructions.toArray()) {
            if (n instanceof FrameNode) {
                method.instructions.remove(n);
            }
        }
        if (method.localVariables != null) {
            for (int slot : slots) {
                method.localVariables.removeIf(v -> v.index == slot);
            }
        }
        for (AbstractInsnNode n : method.instructions.toArray()) {
            if (n instanceof LineNumberNode line && !method.instructions.contains(line.start)) {
                method.instructions.remove(n);
            }
        }
    }
}
