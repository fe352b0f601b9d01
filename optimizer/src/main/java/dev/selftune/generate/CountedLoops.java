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

/** Finds the counted loops of a method that are safe to restructure, in order of their heads. */
public final class CountedLoops {
    private CountedLoops() { }

    /*
     * Only javac's top-tested shape is recognised (JLS 14.14.1 as compiled by javac since 1.4):
     *   head: iload i; <bound>; if_icmpXX exit; body; iinc i c; goto head   (exit: any label outside)
     * A loop is refused (left out) when anything could make "skip the test for a few iterations"
     * wrong: the body writes the induction variable or the bound's local, jumps back to the head
     * other than by the back edge, holds a monitor or a try/catch range, code outside jumps into
     * it, or the step's sign does not move i towards the bound (then i could wrap around and the
     * original would run on past 2^31; the long-arithmetic guards of the rewrites assume it does not).
     */
    public static List<CountedLoop> find(MethodNode method) {
        List<CountedLoop> loops = new ArrayList<>();
        InsnList insns = method.instructions;
        for (AbstractInsnNode n = insns.getFirst(); n != null; n = n.getNext()) {
            if (n.getOpcode() == Opcodes.GOTO) {
                JumpInsnNode back = (JumpInsnNode) n;
                if (insns.indexOf(back.label) < insns.indexOf(back)) {
                    CountedLoop loop = match(method, back, loops.size());
                    if (loop != null && !isRemainder(insns, loop)) {
                        loops.add(loop);
                    }
                }
            }
        }
        loops.sort((a, b) -> Integer.compare(insns.indexOf(a.head()), insns.indexOf(b.head())));
        List<CountedLoop> indexed = new ArrayList<>();
        for (CountedLoop l : loops) {
            indexed.add(new CountedLoop(indexed.size(), l.head(), l.inductionVar(), l.step(), l.relation(), l.bound(),
                    l.test(), l.increment(), l.backEdge(), l.exit(), l.hasCalls(), l.hasJumpsOut(), l.hasReturns(),
                    l.coveredByTry()));
        }
        return indexed;
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

    private static CountedLoop match(MethodNode method, JumpInsnNode back, int index) {
        InsnList insns = method.instructions;
        LabelNode head = back.label;
        AbstractInsnNode load = nextReal(head);
        if (load == null || load.getOpcode() != Opcodes.ILOAD) {
            return null;
        }
        int iv = ((VarInsnNode) load).var;
        List<AbstractInsnNode> bound = new ArrayList<>();
        int boundLocal = -1;
        AbstractInsnNode r = nextReal(load);
        int relation;
        if (r.getOpcode() >= Opcodes.IFLT && r.getOpcode() <= Opcodes.IFLE) {
            relation = negate(r.getOpcode() - Opcodes.IFEQ + Opcodes.IF_ICMPEQ);
        } else {
            if (r.getOpcode() == Opcodes.ILOAD && ((VarInsnNode) r).var != iv) {
                boundLocal = ((VarInsnNode) r).var;
                bound.add(r);
            } else if (intConstant(r) != null) {
                bound.add(r);
            } else if (r.getOpcode() == Opcodes.ALOAD && isArrayOrStringLength(nextReal(r))) {
                boundLocal = ((VarInsnNode) r).var;
                bound.add(r);
                r = nextReal(r);
                bound.add(r);
            } else {
                return null;
            }
            r = nextReal(r);
            relation = r == null ? -1 : negate(r.getOpcode());
        }
        if (relation < 0 || !(r instanceof JumpInsnNode test)) {
            return null;
        }
        AbstractInsnNode inc = previousReal(back);
        if (!(inc instanceof IincInsnNode iinc) || iinc.var != iv || iinc.incr == 0) {
            return null;
        }
        boolean upward = relation == Opcodes.IF_ICMPLT || relation == Opcodes.IF_ICMPLE;
        int headAt = insns.indexOf(head);
        int backAt = insns.indexOf(back);
        int exitAt = insns.indexOf(test.label);
        if (upward != iinc.incr > 0 || (exitAt >= headAt && exitAt <= backAt)) {
            return null;
        }
        boolean calls = false;
        boolean jumpsOut = false;
        boolean returns = false;
        for (AbstractInsnNode n = test.getNext(); n != iinc; n = n.getNext()) {
            int op = n.getOpcode();
            if (n instanceof VarInsnNode v && (op == Opcodes.ISTORE || op == Opcodes.ASTORE)
                    && (v.var == iv || v.var == boundLocal)) {
                return null;
            }
            if (n instanceof IincInsnNode i && (i.var == iv || i.var == boundLocal)) {
                return null;
            }
            if (op == Opcodes.MONITORENTER || op == Opcodes.MONITOREXIT) {
                return null;
            }
            calls |= n.getType() == AbstractInsnNode.METHOD_INSN || n.getType() == AbstractInsnNode.INVOKE_DYNAMIC_INSN;
            returns |= op >= Opcodes.IRETURN && op <= Opcodes.RETURN;
            for (LabelNode target : targets(n)) {
                if (target == head) {
                    return null;
                }
                int at = insns.indexOf(target);
                jumpsOut |= at < headAt || at > backAt;
            }
        }
        for (AbstractInsnNode n = insns.getFirst(); n != null; n = n.getNext()) {
            int at = insns.indexOf(n);
            if (at >= headAt && at <= backAt) {
                continue;
            }
            for (LabelNode target : targets(n)) {
                int t = insns.indexOf(target);
                if (t > headAt && t <= backAt) {
                    return null;
                }
            }
        }
        boolean covered = false;
        for (TryCatchBlockNode tcb : method.tryCatchBlocks) {
            int s = insns.indexOf(tcb.start);
            int e = insns.indexOf(tcb.end);
            int h = insns.indexOf(tcb.handler);
            if (h > headAt && h <= backAt) {
                return null;
            }
            if (s <= headAt && e > backAt) {
                covered = true;
            } else if (s <= backAt && e > headAt) {
                return null;
            }
        }
        return new CountedLoop(index, head, iv, iinc.incr, relation, bound, test, iinc, back, test.label,
                calls, jumpsOut, returns, covered);
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
        if (n == null) {
            return false;
        }
        if (n.getOpcode() == Opcodes.ARRAYLENGTH) {
            return true;
        }
        /* String is immutable, so s.length() may be evaluated fewer times than the original does. */
        return n.getOpcode() == Opcodes.INVOKEVIRTUAL && n instanceof MethodInsnNode m
                && m.owner.equals("java/lang/String") && m.name.equals("length") && m.desc.equals("()I");
    }

    /** The loop-continuation relation for the exit test {@code op}, or -1 if it is not an ordering. */
    private static int negate(int op) {
        return switch (op) {
            case Opcodes.IF_ICMPGE -> Opcodes.IF_ICMPLT;
            case Opcodes.IF_ICMPGT -> Opcodes.IF_ICMPLE;
            case Opcodes.IF_ICMPLE -> Opcodes.IF_ICMPGT;
            case Opcodes.IF_ICMPLT -> Opcodes.IF_ICMPGE;
            default -> -1;
        };
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
