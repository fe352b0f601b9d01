package dev.selftune.generate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;

/** Finds a method's top-tested loops with their induction variables, in order of their heads. */
public final class Loops {
    private Loops() { }

    /*
     * javac compiles "for" and "while" alike: head: <test>; if<!rel> exit; body; goto head (do-while and
     * Kotlin's for-in-until test at the bottom instead: BottomTestedLoops). The
     * test is "load iv; <bound>; if_icmpXX" (int) or "lload iv; <bound>; lcmp; ifXX" (long). The
     * increment may sit anywhere in the body, inside an expression too (a[i++] is iload i; iinc i 1).
     * A local is an induction variable when the body writes it exactly once, at a point every
     * iteration passes once (no jump inside the body crosses it: a forward jump would skip it, a
     * nested loop's back edge would repeat it), by a constant or an invariant amount. A loop is left
     * out when code outside jumps into its body (a handler in it for a try range that starts
     * outside counts), it holds a monitor, or its tested local is not an induction variable.
     */
    public static List<Loop> find(MethodNode method) {
        List<Loop> loops = new ArrayList<>();
        InsnList insns = method.instructions;
        for (AbstractInsnNode n = insns.getFirst(); n != null; n = n.getNext()) {
            if (n instanceof JumpInsnNode j && insns.indexOf(j.label) < insns.indexOf(n)) {
                Loop loop = n.getOpcode() == Opcodes.GOTO ? match(method, j) : BottomTestedLoops.match(method, j);
                if (loop != null) {
                    loops.add(loop);
                }
            }
        }
        /* a conditional jump back to a while loop's head (a "continue" javac chained) is part of that loop */
        loops.removeIf(l -> l.bottomTested() && loops.stream().anyMatch(o -> !o.bottomTested() && o.head() == l.head()));
        loops.sort((a, b) -> Integer.compare(insns.indexOf(a.head()), insns.indexOf(b.head())));
        return loops;
    }

    static final int MAX_BOUND_INSNS = 8;

    private static Loop match(MethodNode method, JumpInsnNode back) {
        InsnList insns = method.instructions;
        LabelNode head = back.label;
        AbstractInsnNode load = LoopNestLoop.realNext(head);
        if (!(load instanceof VarInsnNode lv) || (load.getOpcode() != Opcodes.ILOAD && load.getOpcode() != Opcodes.LLOAD)) {
            return null;
        }
        boolean isLong = load.getOpcode() == Opcodes.LLOAD;
        List<AbstractInsnNode> bound = new ArrayList<>();
        AbstractInsnNode r = LoopNestLoop.realNext(load);
        /* up to 8 instructions: "a[i].length - 1" (aload, iload, aaload, arraylength, iconst_1, isub) is six */
        while (r != null && bound.size() < MAX_BOUND_INSNS && isBoundPart(r)) {
            bound.add(r);
            r = LoopNestLoop.realNext(r);
        }
        if (r == null || (bound.isEmpty() && (isLong || r.getOpcode() < Opcodes.IFEQ || r.getOpcode() > Opcodes.IFLE))) {
            return null;
        }
        if (isLong) {
            if (r.getOpcode() != Opcodes.LCMP) {
                return null;
            }
            r = LoopNestLoop.realNext(r);
            if (r == null || r.getOpcode() < Opcodes.IFEQ || r.getOpcode() > Opcodes.IFLE) {
                return null;
            }
        }
        /* "iload i; ifXX exit" compares with zero: the bound is empty */
        boolean againstZero = isLong || bound.isEmpty();
        int exitOp = againstZero ? r.getOpcode() - Opcodes.IFEQ + Opcodes.IF_ICMPEQ : r.getOpcode();
        int relation = negate(exitOp);
        if (relation < 0 || !(r instanceof JumpInsnNode test)) {
            return null;
        }
        int exitAt = insns.indexOf(test.label);
        if (exitAt >= insns.indexOf(head) && exitAt <= insns.indexOf(back)) {
            return null;
        }
        return finish(method, head, lv.var, isLong, bound, relation, test, back, test.label, test.getNext(), false);
    }

