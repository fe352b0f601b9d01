package dev.selftune.generate;

import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;
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

/** Whether a local's value can still be read after a given point of a method. */
public final class LoopNestLiveness {
    private LoopNestLiveness() { }

    /*
     * A forward search from {@code from} along every control-flow edge (fall-through, jumps,
     * switches and, for instructions inside a try range, the handler): the slot is live when a
     * path reaches a read of it (load, iinc, ret) before a write. Paths that write it first end
     * there. Conservative by construction: any read on any path counts.
     */
    public static boolean isLiveAt(MethodNode method, AbstractInsnNode from, int slot) {
        InsnList insns = method.instructions;
        BitSet seen = new BitSet(insns.size());
        Deque<AbstractInsnNode> work = new ArrayDeque<>();
        work.push(from);
        while (!work.isEmpty()) {
            AbstractInsnNode n = work.pop();
            int index = insns.indexOf(n);
            if (seen.get(index)) {
                continue;
            }
            seen.set(index);
            if (n instanceof VarInsnNode v && v.var == slot) {
                int op = v.getOpcode();
                if (op >= Opcodes.ISTORE && op <= Opcodes.ASTORE) {
                    continue;
                }
                return true;
            }
            if (n instanceof IincInsnNode i && i.var == slot) {
                return true;
            }
            for (TryCatchBlockNode tcb : method.tryCatchBlocks) {
                if (index >= insns.indexOf(tcb.start) && index < insns.indexOf(tcb.end)) {
                    work.push(tcb.handler);
                }
            }
            if (n instanceof JumpInsnNode j) {
                work.push(j.label);
            } else if (n instanceof TableSwitchInsnNode t) {
                work.push(t.dflt);
                t.labels.forEach(work::push);
            } else if (n instanceof LookupSwitchInsnNode l) {
                work.push(l.dflt);
                l.labels.forEach(work::push);
            }
            if (fallsThrough(n) && n.getNext() != null) {
                work.push(n.getNext());
            }
        }
        return false;
    }

    private static boolean fallsThrough(AbstractInsnNode n) {
        int op = n.getOpcode();
        return op != Opcodes.GOTO && op != Opcodes.ATHROW && op != Opcodes.TABLESWITCH && op != Opcodes.LOOKUPSWITCH
                && op != Opcodes.RET && !(op >= Opcodes.IRETURN && op <= Opcodes.RETURN);
    }

    /**
     * True when code outside {@code [first, last]} can enter it other than by falling into
     * {@code first} (a jump, switch or handler targets a label inside), or a try range overlaps it.
     */
    public static boolean enteredFromOutside(MethodNode method, AbstractInsnNode first, AbstractInsnNode last) {
        return enteredFromOutside(method, first, last, false);
    }

    /**
     * As {@link #enteredFromOutside(MethodNode, AbstractInsnNode, AbstractInsnNode)}, but with
     * {@code innerTryAllowed} a try block lying wholly inside (range and handler) does not count.
     */
    public static boolean enteredFromOutside(MethodNode method, AbstractInsnNode first, AbstractInsnNode last,
                                             boolean innerTryAllowed) {
        InsnList insns = method.instructions;
        int lo = insns.indexOf(first);
        int hi = insns.indexOf(last);
        for (AbstractInsnNode n : insns) {
            int i = insns.indexOf(n);
            if (i >= lo && i <= hi) {
                continue;
            }
            if (n instanceof JumpInsnNode j && inside(insns, j.label, lo, hi)
                    || n instanceof TableSwitchInsnNode t && (inside(insns, t.dflt, lo, hi) || t.labels.stream().anyMatch(x -> inside(insns, x, lo, hi)))
                    || n instanceof LookupSwitchInsnNode l && (inside(insns, l.dflt, lo, hi) || l.labels.stream().anyMatch(x -> inside(insns, x, lo, hi)))) {
                return true;
            }
        }
        for (TryCatchBlockNode tcb : method.tryCatchBlocks) {
            boolean overlaps = inside(insns, tcb.handler, lo, hi) || insns.indexOf(tcb.start) < hi && insns.indexOf(tcb.end) > lo;
            boolean wholly = inside(insns, tcb.start, lo, hi) && inside(insns, tcb.end, lo, hi) && inside(insns, tcb.handler, lo, hi);
            if (overlaps && !(innerTryAllowed && wholly)) {
                return true;
            }
        }
        return false;
    }

    private static boolean inside(InsnList insns, LabelNode label, int lo, int hi) {
        int i = insns.indexOf(label);
        return i >= lo && i <= hi;
    }
}
