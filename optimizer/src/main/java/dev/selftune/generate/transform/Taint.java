package dev.selftune.generate.transform;

import java.util.HashMap;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * Whether a value computed inside a loop body depends on the loop's index: followed back through
 * ASM's source frames (which instruction pushed each stack value, which stores reach each local).
 */
final class Taint {
    private final InsnList insns;
    private final Frame<SourceValue>[] frames;
    private final int index;
    private final int from;
    private final int to;
    private final Map<AbstractInsnNode, Boolean> memo = new HashMap<>();
    private final Map<AbstractInsnNode, Boolean> offsetMemo = new HashMap<>();

    /** Taint from reads of local {@code index} between {@code first} (included) and {@code end} (excluded). */
    Taint(MethodNode method, Frame<SourceValue>[] frames, int index, AbstractInsnNode first, AbstractInsnNode end) {
        this.insns = method.instructions;
        this.frames = frames;
        this.index = index;
        this.from = insns.indexOf(first);
        this.to = insns.indexOf(end);
    }

    /** True when any of the top {@code count} stack values before {@code at} may depend on the index. */
    boolean top(AbstractInsnNode at, int count) {
        Frame<SourceValue> f = frames[insns.indexOf(at)];
        if (f == null) {
            return true;
        }
        for (int k = 0; k < count; k++) {
            if (value(f.getStack(f.getStackSize() - 1 - k))) {
                return true;
            }
        }
        return false;
    }

    /** True when the stack value {@code depth} below the top before {@code at} may depend on the index. */
    boolean below(AbstractInsnNode at, int depth) {
        Frame<SourceValue> f = frames[insns.indexOf(at)];
        return f == null || value(f.getStack(f.getStackSize() - 1 - depth));
    }

    /** True when the value {@code p} pushes (or stores) may depend on the index. */
    boolean tainted(AbstractInsnNode p) {
        return insn(p);
    }

    /*
     * Whether the stack value {@code depth} below the top before {@code at} is the index plus a value
     * that does not depend on it ("j + c"): the index itself, a local every store of which holds such
     * a value, "x + c", "c + x" or "x - c" of one. A loop-carried local (an inner induction variable
     * 'v = j; .. v += step') is followed optimistically around its cycle: every way into the cycle is
     * checked, and adding an untainted step keeps the form. Two such values differ by an amount that
     * does not depend on the index, so an inner loop testing one against the other runs as often for
     * every j (EJML's multTransA_small: indexB = j; end = indexB + rows*cols; while (indexB < end)).
     */
    boolean offsetOfIndex(AbstractInsnNode at, int depth) {
        offsetMemo.clear();   // a node first seen inside a cycle is cached on an assumption; start each question afresh
        Frame<SourceValue> f = frames[insns.indexOf(at)];
        return f != null && offset(f.getStack(f.getStackSize() - 1 - depth));
    }

    private boolean offset(SourceValue v) {
        if (v.insns.isEmpty()) {
            return false;
        }
        for (AbstractInsnNode p : v.insns) {
            if (!offsetInsn(p)) {
                return false;
            }
        }
        return true;
    }

    private boolean offsetInsn(AbstractInsnNode p) {
        int at = insns.indexOf(p);
        if (at < from || at >= to) {
            return false;
        }
        Boolean known = offsetMemo.get(p);
        if (known != null) {
            return known;
        }
        offsetMemo.put(p, true);
        boolean o = offsetCompute(p, at);
        offsetMemo.put(p, o);
        return o;
    }

    private boolean offsetCompute(AbstractInsnNode p, int at) {
        Frame<SourceValue> f = frames[at];
        if (f == null) {
            return false;
        }
        int op = p.getOpcode();
        if (p instanceof IincInsnNode inc) {
            return inc.var != index && offset(f.getLocal(inc.var));
        }
        if (p instanceof VarInsnNode v && op == Opcodes.ILOAD) {
            return v.var == index || offset(f.getLocal(v.var));
        }
        if (p instanceof VarInsnNode && op == Opcodes.ISTORE) {
            return offset(f.getStack(f.getStackSize() - 1));
        }
        if (op == Opcodes.IADD || op == Opcodes.ISUB) {
            SourceValue right = f.getStack(f.getStackSize() - 1);
            SourceValue left = f.getStack(f.getStackSize() - 2);
            if (offset(left) && !value(right)) {
                return true;
            }
            return op == Opcodes.IADD && offset(right) && !value(left);
        }
        return false;
    }

    private boolean value(SourceValue v) {
        for (AbstractInsnNode p : v.insns) {
            if (insn(p)) {
                return true;
            }
        }
        return false;
    }

    /*
     * A store or a value made outside the body is not tainted (the index's own init and increment
     * are outside it: reads of the index inside are tainted directly). Cycles through a loop-carried
     * local (an inner induction variable defined by its own increment) count as untainted while
     * being followed: the least fixed point, which is what the values are.
     */
    private boolean insn(AbstractInsnNode p) {
        int at = insns.indexOf(p);
        if (at < from || at >= to) {
            return false;
        }
        Boolean known = memo.get(p);
        if (known != null) {
            return known;
        }
        memo.put(p, false);
        boolean t = compute(p, at);
        memo.put(p, t);
        return t;
    }

    private boolean compute(AbstractInsnNode p, int at) {
        Frame<SourceValue> f = frames[at];
        if (f == null) {
            return true;
        }
        int op = p.getOpcode();
        if (p instanceof IincInsnNode inc) {
            return inc.var == index || value(f.getLocal(inc.var));
        }
        if (p instanceof VarInsnNode v && op >= Opcodes.ILOAD && op <= Opcodes.ALOAD) {
            return v.var == index || value(f.getLocal(v.var));
        }
        if (p instanceof VarInsnNode && op >= Opcodes.ISTORE && op <= Opcodes.ASTORE) {
            return value(f.getStack(f.getStackSize() - 1));
        }
        Frame<SourceValue> next = frames[at + 1];
        if (next == null) {
            return true;
        }
        int consumed = f.getStackSize() - next.getStackSize() + 1;
        for (int k = 0; k < consumed && k < f.getStackSize(); k++) {
            if (value(f.getStack(f.getStackSize() - 1 - k))) {
                return true;
            }
        }
        return false;
    }
}