    /*
     * The part both shapes share. bodyFrom..back is what the body summary covers (for a
     * bottom-tested loop the test's loads are in it: they only read).
     */
    static Loop finish(MethodNode method, LabelNode head, int tested, boolean isLong, List<AbstractInsnNode> bound,
                       int relation, JumpInsnNode test, JumpInsnNode back, LabelNode exit, AbstractInsnNode bodyFrom,
                       boolean bottomTested) {
        InsnList insns = method.instructions;
        int headAt = insns.indexOf(head);
        int backAt = insns.indexOf(back);
        if (!LoopBodies.isSingleEntry(method, headAt, backAt)) {
            return null;
        }
        /*
         * Exception edges: a handler inside the body is an entry unless its whole try range is in the
         * body too (then it is internal control flow, like Hoist's versioned loops); a try range
         * covering only part of the loop is an exit. Both are allowed and flagged (exceptionEdges).
         */
        boolean exceptionEdges = false;
        List<int[]> handlerEdges = new ArrayList<>();
        for (TryCatchBlockNode tcb : method.tryCatchBlocks) {
            int s = insns.indexOf(tcb.start);
            int e = insns.indexOf(tcb.end);
            int h = insns.indexOf(tcb.handler);
            boolean handlerInside = h > headAt && h <= backAt;
            if (handlerInside && !(s > headAt && e <= backAt)) {
                return null;
            }
            if (handlerInside) {
                handlerEdges.add(new int[] {Math.min(s, h), Math.max(e, h)});
            }
            exceptionEdges |= handlerInside || (s <= backAt && e > headAt && !(s <= headAt && e > backAt));
        }
        LoopBodies.Summary body = LoopBodies.summarise(method, bodyFrom, back);
        body.jumps().addAll(handlerEdges);
        if (body.monitors()) {
            return null;
        }
        Map<Integer, InductionVar> ivs = new HashMap<>();
        for (Map.Entry<Integer, List<AbstractInsnNode>> w : body.writes().entrySet()) {
            InductionVar v = inductionVar(method, w.getKey(), w.getValue(), body, headAt, backAt);
            if (v != null) {
                ivs.put(w.getKey(), v);
            }
        }
        InductionVar iv = ivs.remove(tested);
        if (iv == null || iv.isLong() != isLong) {
            return null;
        }
        boolean boundInvariant = bound.stream().allMatch(b -> LoopBodies.isPureOperand(b) && LoopBodies.isInvariant(b, body));
        List<InductionVar> derived = new ArrayList<>(ivs.values());
        derived.sort((a, b) -> Integer.compare(a.slot(), b.slot()));
        return new Loop(head, iv, bound, relation, test, back, exit, derived, boundInvariant,
                body.straightLine() && !exceptionEdges, body.writesMemory(), body.calls(), exceptionEdges, bottomTested);
    }

