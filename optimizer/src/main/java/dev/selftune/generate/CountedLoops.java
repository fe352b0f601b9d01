package dev.selftune.generate;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;

/** The counted loops of a method that are safe to restructure, in order of their heads: a view of {@link Loops}. */
public final class CountedLoops {
    private CountedLoops() { }

    /*
     * A view of the one loop model (Loops): the loops whose tested local is an int stepped by a
     * constant "iinc i c" right before the back edge, in the direction of the test, against a bound
     * that is zero, an int constant, a local, an array's length or a String's length, none of which
     * the body changes. Loops already refuses a loop when anything could make "skip the test for a
     * few iterations" wrong: a second write of i (a "continue" to the head counts: it crosses the
     * increment), code outside jumping into the body, a monitor; here also a handler in it or a try
     * range covering part of it (Loop.exceptionEdges). A step whose sign does not move i towards the bound is refused here (then i
     * could wrap around and the original would run on past 2^31; the long-arithmetic guards of the
     * rewrites assume it does not).
     */
    public static List<CountedLoop> find(MethodNode method) {
        List<CountedLoop> loops = new ArrayList<>();
        InsnList insns = method.instructions;
        for (Loop l : Loops.find(method)) {
            CountedLoop c = counted(method, l, loops.size());
            if (c != null && !isRemainder(insns, c)) {
                loops.add(c);
            }
        }
        return loops;
    }

    private static CountedLoop counted(MethodNode method, Loop l, int index) {
        InsnList insns = method.instructions;
        if (l.bottomTested() || l.exceptionEdges() || l.iv().isLong() || !(l.iv().update() instanceof IincInsnNode iinc) || previousReal(l.backEdge()) != iinc
                || iinc.incr == 0 || !l.boundInvariant() || !isCountedBound(l.bound(), l.iv().slot())) {
            return null;
        }
        boolean upward = l.relation() == Opcodes.IF_ICMPLT || l.relation() == Opcodes.IF_ICMPLE;
        if (upward != iinc.incr > 0) {
            return null;
        }
        int headAt = insns.indexOf(l.head());
        int backAt = insns.indexOf(l.backEdge());
        boolean jumpsOut = false;
        boolean returns = false;
        for (AbstractInsnNode n = l.bodyFirst(); n != iinc; n = n.getNext()) {
            returns |= n.getOpcode() >= Opcodes.IRETURN && n.getOpcode() <= Opcodes.RETURN;
            for (LabelNode target : targets(n)) {
                int at = insns.indexOf(target);
                jumpsOut |= at < headAt || at > backAt;
            }
        }
        boolean covered = false;
        for (TryCatchBlockNode tcb : method.tryCatchBlocks) {
            covered |= insns.indexOf(tcb.start) <= headAt && insns.indexOf(tcb.end) > backAt;
        }
        return new CountedLoop(index, l.head(), l.iv().slot(), iinc.incr, l.relation(), l.bound(), l.test(), iinc,
                l.backEdge(), l.exit(), l.hasCalls(), jumpsOut, returns, covered);
    }

    /* Zero (empty), an int constant, another int local, a.length or s.length(). */
    static boolean isCountedBound(List<AbstractInsnNode> bound, int iv) {
        if (bound.isEmpty()) {
            return true;
        }
        AbstractInsnNode first = bound.get(0);
        if (bound.size() == 1) {
            return intConstant(first) != null || (first.getOpcode() == Opcodes.ILOAD && ((VarInsnNode) first).var != iv);
        }
        return bound.size() == 2 && first.getOpcode() == Opcodes.ALOAD && isArrayOrStringLength(bound.get(1));
    }

    public static AbstractInsnNode nextReal(AbstractInsnNode n) {
        AbstractInsnNode r = n.getNext();
        while (r != null && r.getOpcode() < 0) {
            r = r.getNext();
        }
        return r;
    }

    public static AbstractInsnNode previousReal(AbstractInsnNode n) {
        AbstractInsnNode r = n.getPrevious();
        while (r != null && r.getOpcode() < 0) {
            r = r.getPrevious();
        }
        return r;
    }

    /** The int value pushed by a constant instruction, or null. */
    public static Integer intConstant(AbstractInsnNode n) {
        int op = n.getOpcode();
        if (op >= Opcodes.ICONST_M1 && op <= Opcodes.ICONST_5) {
            return op - Opcodes.ICONST_0;
        }
        if (op == Opcodes.BIPUSH || op == Opcodes.SIPUSH) {
            return ((org.objectweb.asm.tree.IntInsnNode) n).operand;
        }
        if (op == Opcodes.LDC && ((LdcInsnNode) n).cst instanceof Integer v) {
            return v;
        }
        return null;
    }

    /*
     * The rewrites here leave the original loop behind as the remainder of a main loop that tests
     * "iload i; iload limit; if_icmpXX rem" with limit stored from "Math.max|min(JJ)J; l2i" (possibly
     * via a combine block before rem). Restructuring a remainder again is pure code growth: it runs
     * fewer than factor iterations. Such loops are not reported.
     */
    private static boolean isRemainder(InsnList insns, CountedLoop loop) {
        for (AbstractInsnNode n = insns.getFirst(); n != null; n = n.getNext()) {
            if (n instanceof JumpInsnNode j && (n.getOpcode() == Opcodes.IF_ICMPGE || n.getOpcode() == Opcodes.IF_ICMPLE)
                    && previousReal(n) instanceof VarInsnNode limit && isClampedLimit(insns, limit.var)) {
                int steps = 0;
                for (AbstractInsnNode w = j.label; w != null && steps < 64; w = w.getNext(), steps++) {
                    if (w == loop.head()) {
                        return true;
                    }
                    if (w instanceof JumpInsnNode || w.getType() == AbstractInsnNode.TABLESWITCH_INSN
                            || w.getType() == AbstractInsnNode.LOOKUPSWITCH_INSN) {
                        break;
                    }
                }
            }
        }
        return false;
    }

    private static boolean isClampedLimit(InsnList insns, int local) {
        for (AbstractInsnNode n = insns.getFirst(); n != null; n = n.getNext()) {
            if (n.getOpcode() == Opcodes.ISTORE && ((VarInsnNode) n).var == local) {
                AbstractInsnNode l2i = previousReal(n);
                AbstractInsnNode clamp = l2i == null ? null : previousReal(l2i);
                if (l2i != null && l2i.getOpcode() == Opcodes.L2I && clamp instanceof MethodInsnNode m
                        && m.owner.equals("java/lang/Math") && m.desc.equals("(JJ)J")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isArrayOrStringLength(AbstractInsnNode n) {
        return n != null && (n.getOpcode() == Opcodes.ARRAYLENGTH || LoopBodies.isStringLength(n));
    }

    /** Every label {@code n} may transfer control to. */
    public static List<LabelNode> targets(AbstractInsnNode n) {
        if (n instanceof JumpInsnNode j) {
            return List.of(j.label);
        }
        if (n instanceof TableSwitchInsnNode s) {
            List<LabelNode> all = new ArrayList<>(s.labels);
            all.add(s.dflt);
            return all;
        }
        if (n instanceof LookupSwitchInsnNode s) {
            List<LabelNode> all = new ArrayList<>(s.labels);
            all.add(s.dflt);
            return all;
        }
        return List.of();
    }
}
