package dev.selftune.generate;

import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The bottom-tested loop shape {@code head: body; <load iv>; <bound>; if<rel> head}, as javac compiles
 * {@code do … while} and kotlinc compiles {@code for (i in 0 until n)} (behind an entry guard).
 */
final class BottomTestedLoops {
    private BottomTestedLoops() { }

    /*
     * The test is read backwards from the conditional back edge: "iload i; ifXX" (against zero),
     * "iload i; <one push>; if_icmpXX", "iload i; aload a; arraylength|getfield; if_icmpXX", or the
     * long forms "lload i; <one push>; lcmp; ifXX". Only orderings (<, <=, >, >=) continue a
     * counted loop. The exit is the label after the jump when there is one.
     */
    static Loop match(MethodNode method, JumpInsnNode cond) {
        int op = cond.getOpcode();
        boolean compare = op >= Opcodes.IF_ICMPEQ && op <= Opcodes.IF_ICMPLE;
        boolean zero = op >= Opcodes.IFEQ && op <= Opcodes.IFLE;
        if (!compare && !zero) {
            return null;
        }
        AbstractInsnNode p = CountedLoops.previousReal(cond);
        boolean isLong = zero && p != null && p.getOpcode() == Opcodes.LCMP;
        if (isLong) {
            p = CountedLoops.previousReal(p);
        }
        List<AbstractInsnNode> bound;
        AbstractInsnNode load;
        if (zero && !isLong) {
            bound = List.of();
            load = p;
        } else if (p != null && isOnePush(p)) {
            bound = List.of(p);
            load = CountedLoops.previousReal(p);
        } else if (p != null && !isLong && (p.getOpcode() == Opcodes.ARRAYLENGTH
                || (p instanceof FieldInsnNode f && p.getOpcode() == Opcodes.GETFIELD && f.desc.equals("I")))) {
            AbstractInsnNode object = CountedLoops.previousReal(p);
            if (object == null || object.getOpcode() != Opcodes.ALOAD) {
                return null;
            }
            bound = List.of(object, p);
            load = CountedLoops.previousReal(object);
        } else {
            return null;
        }
        int loadOp = isLong ? Opcodes.LLOAD : Opcodes.ILOAD;
        if (!(load instanceof VarInsnNode lv) || load.getOpcode() != loadOp
                || (bound.size() == 1 && bound.get(0) instanceof VarInsnNode b && b.var == lv.var)) {
            return null;
        }
        int relation = compare ? op : op - Opcodes.IFEQ + Opcodes.IF_ICMPEQ;
        if (relation < Opcodes.IF_ICMPLT || relation > Opcodes.IF_ICMPLE) {
            return null;
        }
        LabelNode exit = null;
        for (AbstractInsnNode n = cond.getNext(); n != null && n.getOpcode() < 0; n = n.getNext()) {
            if (n instanceof LabelNode l) {
                exit = l;
                break;
            }
        }
        return Loops.finish(method, cond.label, lv.var, isLong, bound, relation, cond, cond, exit, cond.label.getNext(), true);
    }

    private static boolean isOnePush(AbstractInsnNode n) {
        int op = n.getOpcode();
        return op == Opcodes.ILOAD || op == Opcodes.LLOAD || op == Opcodes.GETSTATIC || LoopBodies.longConstant(List.of(n)) != null;
    }
}