    /* Exactly one write, reached once per iteration, adding a constant or an invariant amount. */
    private static InductionVar inductionVar(MethodNode method, int slot, List<AbstractInsnNode> writes,
                                             LoopBodies.Summary body, int headAt, int backAt) {
        if (writes.size() != 1) {
            return null;
        }
        AbstractInsnNode w = writes.get(0);
        int at = method.instructions.indexOf(w);
        for (int[] jump : body.jumps()) {
            int lo = Math.min(jump[0], jump[1]);
            int hi = Math.max(jump[0], jump[1]);
            if (lo >= headAt && hi <= backAt && hi != backAt && lo < at && at < hi) {
                return null;
            }
        }
        if (w instanceof IincInsnNode inc) {
            return new InductionVar(slot, false, (long) inc.incr, List.of(), w);
        }
        boolean isLong = w.getOpcode() == Opcodes.LSTORE;
        if (w.getOpcode() != Opcodes.ISTORE && !isLong) {
            return null;
        }
        AbstractInsnNode op = LoopNestLoop.realPrevious(w);
        int add = isLong ? Opcodes.LADD : Opcodes.IADD;
        int sub = isLong ? Opcodes.LSUB : Opcodes.ISUB;
        if (op == null || (op.getOpcode() != add && op.getOpcode() != sub)) {
            return null;
        }
        /* "load slot; <step>; add|sub" or "<step>; load slot; add", with <step> one or two push-only instructions. */
        AbstractInsnNode p1 = LoopNestLoop.realPrevious(op);
        AbstractInsnNode p2 = p1 == null ? null : LoopNestLoop.realPrevious(p1);
        AbstractInsnNode p3 = p2 == null ? null : LoopNestLoop.realPrevious(p2);
        boolean commutes = op.getOpcode() == add;
        List<AbstractInsnNode> step;
        if (isLoadOf(p2, slot) && isStepExpr(List.of(p1), body)) {
            step = List.of(p1);
        } else if (isLoadOf(p3, slot) && isStepExpr(List.of(p2, p1), body)) {
            step = List.of(p2, p1);
        } else if (commutes && isLoadOf(p1, slot) && p2 != null && isStepExpr(List.of(p2), body)) {
            step = List.of(p2);
        } else if (commutes && isLoadOf(p1, slot) && p3 != null && isStepExpr(List.of(p3, p2), body)) {
            step = List.of(p3, p2);
        } else {
            return null;
        }
        Long constant = LoopBodies.longConstant(step);
        if (constant != null && op.getOpcode() == sub) {
            constant = -constant;
        } else if (constant == null && op.getOpcode() == sub) {
            return null;
        }
        return new InductionVar(slot, isLong, constant, constant == null ? step : List.of(), w);
    }

    private static boolean isStepExpr(List<AbstractInsnNode> step, LoopBodies.Summary body) {
        if (step.size() == 1) {
            AbstractInsnNode s = step.get(0);
            return LoopBodies.longConstant(step) != null
                    || (s instanceof VarInsnNode v && (s.getOpcode() == Opcodes.ILOAD || s.getOpcode() == Opcodes.LLOAD)
                    && LoopBodies.isInvariant(s, body));
        }
        return step.size() == 2 && step.get(0).getOpcode() == Opcodes.ALOAD && step.get(1) instanceof FieldInsnNode f
                && f.getOpcode() == Opcodes.GETFIELD && LoopBodies.isInvariant(step.get(0), body)
                && LoopBodies.isInvariant(f, body) && (f.desc.equals("I") || f.desc.equals("J"));
    }

    /* Anything up to the test's jump but control flow and lcmp; purity is the user's question (boundInvariant). */
    private static boolean isBoundPart(AbstractInsnNode n) {
        int op = n.getOpcode();
        return op >= 0 && op != Opcodes.LCMP && !(n instanceof JumpInsnNode) && !(n instanceof LabelNode)
                && !CountedLoops.targets(n).iterator().hasNext() && op != Opcodes.ATHROW && op != Opcodes.RET
                && !(op >= Opcodes.IRETURN && op <= Opcodes.RETURN);
    }

    private static boolean isLoadOf(AbstractInsnNode n, int slot) {
        return n instanceof VarInsnNode v && v.var == slot && (n.getOpcode() == Opcodes.ILOAD || n.getOpcode() == Opcodes.LLOAD);
    }

    /** The loop-continuation relation for the exit test {@code op}, or -1 if it is not an ordering. */
    static int negate(int op) {
        return switch (op) {
            case Opcodes.IF_ICMPGE -> Opcodes.IF_ICMPLT;
            case Opcodes.IF_ICMPGT -> Opcodes.IF_ICMPLE;
            case Opcodes.IF_ICMPLE -> Opcodes.IF_ICMPGT;
            case Opcodes.IF_ICMPLT -> Opcodes.IF_ICMPGE;
            default -> -1;
        };
    }
}
