package dev.selftune.generate.transform;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Folds known values of unassigned parameters into a method body: every load becomes the constant,
 * then {@code x*1}, {@code x+0}, constant arithmetic and constant branches are simplified, the code
 * the folded branches can no longer reach is removed, and {@code ix = ix + c} becomes {@code iinc}.
 */
final class ValueFolding {
    private ValueFolding() { }

    /*
     * Every rewrite here is exact on ints and longs (two's-complement arithmetic mod 2^n): x*1 = x,
     * x/1 = x (MIN_VALUE/1 too), x+0 = x-0 = x|0 = x^0 = x<<0 = x; constant results are computed with
     * Java's own wrapping operators. Patterns match only adjacent instructions (no label between, so
     * no jump can enter in the middle with another stack). The point is what comes after: a stride
     * folded to 1 makes x[off + i*stride] the unit-stride x[off + i] that C2's range-check elimination
     * and superword, and the unroll and split-accumulators rules, all recognise.
     */

    /** Replaces every load of the slots in {@code values} (slot to value; ints and longs) and simplifies. */
    static void fold(MethodNode m, Map<Integer, Long> values) {
        InsnList insns = m.instructions;
        for (AbstractInsnNode n = insns.getFirst(); n != null; ) {
            AbstractInsnNode next = n.getNext();
            if (n instanceof VarInsnNode v && values.containsKey(v.var)
                    && (v.getOpcode() == Opcodes.ILOAD || v.getOpcode() == Opcodes.LLOAD)) {
                long value = values.get(v.var);
                insns.set(n, v.getOpcode() == Opcodes.ILOAD ? LoopCode.pushInt((int) value) : longConst(value));
            }
            n = next;
        }
        boolean changed = true;
        while (changed) {
            changed = simplifyOnce(insns);
            changed |= removeUnreachable(m);
        }
        toIinc(insns);
        dropDanglingDebugInfo(m);
    }

    /*
     * Removing code can leave a line number or a local variable's range starting where no instruction
     * follows (its pc would be the code length, which the JVM refuses: "Invalid pc in LineNumberTable").
     */
    private static void dropDanglingDebugInfo(MethodNode m) {
        for (AbstractInsnNode n = m.instructions.getFirst(); n != null; ) {
            AbstractInsnNode next = n.getNext();
            if (n instanceof LineNumberNode ln && !anyReal(ln.start, null)) {
                m.instructions.remove(n);
            }
            n = next;
        }
        if (m.localVariables != null) {
            m.localVariables.removeIf(v -> !anyReal(v.start, v.end));
        }
    }

    private static boolean simplifyOnce(InsnList insns) {
        boolean changed = false;
        for (AbstractInsnNode n = insns.getFirst(); n != null; n = n.getNext()) {
            Long c = constant(n);
            AbstractInsnNode op = n.getNext();
            if (c == null || op == null) {
                continue;
            }
            if (identity(c, op.getOpcode())) {          // x; c; op  ->  x
                AbstractInsnNode before = n.getPrevious();
                insns.remove(n);
                insns.remove(op);
                changed = true;
                n = before == null ? insns.getFirst() : before;
                continue;
            }
            Long d = constant(op);
            AbstractInsnNode op2 = op.getNext();
            if (d == null || op2 == null) {
                if (op instanceof JumpInsnNode j && isInt(n) && j.getOpcode() >= Opcodes.IFEQ && j.getOpcode() <= Opcodes.IFLE) {
                    resolve(insns, n, j, compare(j.getOpcode() - Opcodes.IFEQ, c, 0));
                    return true;
                }
                continue;
            }
            Long folded = isInt(n) && isInt(op) ? intArith(c.intValue(), d.intValue(), op2.getOpcode())
                    : !isInt(n) && !isInt(op) ? longArith(c, d, op2.getOpcode()) : null;
            if (folded != null) {
                AbstractInsnNode r = op2.getOpcode() == Opcodes.LCMP || isInt(n) ? LoopCode.pushInt(folded.intValue()) : longConst(folded);
                insns.insertBefore(n, r);
                insns.remove(n);
                insns.remove(op);
                insns.remove(op2);
                return true;
            }
            if (op2 instanceof JumpInsnNode j && isInt(n) && isInt(op)
                    && j.getOpcode() >= Opcodes.IF_ICMPEQ && j.getOpcode() <= Opcodes.IF_ICMPLE) {
                insns.remove(n);
                resolve(insns, op, j, compare(j.getOpcode() - Opcodes.IF_ICMPEQ, c, d));
                return true;
            }
        }
        return changed;
    }

    /* cond index: 0 EQ, 1 NE, 2 LT, 3 GE, 4 GT, 5 LE (the order of IFEQ..IFLE and IF_ICMPEQ..IF_ICMPLE). */
    private static boolean compare(int cond, long a, long b) {
        return switch (cond) {
            case 0 -> a == b;
            case 1 -> a != b;
            case 2 -> a < b;
            case 3 -> a >= b;
            case 4 -> a > b;
            default -> a <= b;
        };
    }

    private static void resolve(InsnList insns, AbstractInsnNode push, JumpInsnNode jump, boolean taken) {
        insns.remove(push);
        if (taken) {
            insns.set(jump, new JumpInsnNode(Opcodes.GOTO, jump.label));
        } else {
            insns.remove(jump);
        }
    }

