package dev.selftune.generate;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Turns loops that step their index in the test, {@code while (++i <= to)} (Colt writes every loop so:
 * {@code i = from - 1; while (++i <= to) ...}), into javac's counted shape:
 * <pre>
 *   head: iinc i c; iload i; &lt;bound&gt;; if&lt;!rel&gt; exit; body; goto head
 * becomes
 *         iinc i c; head: iload i; &lt;bound&gt;; if&lt;!rel&gt; exit; body; next: iinc i c; goto head
 * </pre>
 */
public final class PreIncrementLoops {
    private PreIncrementLoops() { }

    /*
     * Why it is the same program: both run the same instructions in the same order, "iinc; test;
     * body; iinc; test; body; ...": the first increment now runs before the head, every later one
     * at the end of the body. So a jump to the head from inside the body (a continue) goes to "next"
     * (increment, then the head), and a jump from outside to a new label ahead of the first increment.
     * An increment cannot throw, so moving it across a try boundary changes no handler's view; a
     * handler whose entry is the head itself is refused (its path would lose the increment). The loop
     * model (Loops) then sees an induction variable stepped once at the end of the body.
     */
    /** Rewrites {@code method}'s pre-increment loops in place; returns how many. */
    public static int apply(MethodNode method) {
        int done = 0;
        for (JumpInsnNode back : candidates(method)) {
            rewrite(method, back);
            done++;
        }
        return done;
    }

    private static List<JumpInsnNode> candidates(MethodNode method) {
        List<JumpInsnNode> out = new ArrayList<>();
        InsnList insns = method.instructions;
        for (AbstractInsnNode n = insns.getFirst(); n != null; n = n.getNext()) {
            if (n.getOpcode() != Opcodes.GOTO) {
                continue;
            }
            JumpInsnNode back = (JumpInsnNode) n;
            int headAt = insns.indexOf(back.label);
            if (headAt >= insns.indexOf(back)) {
                continue;
            }
            AbstractInsnNode first = LoopNestLoop.realNext(back.label);
            AbstractInsnNode load = first == null ? null : LoopNestLoop.realNext(first);
            if (!(first instanceof IincInsnNode inc) || !(load instanceof VarInsnNode v) || load.getOpcode() != Opcodes.ILOAD
                    || v.var != inc.var || !testsAndExits(insns, load, back)) {
                continue;
            }
            boolean refused = false;
            for (TryCatchBlockNode tcb : method.tryCatchBlocks) {
                refused |= LoopNestLoop.sameLabelRun(tcb.handler, back.label);
            }
            /* a jump to another label at the head's spot would be missed by the retargeting */
            for (AbstractInsnNode m = insns.getFirst(); m != null && !refused; m = m.getNext()) {
                for (LabelNode t : CountedLoops.targets(m)) {
                    refused |= t != back.label && LoopNestLoop.sameLabelRun(t, back.label);
                }
            }
            if (!refused) {
                out.removeIf(o -> o.label == back.label);   // a continue is a goto to the head too: the last one is the back edge
                out.add(back);
            }
        }
        return out;
    }

    /* After the load: up to five bound instructions and an int comparison whose target lies past the back edge. */
    private static boolean testsAndExits(InsnList insns, AbstractInsnNode load, JumpInsnNode back) {
        AbstractInsnNode r = LoopNestLoop.realNext(load);
        for (int k = 0; r != null && k < 6; k++, r = LoopNestLoop.realNext(r)) {
            if (r instanceof JumpInsnNode j) {
                boolean compare = j.getOpcode() >= Opcodes.IFEQ && j.getOpcode() <= Opcodes.IF_ICMPLE;
                return compare && insns.indexOf(j.label) > insns.indexOf(back);
            }
            if (!LoopBodies.isPureOperand(r)) {
                return false;
            }
        }
        return false;
    }

    private static void rewrite(MethodNode method, JumpInsnNode back) {
        InsnList insns = method.instructions;
        LabelNode head = back.label;
        IincInsnNode inc = (IincInsnNode) LoopNestLoop.realNext(head);
        int headAt = insns.indexOf(head);
        int backAt = insns.indexOf(back);
        LabelNode pre = new LabelNode();
        LabelNode next = new LabelNode();
        List<AbstractInsnNode> jumps = new ArrayList<>();
        for (AbstractInsnNode n = insns.getFirst(); n != null; n = n.getNext()) {
            if (n != back && CountedLoops.targets(n).contains(head)) {
                jumps.add(n);
            }
        }
        for (AbstractInsnNode n : jumps) {
            int at = insns.indexOf(n);
            retarget(n, head, at > headAt && at < backAt ? next : pre);
        }
        insns.remove(inc);
        InsnList before = new InsnList();
        before.add(pre);
        before.add(new IincInsnNode(inc.var, inc.incr));
        insns.insertBefore(head, before);
        InsnList end = new InsnList();
        end.add(next);
        end.add(new IincInsnNode(inc.var, inc.incr));
        insns.insertBefore(back, end);
    }

    private static void retarget(AbstractInsnNode n, LabelNode from, LabelNode to) {
        if (n instanceof JumpInsnNode j) {
            j.label = to;
        } else if (n instanceof TableSwitchInsnNode s) {
            s.dflt = s.dflt == from ? to : s.dflt;
            s.labels.replaceAll(l -> l == from ? to : l);
        } else if (n instanceof LookupSwitchInsnNode s) {
            s.dflt = s.dflt == from ? to : s.dflt;
            s.labels.replaceAll(l -> l == from ? to : l);
        }
    }
}
