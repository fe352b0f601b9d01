package dev.selftune.generate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Turns bottom-tested counted loops ({@code goto cond; body: ...; iinc i c; cond: iload i; <bound>;
 * if_icmpXX body}, as ECJ and other compilers emit them) into javac's top-tested shape.
 */
public final class LoopRotation {
    private LoopRotation() { }

    /*
     * The rotated loop evaluates the same tests in the same order (test, body, increment, test, …);
     * only the entry "goto cond" disappears and the test moves to the top with its condition negated.
     * The bound is one of the pure shapes CountedLoops accepts, so duplicating or moving it changes
     * nothing observable. Loops with a try/catch boundary inside are left alone.
     */

    /** {@code method} itself when it has no bottom-tested loop, else a rotated copy. */
    public static MethodNode canonical(MethodNode method) {
        if (candidates(method).isEmpty()) {
            return method;
        }
        MethodNode copy = new MethodNode(Opcodes.ASM9, method.access, method.name, method.desc, method.signature,
                method.exceptions == null ? null : method.exceptions.toArray(new String[0]));
        method.accept(copy);
        for (JumpInsnNode test : candidates(copy)) {
            rotate(copy, test);
        }
        return copy;
    }

    /** Moves {@code from}'s body (the result of a successful rewrite of a canonical copy) into {@code into}. */
    public static void adopt(MethodNode into, MethodNode from) {
        if (into == from) {
            return;
        }
        into.instructions.clear();
        into.instructions.add(from.instructions);
        into.tryCatchBlocks = from.tryCatchBlocks;
        into.localVariables = from.localVariables;
        into.visibleLocalVariableAnnotations = null;
        into.invisibleLocalVariableAnnotations = null;
        into.maxLocals = Math.max(into.maxLocals, from.maxLocals);
        into.maxStack = Math.max(into.maxStack, from.maxStack);
    }

    private static List<JumpInsnNode> candidates(MethodNode method) {
        List<JumpInsnNode> out = new ArrayList<>();
        InsnList insns = method.instructions;
        for (AbstractInsnNode n = insns.getFirst(); n != null; n = n.getNext()) {
            if (n instanceof JumpInsnNode j && isOrdering(n.getOpcode())
                    && insns.indexOf(j.label) < insns.indexOf(j) && shape(method, j) != null) {
                out.add(j);
            }
        }
        return out;
    }

    private static boolean isOrdering(int op) {
        return (op >= Opcodes.IFLT && op <= Opcodes.IFLE) || (op >= Opcodes.IF_ICMPLT && op <= Opcodes.IF_ICMPLE);
    }

    /** The loop's entry goto when {@code test} closes a bottom-tested counted loop, else null. */
    private static JumpInsnNode shape(MethodNode method, JumpInsnNode test) {
        InsnList insns = method.instructions;
        List<AbstractInsnNode> cond = condition(test);
        if (cond == null) {
            return null;
        }
        AbstractInsnNode condStart = cond.get(0);
        AbstractInsnNode entry = CountedLoops.previousReal(test.label);
        if (!(entry instanceof JumpInsnNode g) || g.getOpcode() != Opcodes.GOTO
                || !(CountedLoops.previousReal(condStart) instanceof IincInsnNode inc)
                || inc.var != ((VarInsnNode) condStart).var) {
            return null;
        }
        int condLabelAt = insns.indexOf(g.label);
        if (condLabelAt > insns.indexOf(condStart) || condLabelAt < insns.indexOf(inc)) {
            return null;
        }
        int from = insns.indexOf(g);
        int to = insns.indexOf(test);
        for (TryCatchBlockNode tcb : method.tryCatchBlocks) {
            for (LabelNode l : List.of(tcb.start, tcb.end, tcb.handler)) {
                int at = insns.indexOf(l);
                if (at > from && at <= to) {
                    return null;
                }
            }
        }
        return g;
    }

    /** iload i [; bound] ending at {@code test}, with a bound CountedLoops accepts; null otherwise. */
    private static List<AbstractInsnNode> condition(JumpInsnNode test) {
        List<AbstractInsnNode> cond = new ArrayList<>();
        AbstractInsnNode p = CountedLoops.previousReal(test);
        if (test.getOpcode() >= Opcodes.IF_ICMPLT) {
            if (p == null) {
                return null;
            }
            if (p.getOpcode() == Opcodes.ARRAYLENGTH || (p.getOpcode() == Opcodes.INVOKEVIRTUAL
                    && ((org.objectweb.asm.tree.MethodInsnNode) p).desc.equals("()I"))) {
                AbstractInsnNode a = CountedLoops.previousReal(p);
                if (a == null || a.getOpcode() != Opcodes.ALOAD) {
                    return null;
                }
                cond.add(0, p);
                p = a;
            } else if (p.getOpcode() != Opcodes.ILOAD && CountedLoops.intConstant(p) == null) {
                return null;
            }
            cond.add(0, p);
            p = CountedLoops.previousReal(p);
        }
        if (p == null || p.getOpcode() != Opcodes.ILOAD) {
            return null;
        }
        cond.add(0, p);
        return cond;
    }

    private static void rotate(MethodNode method, JumpInsnNode test) {
        JumpInsnNode entry = shape(method, test);
        if (entry == null) {
            return;
        }
        InsnList insns = method.instructions;
        List<AbstractInsnNode> cond = condition(test);
        LabelNode head = new LabelNode();
        LabelNode exit = new LabelNode();
        Map<LabelNode, LabelNode> same = new HashMap<>() {
            @Override
            public LabelNode get(Object key) {
                return (LabelNode) key;
            }
        };
        InsnList top = new InsnList();
        top.add(head);
        for (AbstractInsnNode c : cond) {
            top.add(c.clone(same));
        }
        top.add(new JumpInsnNode(negate(test.getOpcode()), exit));
        insns.insert(entry, top);
        insns.remove(entry);
        for (AbstractInsnNode c : cond) {
            insns.remove(c);
        }
        insns.insert(test, exit);
        insns.set(test, new JumpInsnNode(Opcodes.GOTO, head));
    }

    private static int negate(int op) {
        return switch (op) {
            case Opcodes.IFLT -> Opcodes.IFGE;
            case Opcodes.IFGE -> Opcodes.IFLT;
            case Opcodes.IFGT -> Opcodes.IFLE;
            case Opcodes.IFLE -> Opcodes.IFGT;
            case Opcodes.IF_ICMPLT -> Opcodes.IF_ICMPGE;
            case Opcodes.IF_ICMPGE -> Opcodes.IF_ICMPLT;
            case Opcodes.IF_ICMPGT -> Opcodes.IF_ICMPLE;
            default -> Opcodes.IF_ICMPGT;
        };
    }
}