    /* Valid bytecode already pairs the widths: LMUL follows a long constant; a long shift takes an int amount. */
    private static boolean identity(long c, int op) {
        return switch (op) {
            case Opcodes.IMUL, Opcodes.IDIV, Opcodes.LMUL, Opcodes.LDIV -> c == 1;
            case Opcodes.IADD, Opcodes.ISUB, Opcodes.IOR, Opcodes.IXOR, Opcodes.ISHL, Opcodes.ISHR, Opcodes.IUSHR,
                 Opcodes.LADD, Opcodes.LSUB, Opcodes.LOR, Opcodes.LXOR, Opcodes.LSHL, Opcodes.LSHR, Opcodes.LUSHR -> c == 0;
            default -> false;
        };
    }

    private static Long intArith(int a, int b, int op) {
        return switch (op) {
            case Opcodes.IADD -> (long) (a + b);
            case Opcodes.ISUB -> (long) (a - b);
            case Opcodes.IMUL -> (long) (a * b);
            default -> null;
        };
    }

    private static Long longArith(long a, long b, int op) {
        return switch (op) {
            case Opcodes.LADD -> a + b;
            case Opcodes.LSUB -> a - b;
            case Opcodes.LMUL -> a * b;
            case Opcodes.LCMP -> (long) Long.compare(a, b);
            default -> null;
        };
    }

    /* ILOAD x; ICONST c; IADD; ISTORE x  ->  IINC x c (javac writes "ix += inc" this way for a non-constant inc). */
    private static void toIinc(InsnList insns) {
        for (AbstractInsnNode n = insns.getFirst(); n != null; n = n.getNext()) {
            if (n.getOpcode() != Opcodes.ILOAD) {
                continue;
            }
            AbstractInsnNode c = n.getNext();
            AbstractInsnNode add = c == null ? null : c.getNext();
            AbstractInsnNode store = add == null ? null : add.getNext();
            Long v = c == null ? null : constant(c);
            if (v != null && isInt(c) && add.getOpcode() == Opcodes.IADD && store != null && store.getOpcode() == Opcodes.ISTORE
                    && ((VarInsnNode) store).var == ((VarInsnNode) n).var && v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) {
                IincInsnNode inc = new IincInsnNode(((VarInsnNode) n).var, v.intValue());
                insns.insertBefore(n, inc);
                insns.remove(n);
                insns.remove(c);
                insns.remove(add);
                insns.remove(store);
                n = inc;
            }
        }
    }

    /* Removes real instructions no path from the entry reaches, then try ranges left without code. */
    private static boolean removeUnreachable(MethodNode m) {
        InsnList insns = m.instructions;
        Set<AbstractInsnNode> reached = new HashSet<>();
        Deque<AbstractInsnNode> work = new ArrayDeque<>();
        work.add(insns.getFirst());
        boolean grew = true;
        while (grew) {
            while (!work.isEmpty()) {
                AbstractInsnNode n = work.poll();
                while (n != null && reached.add(n)) {
                    work.addAll(dev.selftune.generate.LoopBodies.targets(n));
                    if (ends(n)) {
                        break;
                    }
                    n = n.getNext();
                }
            }
            grew = false;
            for (TryCatchBlockNode t : m.tryCatchBlocks) {
                if (!reached.contains(t.handler) && anyReached(t.start, t.end, reached)) {
                    work.add(t.handler);
                    grew = true;
                }
            }
        }
        boolean removed = false;
        for (AbstractInsnNode n = insns.getFirst(); n != null; ) {
            AbstractInsnNode next = n.getNext();
            if (n.getOpcode() >= 0 && !reached.contains(n)) {
                insns.remove(n);
                removed = true;
            }
            n = next;
        }
        m.tryCatchBlocks.removeIf(t -> !anyReal(t.start, t.end));
        return removed;
    }

    private static boolean ends(AbstractInsnNode n) {
        int op = n.getOpcode();
        return op == Opcodes.GOTO || op == Opcodes.ATHROW || op == Opcodes.TABLESWITCH || op == Opcodes.LOOKUPSWITCH
                || op >= Opcodes.IRETURN && op <= Opcodes.RETURN;
    }

    private static boolean anyReached(LabelNode from, LabelNode to, Set<AbstractInsnNode> reached) {
        for (AbstractInsnNode n = from; n != null && n != to; n = n.getNext()) {
            if (n.getOpcode() >= 0 && reached.contains(n)) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyReal(AbstractInsnNode from, LabelNode to) {
        for (AbstractInsnNode n = from; n != null && n != to; n = n.getNext()) {
            if (n.getOpcode() >= 0) {
                return true;
            }
        }
        return false;
    }

    /** The value an int or long constant instruction pushes, or null. */
    static Long constant(AbstractInsnNode n) {
        int op = n.getOpcode();
        if (op >= Opcodes.ICONST_M1 && op <= Opcodes.ICONST_5) {
            return (long) (op - Opcodes.ICONST_0);
        }
        if (op == Opcodes.LCONST_0 || op == Opcodes.LCONST_1) {
            return (long) (op - Opcodes.LCONST_0);
        }
        if (op == Opcodes.BIPUSH || op == Opcodes.SIPUSH) {
            return (long) ((IntInsnNode) n).operand;
        }
        if (n instanceof LdcInsnNode l && (l.cst instanceof Integer || l.cst instanceof Long)) {
            return ((Number) l.cst).longValue();
        }
        return null;
    }

    private static boolean isInt(AbstractInsnNode n) {
        int op = n.getOpcode();
        return op != Opcodes.LCONST_0 && op != Opcodes.LCONST_1 && !(n instanceof LdcInsnNode l && l.cst instanceof Long);
    }

    static AbstractInsnNode longConst(long v) {
        return v == 0 || v == 1 ? new InsnNode(Opcodes.LCONST_0 + (int) v) : new LdcInsnNode(v);
    }
}
