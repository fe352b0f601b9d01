package dev.selftune.generate.transform;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceValue;
import dev.selftune.generate.CountedLoops;
import dev.selftune.generate.Loop;

/**
 * The private {@code int} locals of a jammed nest that every copy could share with copy 0: in copy
 * {@code c} the local always holds copy 0's value plus {@code k·c} ({@code coefficient} k). In
 * EJML's {@code mult_small} the inner loop's {@code indexA} is the same in every copy (k = 0) and
 * {@code indexB = j} is copy 0's plus c (k = 1).
 *
 * <p>Why it matters: with a slot per copy, C2 sees f induction variables that all step alike; it
 * neither merges them nor removes the range checks of the ones that do not drive the loop's exit
 * test, and each copy reloads {@code a[indexA]}. Reading copy 0's slot (plus a constant) leaves one
 * induction variable per distinct stride, and the f loads of {@code a[indexA]} become one.
 *
 * <p>Exact because: the local is written once before the inner loop, from {@code j}, constants,
 * locals the body never writes and shared locals, by {@code +}, {@code -} and multiplication by a
 * constant (so its value in copy c is copy 0's plus k·c); at most once in the inner loop's body, by adding a
 * value computed from locals the body never writes, fields and constants ({@code i++}, {@code i +=
 * n}: the same step in every copy, so the difference k·c stays); never in the test or after the
 * inner loop; and every other read in the body comes before that update. JamCode then moves copy
 * 0's update after the last copy's body, so every copy reads the value from before the step, as
 * it did alone.
 */
record JamSharing(Map<Integer, Integer> coefficient, Set<AbstractInsnNode> updates) {
    static final JamSharing NONE = new JamSharing(Map.of(), Set.of());

    boolean shared(int slot) {
        return coefficient.containsKey(slot);
    }

    static JamSharing find(MethodNode m, Frame<SourceValue>[] frames, Loop outer, Loop inner, AbstractInsnNode epilogueFirst,
                           Map<Integer, Integer> privates) {
        InsnList insns = m.instructions;
        int j = outer.iv().slot();
        Set<Integer> written = new HashSet<>();
        for (AbstractInsnNode n = outer.bodyFirst(); n != outer.iv().update(); n = n.getNext()) {
            int w = writtenSlot(n);
            if (w >= 0) {
                written.add(w);
            }
        }
        Map<Integer, Integer> coef = new LinkedHashMap<>();
        Set<AbstractInsnNode> updates = new HashSet<>();
        for (AbstractInsnNode n = outer.bodyFirst(); n != inner.head(); n = n.getNext()) {
            if (!(n instanceof VarInsnNode v) || v.getOpcode() != Opcodes.ISTORE || !privates.containsKey(v.var)
                    || privates.get(v.var) != Opcodes.ISTORE || coef.containsKey(v.var)) {
                continue;
            }
            int p = v.var;
            Integer k = coefficientOf(insns, frames, n, 1, j, coef, written);
            if (k == null || writes(outer.bodyFirst(), inner.head(), p) != 1 || writes(inner.head(), inner.test().getNext(), p) != 0
                    || writes(epilogueFirst, outer.iv().update(), p) != 0) {
                continue;
            }
            List<AbstractInsnNode> update = update(insns, frames, inner, p, written, j, privates);
            if (update != null) {
                coef.put(p, k);
                updates.addAll(update);
            }
        }
        return coef.isEmpty() ? NONE : new JamSharing(Map.copyOf(coef), Set.copyOf(updates));
    }

    /*
     * The one write of p in the inner body (none: an empty list), with every other read of p before it: an IINC, or
     * 'p = p + inv' / 'p = inv + p' / 'p = p - inv' as a contiguous expression ending in ISTORE p.
     */
    private static List<AbstractInsnNode> update(InsnList insns, Frame<SourceValue>[] frames, Loop inner, int p,
                                                 Set<Integer> written, int j, Map<Integer, Integer> privates) {
        AbstractInsnNode first = inner.test().getNext();
        AbstractInsnNode write = null;
        for (AbstractInsnNode n = first; n != inner.backEdge(); n = n.getNext()) {
            if (writtenSlot(n) == p) {
                if (write != null) {
                    return null;
                }
                write = n;
            }
        }
        if (write == null) {
            return List.of();
        }
        List<AbstractInsnNode> range = new ArrayList<>();
        if (write instanceof IincInsnNode) {
            range.add(write);
        } else {
            Frame<SourceValue> at = frames[insns.indexOf(write)];
            if (at == null) {
                return null;
            }
            int height = at.getStackSize() - 1;
            AbstractInsnNode start = null;
            for (AbstractInsnNode n = write.getPrevious(); n != null && n != inner.test(); n = n.getPrevious()) {
                Frame<SourceValue> f = frames[insns.indexOf(n)];
                if (n.getOpcode() >= 0 && f != null && f.getStackSize() == height) {
                    start = n;
                    break;
                }
            }
            if (start == null) {
                return null;
            }
            for (AbstractInsnNode n = start; n != write.getNext(); n = n.getNext()) {
                if (n.getOpcode() >= 0) {
                    range.add(n);
                }
            }
            if (!stepShape(range, p, written, j, privates)) {
                return null;
            }
        }
        /* every other read of p in the body comes before the update */
        boolean after = false;
        for (AbstractInsnNode n = first; n != inner.backEdge(); n = n.getNext()) {
            if (n == range.get(0)) {
                after = true;
            }
            if (after && !range.contains(n) && n instanceof VarInsnNode v && v.var == p) {
                return null;
            }
        }
        return range;
    }

