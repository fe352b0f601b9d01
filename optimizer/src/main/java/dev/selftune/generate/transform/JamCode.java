package dev.selftune.generate.transform;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;
import dev.selftune.generate.Loop;

/** Writes the jammed loop of a {@link JamPlan} ahead of the outer loop, which stays as it was. */
final class JamCode {
    private JamCode() { }

    /*
     * Shape: a loop of its own, inserted where the code before the outer loop falls into its head (after
     * j = j0), ahead of the untouched original loop, which runs the columns it leaves (fewer than f, or
     * all of them when a guard fails or something throws):
     *   jhead:
     *   try {                                       // RuntimeException -> original
     *     if (bound - j < f) goto original;         // long arithmetic: no overflow; also covers j >= bound
     *     if (target == source) goto original;      // per pair of JamPlan.guards
     *     j1 = j + 1; ..; prologue_0; ..; prologue_{f-1}
     *     while (<inner test of copy 0>) { inner body_0; ..; inner body_{f-1} }
     *   }
     *   epilogue_0; ..; epilogue_{f-1}              // in the original order of j
     *   p = p_{f-1} for every private p;  j += f;  goto jhead
     *   original: head: <the original loop from j>
     * The handler covers only code that writes private locals, so falling back replays j from
     * its start and throws (or not) exactly where and as the original does. Privates the copies
     * share (JamSharing: indexA, indexB = j + c) are not renamed: copy c reads copy 0's slot plus a
     * constant, and their steps run once at the end of the jammed inner body.
     * Why a loop of its own rather than a branch at the top of the original body (the first shape):
     * with both paths in one loop, C2 compiled EJML's mult_small jammed by 8 at 57 to 93 µs per pass
     * from fork to fork; as two loops, 53 to 58 µs (JMH, 4 forks each; docs/libraries.md).
     */
    static void emit(MethodNode m, JamPlan plan, int f) {
        Loop outer = plan.outer();
        Loop inner = plan.inner();
        int j = outer.iv().slot();
        List<Map<Integer, Integer>> rename = new java.util.ArrayList<>();
        rename.add(Map.of());
        for (int c = 1; c < f; c++) {
            Map<Integer, Integer> r = new HashMap<>();
            r.put(j, m.maxLocals++);
            for (Map.Entry<Integer, Integer> p : plan.privates().entrySet()) {
                if (!plan.sharing().shared(p.getKey())) {
                    r.put(p.getKey(), m.maxLocals);
                    m.maxLocals += JamPlan.size(p.getValue());
                }
            }
            rename.add(r);
        }
        LabelNode tryStart = new LabelNode();
        LabelNode tryEnd = new LabelNode();
        LabelNode handler = new LabelNode();
        LabelNode jhead = new LabelNode();
        LabelNode original = new LabelNode();
        LabelNode innerHead = new LabelNode();
        LabelNode innerExit = new LabelNode();
        InsnList out = new InsnList();
        out.add(jhead);
        out.add(tryStart);
        for (AbstractInsnNode b : outer.bound()) {
            out.add(copy(b, Map.of()));
        }
        out.add(new InsnNode(Opcodes.I2L));
        out.add(new VarInsnNode(Opcodes.ILOAD, j));
        out.add(new InsnNode(Opcodes.I2L));
        out.add(new InsnNode(Opcodes.LSUB));
        out.add(new LdcInsnNode((long) f));
        out.add(new InsnNode(Opcodes.LCMP));
        out.add(new JumpInsnNode(Opcodes.IFLT, original));
        for (List<AbstractInsnNode>[] pair : plan.guards()) {
            pair[0].forEach(n -> out.add(copy(n, Map.of())));
            pair[1].forEach(n -> out.add(copy(n, Map.of())));
            out.add(new JumpInsnNode(Opcodes.IF_ACMPEQ, original));
        }
        for (int c = 1; c < f; c++) {
            out.add(new VarInsnNode(Opcodes.ILOAD, j));
            out.add(new LdcInsnNode(c));
            out.add(new InsnNode(Opcodes.IADD));
            out.add(new VarInsnNode(Opcodes.ISTORE, rename.get(c).get(j)));
        }
        JamSharing sharing = plan.sharing();
        for (int c = 0; c < f; c++) {
            copyRange(out, outer.bodyFirst(), inner.head(), rename.get(c), sharing, c, false);
        }
        out.add(innerHead);
        copyRange(out, inner.head(), inner.test(), rename.get(0), sharing, 0, false);
        out.add(new JumpInsnNode(inner.test().getOpcode(), innerExit));
        for (int c = 0; c < f; c++) {
            copyRange(out, inner.test().getNext(), inner.backEdge(), rename.get(c), sharing, c, true);
        }
        /* the shared locals' steps, once, after every copy read the values from before them */
        for (AbstractInsnNode n = inner.test().getNext(); n != inner.backEdge(); n = n.getNext()) {
            if (sharing.updates().contains(n)) {
                out.add(copy(n, Map.of()));
            }
        }
        out.add(new JumpInsnNode(Opcodes.GOTO, innerHead));
        out.add(innerExit);
        /* the late checks (EpilogueEffects.Checks): copy c's target is none of copy c2's sources, c < c2 */
        for (EpilogueEffects.Late l : plan.late()) {
            for (int c = 0; c < (l.targetPerCopy() ? f - 1 : 1); c++) {
                for (int c2 = c + 1; c2 < (l.sourcePerCopy() ? f : c + 2); c2++) {   // a shared side is one object for every copy
                    for (AbstractInsnNode n : l.target()) {
                        out.add(copy(n, l.targetPerCopy() ? rename.get(c) : Map.of()));
                    }
                    for (AbstractInsnNode n : l.source()) {
                        out.add(copy(n, l.sourcePerCopy() ? rename.get(c2) : Map.of()));
                    }
                    out.add(new JumpInsnNode(Opcodes.IF_ACMPEQ, original));
                }
            }
        }
        out.add(tryEnd);
        for (int c = 0; c < f; c++) {
            copyRange(out, plan.epilogueFirst(), outer.iv().update(), rename.get(c), sharing, c, false);
        }
        for (Map.Entry<Integer, Integer> p : plan.privates().entrySet()) {
            if (sharing.shared(p.getKey())) {
                int offset = sharing.coefficient().get(p.getKey()) * (f - 1);
                if (offset != 0) {
                    out.add(new IincInsnNode(p.getKey(), offset));
                }
                continue;
            }
            out.add(new VarInsnNode(JamPlan.loadOpcode(p.getValue()), rename.get(f - 1).get(p.getKey())));
            out.add(new VarInsnNode(p.getValue(), p.getKey()));
        }
        out.add(new IincInsnNode(j, f));
        out.add(new JumpInsnNode(Opcodes.GOTO, jhead));
        out.add(handler);
        out.add(new InsnNode(Opcodes.POP));
        out.add(original);
        m.instructions.insertBefore(outer.head(), out);
        m.tryCatchBlocks.add(0, new TryCatchBlockNode(tryStart, tryEnd, handler, "java/lang/RuntimeException"));
    }

