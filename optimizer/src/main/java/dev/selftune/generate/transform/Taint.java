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
