package dev.selftune.generate;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Turns loops that step their tested index inside the body, {@code while (i < end) s += a[i++] * b[j]}
 * (EJML writes its kernels so), into javac's counted shape, with the step last:
 * <pre>
 *   head: iload i; &lt;bound&gt;; if&lt;!rel&gt; exit; ...; iload i; iinc i c; daload; ...; goto head
 * becomes
 *   head: iload i; &lt;bound&gt;; if&lt;!rel&gt; exit; ...; iload i; daload; ...; iinc i c; goto head
 * </pre>
 */
public final class PostIncrementLoops {
    private PostIncrementLoops() { }

    /*
     * Why it is the same program: the increment moves only over instructions that neither read nor
     * write i and among which no control flow starts or ends (no jump, switch, return, throw, and no
     * label any jump, switch or handler names), so every path through the old increment passes the
     * new one, right before the back edge, with the same i everywhere i is read: at the test, and in
     * the body before the old spot. Loops already makes sure no jump inside the body crosses the
     * increment and that it is the only write of i. The one difference is an exception thrown after
     * the old spot, which would leave i one step further; i is then dead unless a handler of this
     * method sees the frame, so a loop that any try range overlaps is left alone.
     */
    /** Rewrites {@code method}'s loops whose tested index is stepped inside the body; returns how many. */
    public static int apply(MethodNode method) {
        int done = 0;
        for (Loop l : Loops.find(method)) {
            if (movable(method, l)) {
                IincInsnNode inc = (IincInsnNode) l.iv().update();
                method.instructions.remove(inc);
                method.instructions.insertBefore(l.backEdge(), new IincInsnNode(inc.var, inc.incr));
                done++;
            }
        }
        return done;
    }

    private static boolean movable(MethodNode method, Loop l) {
        if (l.bottomTested() || l.iv().isLong() || !(l.iv().update() instanceof IincInsnNode inc)
                || CountedLoops.previousReal(l.backEdge()) == inc) {
            return false;
        }
        InsnList insns = method.instructions;
        int headAt = insns.indexOf(l.head());
        int backAt = insns.indexOf(l.backEdge());
        for (TryCatchBlockNode tcb : method.tryCatchBlocks) {
            if (insns.indexOf(tcb.start) <= backAt && insns.indexOf(tcb.end) > headAt) {
                return false;
            }
        }
        for (AbstractInsnNode n = inc.getNext(); n != l.backEdge(); n = n.getNext()) {
            int op = n.getOpcode();
            if ((n instanceof VarInsnNode v && v.var == inc.var) || (n instanceof IincInsnNode i && i.var == inc.var)
                    || !CountedLoops.targets(n).isEmpty()
                    || op == Opcodes.ATHROW || op == Opcodes.RET || (op >= Opcodes.IRETURN && op <= Opcodes.RETURN)
                    || (n instanceof LabelNode label && isNamed(method, label))) {
                return false;
            }
        }
        return true;
    }

    /* Whether any jump, switch or try range names {@code label}. */
    private static boolean isNamed(MethodNode method, LabelNode label) {
        for (AbstractInsnNode n = method.instructions.getFirst(); n != null; n = n.getNext()) {
            if (CountedLoops.targets(n).contains(label)) {
                return true;
            }
        }
        for (TryCatchBlockNode tcb : method.tryCatchBlocks) {
            if (tcb.start == label || tcb.end == label || tcb.handler == label) {
                return true;
            }
        }
        return false;
    }
}