    /*
     * Straight-line code only: labels, line numbers and frames are dropped (frames are recomputed).
     * A shared local (JamSharing) is copy 0's slot: copy c reads it plus k*c and does not write it
     * (its store before the inner loop becomes a pop); in the inner body every copy leaves out the
     * shared steps, which run once after the last copy.
     */
    private static void copyRange(InsnList out, AbstractInsnNode from, AbstractInsnNode to, Map<Integer, Integer> rename,
                                  JamSharing sharing, int c, boolean innerBody) {
        for (AbstractInsnNode n = from; n != to; n = n.getNext()) {
            if (n.getOpcode() < 0 || (innerBody && sharing.updates().contains(n))) {
                continue;
            }
            if (c > 0 && n instanceof VarInsnNode v && sharing.shared(v.var)) {
                if (v.getOpcode() == Opcodes.ISTORE) {
                    out.add(new InsnNode(Opcodes.POP));
                    continue;
                }
                out.add(new VarInsnNode(v.getOpcode(), v.var));
                int offset = sharing.coefficient().get(v.var) * c;
                if (offset != 0) {
                    out.add(new LdcInsnNode(offset));
                    out.add(new InsnNode(Opcodes.IADD));
                }
                continue;
            }
            out.add(copy(n, rename));
        }
    }

    private static AbstractInsnNode copy(AbstractInsnNode n, Map<Integer, Integer> rename) {
        if (n instanceof VarInsnNode v) {
            return new VarInsnNode(v.getOpcode(), rename.getOrDefault(v.var, v.var));
        }
        if (n instanceof IincInsnNode inc) {
            return new IincInsnNode(rename.getOrDefault(inc.var, inc.var), inc.incr);
        }
        return n.clone(Map.of());
    }
}
