package dev.selftune.generate.transform;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The arithmetic instructions an invariant expression may contain ({@code bits % 64}, {@code n * 0.5},
 * {@code (long) k}): they read no memory and write nothing, so over invariant operands they are
 * invariant. Division by zero throws, which the versioned preheader turns into the original loop.
 */
final class InvariantArithmetic {
    private InvariantArithmetic() { }

    private static final Type[] KINDS = {Type.INT_TYPE, Type.LONG_TYPE, Type.FLOAT_TYPE, Type.DOUBLE_TYPE};
    /* I2L ... I2S, in opcode order (133 to 147). */
    private static final Type[] CONVERSIONS = {Type.LONG_TYPE, Type.FLOAT_TYPE, Type.DOUBLE_TYPE, Type.INT_TYPE,
        Type.FLOAT_TYPE, Type.DOUBLE_TYPE, Type.INT_TYPE, Type.LONG_TYPE, Type.DOUBLE_TYPE, Type.INT_TYPE,
        Type.LONG_TYPE, Type.FLOAT_TYPE, Type.INT_TYPE, Type.INT_TYPE, Type.INT_TYPE};

    /** The type {@code op} pushes, or null when it is not plain arithmetic. */
    static Type result(int op) {
        if (op >= Opcodes.IADD && op <= Opcodes.DNEG) {
            return KINDS[(op - Opcodes.IADD) % 4];
        }
        if (op >= Opcodes.ISHL && op <= Opcodes.LXOR) {
            return (op - Opcodes.ISHL) % 2 == 0 ? Type.INT_TYPE : Type.LONG_TYPE;
        }
        if (op >= Opcodes.I2L && op <= Opcodes.I2S) {
            return CONVERSIONS[op - Opcodes.I2L];
        }
        if (op >= Opcodes.LCMP && op <= Opcodes.DCMPG) {
            return Type.INT_TYPE;
        }
        return null;
    }

    /** True for the arithmetic that takes two operands (all but negation and conversions). */
    static boolean binary(int op) {
        return result(op) != null && !(op >= Opcodes.INEG && op <= Opcodes.DNEG) && !(op >= Opcodes.I2L && op <= Opcodes.I2S);
    }
}