    private static boolean stepShape(List<AbstractInsnNode> r, int p, Set<Integer> written, int j, Map<Integer, Integer> privates) {
        int size = r.size();
        if (size < 4) {
            return false;
        }
        int op = r.get(size - 2).getOpcode();
        boolean loadFirst = r.get(0) instanceof VarInsnNode v0 && v0.getOpcode() == Opcodes.ILOAD && v0.var == p;
        boolean loadLast = r.get(size - 3) instanceof VarInsnNode v1 && v1.getOpcode() == Opcodes.ILOAD && v1.var == p;
        List<AbstractInsnNode> step;
        if (loadFirst && (op == Opcodes.IADD || op == Opcodes.ISUB)) {
            step = r.subList(1, size - 2);
        } else if (loadLast && op == Opcodes.IADD) {
            step = r.subList(0, size - 3);
        } else {
            return false;
        }
        for (AbstractInsnNode n : step) {
            if (!invariantLeafOrOp(n, written, j, privates)) {
                return false;
            }
        }
        return true;
    }

    private static boolean invariantLeafOrOp(AbstractInsnNode n, Set<Integer> written, int j, Map<Integer, Integer> privates) {
        if (n instanceof VarInsnNode v) {
            return (v.getOpcode() == Opcodes.ILOAD || v.getOpcode() == Opcodes.ALOAD) && v.var != j && !written.contains(v.var)
                    && !privates.containsKey(v.var);
        }
        int op = n.getOpcode();
        return isConstant(n) || op == Opcodes.GETFIELD || op == Opcodes.GETSTATIC || op == Opcodes.ARRAYLENGTH
                || op == Opcodes.IADD || op == Opcodes.ISUB || op == Opcodes.IMUL;
    }

    /* k of the value the instruction at 'at' finds 'depth' deep on its stack (1 = top); null when unknown. */
    private static Integer coefficientOf(InsnList insns, Frame<SourceValue>[] frames, AbstractInsnNode at, int depth, int j,
                                         Map<Integer, Integer> coef, Set<Integer> written) {
        Frame<SourceValue> f = frames[insns.indexOf(at)];
        if (f == null || f.getStackSize() < depth) {
            return null;
        }
        Set<AbstractInsnNode> src = f.getStack(f.getStackSize() - depth).insns;
        if (src.size() != 1) {
            return null;
        }
        AbstractInsnNode n = src.iterator().next();
        int op = n.getOpcode();
        if (n instanceof VarInsnNode v && op == Opcodes.ILOAD) {
            if (v.var == j) {
                return 1;
            }
            if (coef.containsKey(v.var)) {
                return coef.get(v.var);
            }
            return written.contains(v.var) ? null : 0;
        }
        if (isConstant(n) || op == Opcodes.GETSTATIC) {
            return 0;
        }
        if (op == Opcodes.GETFIELD || op == Opcodes.ARRAYLENGTH) {
            Frame<SourceValue> g = frames[insns.indexOf(n)];
            Set<AbstractInsnNode> obj = g == null ? Set.of() : g.getStack(g.getStackSize() - 1).insns;
            return obj.size() == 1 && obj.iterator().next() instanceof VarInsnNode a && a.getOpcode() == Opcodes.ALOAD
                    && !written.contains(a.var) ? 0 : null;
        }
        if (op == Opcodes.IADD || op == Opcodes.ISUB || op == Opcodes.IMUL) {
            Integer left = coefficientOf(insns, frames, n, 2, j, coef, written);
            Integer right = coefficientOf(insns, frames, n, 1, j, coef, written);
            if (left == null || right == null) {
                return null;
            }
            if (op == Opcodes.IADD) {
                return left + right;
            }
            if (op == Opcodes.ISUB) {
                return left - right;
            }
            if (left == 0 && right == 0) {
                return 0;
            }
            Integer c = constantOperand(insns, frames, n, left == 0 ? 2 : 1);
            return c == null || (left != 0 && right != 0) ? null : (left == 0 ? right : left) * c;
        }
        return null;
    }

    private static Integer constantOperand(InsnList insns, Frame<SourceValue>[] frames, AbstractInsnNode at, int depth) {
        Frame<SourceValue> f = frames[insns.indexOf(at)];
        Set<AbstractInsnNode> src = f.getStack(f.getStackSize() - depth).insns;
        return src.size() == 1 ? CountedLoops.intConstant(src.iterator().next()) : null;
    }

    private static boolean isConstant(AbstractInsnNode n) {
        return CountedLoops.intConstant(n) != null;
    }

    private static int writes(AbstractInsnNode from, AbstractInsnNode to, int slot) {
        int count = 0;
        for (AbstractInsnNode n = from; n != null && n != to; n = n.getNext()) {
            if (writtenSlot(n) == slot) {
                count++;
            }
        }
        return count;
    }

    private static int writtenSlot(AbstractInsnNode n) {
        if (n instanceof IincInsnNode inc) {
            return inc.var;
        }
        if (n instanceof VarInsnNode v && v.getOpcode() >= Opcodes.ISTORE && v.getOpcode() <= Opcodes.ASTORE) {
            return v.var;
        }
        return -1;
    }
}
