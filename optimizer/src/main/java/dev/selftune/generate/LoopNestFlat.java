package dev.selftune.generate;

import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The row-major address of a flat matrix, {@code u * s + v} with {@code v} running over {@code [0, s)}
 * and {@code u} from 0: the shape {@code t[j * n + i]} of linear-algebra code that stores a matrix in
 * one {@code double[]}. Such an address is one-to-one over the nest, so each element is written by
 * one iteration at most, whatever the loop order.
 */
final class LoopNestFlat {
    private LoopNestFlat() { }

    /*
     * Why one-to-one even though int arithmetic wraps: over the rectangle u in [0, U), v in [0, s)
     * the exact value u*s + v is one-to-one and non-negative. Wrapping could fold two exact values
     * onto one index only if one is >= 2^32, but the original order steps the exact address by +1
     * (v inner) or by +s < 2^31 (u inner, then back down to a smaller one): from a valid index (below
     * the array length) one step lands below 2^32, and every value in [length, 2^32) throws
     * (too large, or negative once wrapped). So a run that completes wrote only unwrapped, distinct
     * indices, and a reordered run executes the same iterations with the same indices. A run that
     * throws leaves a fresh output unobservable (the caller checks freshness), and which exception
     * comes first among several faults is the verifier's to judge, as for every interchange.
     */

    /** True when {@code index} is {@code u * s + v} (in any operand order) for the two loops of the nest. */
    static boolean isRowMajor(LoopNestExpr index, LoopNestLoop a, LoopNestLoop b) {
        return rowMajor(index, a, b) || rowMajor(index, b, a);
    }

    private static boolean rowMajor(LoopNestExpr index, LoopNestLoop u, LoopNestLoop v) {
        if (!(index instanceof LoopNestExpr.Op add) || add.opcode() != Opcodes.IADD || !startsAtZero(u) || !startsAtZero(v)) {
            return false;
        }
        for (int k = 0; k < 2; k++) {
            LoopNestExpr low = add.args().get(k);
            LoopNestExpr high = add.args().get(1 - k);
            if (isIv(low, v) && high instanceof LoopNestExpr.Op mul && mul.opcode() == Opcodes.IMUL) {
                for (int m = 0; m < 2; m++) {
                    if (isIv(mul.args().get(m), u) && isBoundOf(mul.args().get(1 - m), v)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean isIv(LoopNestExpr e, LoopNestLoop loop) {
        return e instanceof LoopNestExpr.Local l && l.opcode() == Opcodes.ILOAD && l.slot() == loop.iv();
    }

    private static boolean startsAtZero(LoopNestLoop loop) {
        return loop.init().getOpcode() == Opcodes.ICONST_0;
    }

    /* The stride is the very bound of v's loop: the same local (invariant: the nest stores no local) or the same constant. */
    private static boolean isBoundOf(LoopNestExpr stride, LoopNestLoop v) {
        List<AbstractInsnNode> bound = v.bound();
        if (bound.size() != 1) {
            return false;
        }
        AbstractInsnNode b = bound.get(0);
        if (stride instanceof LoopNestExpr.Local l) {
            return l.opcode() == Opcodes.ILOAD && b instanceof VarInsnNode var && var.getOpcode() == Opcodes.ILOAD
                    && var.var == l.slot();
        }
        Integer c = CountedLoops.intConstant(b);
        return stride instanceof LoopNestExpr.Const k && c != null && c.equals(k.value()) && c > 0;
    }
}
