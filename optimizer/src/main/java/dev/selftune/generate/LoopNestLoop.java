package dev.selftune.generate;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * One counted loop in javac's shape, {@code init; istore iv; L: iload iv; <bound>; if_icmpge X;
 * body; iinc iv 1; goto L; X:}, with its pieces named so nest transforms can move them.
 */
public record LoopNestLoop(
        AbstractInsnNode init,
        VarInsnNode store,
        LabelNode head,
        VarInsnNode ivLoad,
        List<AbstractInsnNode> bound,
        JumpInsnNode test,
        IincInsnNode step,
        JumpInsnNode back,
        LabelNode exit) {

    /** The induction variable's local slot. */
    public int iv() {
        return store.var;
    }

    /** The first instruction of the body (after the test), possibly a label. */
    public AbstractInsnNode bodyStart() {
        return test.getNext();
    }

    /** Every loop of {@code method} in javac's counted shape, outermost first (by position of the head). */
    public static List<LoopNestLoop> find(MethodNode method) {
        List<LoopNestLoop> loops = new ArrayList<>();
        for (Loop l : Loops.find(method)) {
            LoopNestLoop loop = match(l);
            if (loop != null) {
                loops.add(loop);
            }
        }
        return loops;
    }

    /*
     * A view of the one loop model (Loops) restricted to what the nest rewrites move: "iinc iv 1"
     * right before the back edge, "iload iv; <bound>; if_icmpge X" with X the label right after the
     * goto, and "init; istore iv" right before the head. Only unit steps and strict "<" tests
     * qualify: then the trip count is max(0, bound - init) with no overflow subtleties, and a
     * rectangular nest can be re-ordered without changing its iteration set. The bound is up to
     * four pure instructions that push one int (checked further by the nest analyses).
     */
    private static LoopNestLoop match(Loop l) {
        if (l.bottomTested() || l.iv().isLong() || !(l.iv().update() instanceof IincInsnNode step) || step.incr != 1
                || realPrevious(l.backEdge()) != step || l.test().getOpcode() != Opcodes.IF_ICMPGE
                || l.bound().isEmpty() || l.bound().size() > 4) {
            return null;
        }
        JumpInsnNode back = l.backEdge();
        AbstractInsnNode after = back.getNext();
        while (after != null && after.getOpcode() < 0 && !(after instanceof LabelNode)) {
            after = after.getNext();
        }
        if (!(after instanceof LabelNode exitLabel) || !sameLabelRun(exitLabel, l.test().label)) {
            return null;
        }
        AbstractInsnNode storeInsn = realPrevious(l.head());
        if (!(storeInsn instanceof VarInsnNode store) || store.getOpcode() != Opcodes.ISTORE || store.var != step.var) {
            return null;
        }
        AbstractInsnNode init = realPrevious(store);
        if (!isSimpleInit(init, step.var)) {
            return null;
        }
        VarInsnNode load = (VarInsnNode) realNext(l.head());
        return new LoopNestLoop(init, store, l.head(), load, l.bound(), l.test(), step, back, l.test().label);
    }

    /** An init is one instruction pushing an int that cannot throw: a constant or a load of another local. */
    static boolean isSimpleInit(AbstractInsnNode init, int iv) {
        if (init == null) {
            return false;
        }
        int op = init.getOpcode();
        return (op >= Opcodes.ICONST_M1 && op <= Opcodes.ICONST_5)
                || op == Opcodes.BIPUSH || op == Opcodes.SIPUSH
                || (init instanceof LdcInsnNode ldc && ldc.cst instanceof Integer)
                || (op == Opcodes.ILOAD && ((VarInsnNode) init).var != iv);
    }

    /** True when the two labels are the same or separated only by other labels, frames and line numbers. */
    static boolean sameLabelRun(LabelNode a, LabelNode b) {
        for (AbstractInsnNode n = a; n != null && n.getOpcode() < 0; n = n.getNext()) {
            if (n == b) {
                return true;
            }
        }
        for (AbstractInsnNode n = b; n != null && n.getOpcode() < 0; n = n.getNext()) {
            if (n == a) {
                return true;
            }
        }
        return false;
    }

    /** The next instruction with an opcode (skipping labels, frames and line numbers). */
    public static AbstractInsnNode realNext(AbstractInsnNode insn) {
        AbstractInsnNode n = insn.getNext();
        while (n != null && n.getOpcode() < 0) {
            n = n.getNext();
        }
        return n;
    }

    /** The previous instruction with an opcode (skipping labels, frames and line numbers). */
    static AbstractInsnNode realPrevious(AbstractInsnNode insn) {
        AbstractInsnNode n = insn.getPrevious();
        while (n != null && n.getOpcode() < 0) {
            n = n.getPrevious();
        }
        return n;
    }

    static boolean isConstInt(AbstractInsnNode insn) {
        int op = insn.getOpcode();
        return (op >= Opcodes.ICONST_M1 && op <= Opcodes.ICONST_5) || op == Opcodes.BIPUSH || op == Opcodes.SIPUSH
                || (insn instanceof LdcInsnNode ldc && ldc.cst instanceof Integer);
    }
}
