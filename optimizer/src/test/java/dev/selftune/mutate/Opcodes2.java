package dev.selftune.mutate;

import static org.objectweb.asm.Opcodes.*;

import java.util.Map;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;

/** The opcode tables the operators read, and small instruction builders. */
final class Opcodes2 {
    private Opcodes2() { }

    /** PIT's CONDITIONALS_BOUNDARY: a strict comparison becomes non-strict and back. */
    static final Map<Integer, Integer> BOUNDARY = Map.ofEntries(
            Map.entry(IF_ICMPLT, IF_ICMPLE), Map.entry(IF_ICMPLE, IF_ICMPLT),
            Map.entry(IF_ICMPGT, IF_ICMPGE), Map.entry(IF_ICMPGE, IF_ICMPGT),
            Map.entry(IFLT, IFLE), Map.entry(IFLE, IFLT), Map.entry(IFGT, IFGE), Map.entry(IFGE, IFGT));

    /** PIT's NEGATE_CONDITIONALS: every conditional jump to its negation. */
    static final Map<Integer, Integer> NEGATE = Map.ofEntries(
            Map.entry(IFEQ, IFNE), Map.entry(IFNE, IFEQ), Map.entry(IFLT, IFGE), Map.entry(IFGE, IFLT),
            Map.entry(IFGT, IFLE), Map.entry(IFLE, IFGT), Map.entry(IF_ICMPEQ, IF_ICMPNE), Map.entry(IF_ICMPNE, IF_ICMPEQ),
            Map.entry(IF_ICMPLT, IF_ICMPGE), Map.entry(IF_ICMPGE, IF_ICMPLT), Map.entry(IF_ICMPGT, IF_ICMPLE),
            Map.entry(IF_ICMPLE, IF_ICMPGT), Map.entry(IF_ACMPEQ, IF_ACMPNE), Map.entry(IF_ACMPNE, IF_ACMPEQ),
            Map.entry(IFNULL, IFNONNULL), Map.entry(IFNONNULL, IFNULL));

    /** PIT's MATH table, for int, long, float and double. */
    static final Map<Integer, Integer> MATH = Map.ofEntries(
            Map.entry(IADD, ISUB), Map.entry(ISUB, IADD), Map.entry(IMUL, IDIV), Map.entry(IDIV, IMUL), Map.entry(IREM, IMUL),
            Map.entry(IAND, IOR), Map.entry(IOR, IAND), Map.entry(IXOR, IAND), Map.entry(ISHL, ISHR), Map.entry(ISHR, ISHL),
            Map.entry(IUSHR, ISHL),
            Map.entry(LADD, LSUB), Map.entry(LSUB, LADD), Map.entry(LMUL, LDIV), Map.entry(LDIV, LMUL), Map.entry(LREM, LMUL),
            Map.entry(LAND, LOR), Map.entry(LOR, LAND), Map.entry(LXOR, LAND), Map.entry(LSHL, LSHR), Map.entry(LSHR, LSHL),
            Map.entry(LUSHR, LSHL),
            Map.entry(FADD, FSUB), Map.entry(FSUB, FADD), Map.entry(FMUL, FDIV), Map.entry(FDIV, FMUL), Map.entry(FREM, FMUL),
            Map.entry(DADD, DSUB), Map.entry(DSUB, DADD), Map.entry(DMUL, DDIV), Map.entry(DDIV, DMUL), Map.entry(DREM, DMUL));

    /** Replacements PIT's MATH leaves out: + and * swap, xor for and/or, signed and unsigned shifts, / and %. */
    static final Map<Integer, Integer> ARITH = Map.ofEntries(
            Map.entry(IADD, IMUL), Map.entry(IMUL, IADD), Map.entry(ISUB, IXOR), Map.entry(IDIV, IREM), Map.entry(IREM, IDIV),
            Map.entry(IAND, IXOR), Map.entry(IOR, IXOR), Map.entry(ISHR, IUSHR), Map.entry(IUSHR, ISHR),
            Map.entry(LADD, LMUL), Map.entry(LMUL, LADD), Map.entry(LSUB, LXOR), Map.entry(LDIV, LREM), Map.entry(LREM, LDIV),
            Map.entry(LAND, LXOR), Map.entry(LOR, LXOR), Map.entry(LSHR, LUSHR), Map.entry(LUSHR, LSHR),
            Map.entry(FADD, FMUL), Map.entry(FMUL, FADD), Map.entry(FDIV, FREM),
            Map.entry(DADD, DMUL), Map.entry(DMUL, DADD), Map.entry(DDIV, DREM));

    /** Non-commutative operators whose two operands are both category 1 (a SWAP exchanges them). */
    static final java.util.Set<Integer> SWAP1 = java.util.Set.of(ISUB, IDIV, IREM, ISHL, ISHR, IUSHR, FSUB, FDIV, FREM,
            FCMPL, FCMPG);
    /** Non-commutative operators on two category-2 values (DUP2_X2, POP2 exchanges them). */
    static final java.util.Set<Integer> SWAP2 = java.util.Set.of(LSUB, LDIV, LREM, DSUB, DDIV, DREM, LCMP, DCMPL, DCMPG);

    static final java.util.Set<Integer> NEGS = java.util.Set.of(INEG, LNEG, FNEG, DNEG);

    static boolean isReturnWithValue(int op) {
        return op >= IRETURN && op <= ARETURN;
    }

    /** The constant an instruction pushes, or null when it pushes none. */
    static Object constant(AbstractInsnNode n) {
        int op = n.getOpcode();
        if (op >= ICONST_M1 && op <= ICONST_5) {
            return op - ICONST_0;
        }
        if (op == LCONST_0 || op == LCONST_1) {
            return (long) (op - LCONST_0);
        }
        if (op >= FCONST_0 && op <= FCONST_2) {
            return (float) (op - FCONST_0);
        }
        if (op == DCONST_0 || op == DCONST_1) {
            return (double) (op - DCONST_0);
        }
        if (op == BIPUSH || op == SIPUSH) {
            return ((IntInsnNode) n).operand;
        }
        if (n instanceof LdcInsnNode l && (l.cst instanceof Number)) {
            return l.cst;
        }
        return null;
    }

    /** An instruction pushing {@code v} (Integer, Long, Float or Double). */
    static AbstractInsnNode push(Object v) {
        if (v instanceof Integer i) {
            if (i >= -1 && i <= 5) {
                return new InsnNode(ICONST_0 + i);
            }
            if (i >= Byte.MIN_VALUE && i <= Byte.MAX_VALUE) {
                return new IntInsnNode(BIPUSH, i);
            }
            if (i >= Short.MIN_VALUE && i <= Short.MAX_VALUE) {
                return new IntInsnNode(SIPUSH, i);
            }
        }
        if (v instanceof Long l && (l == 0 || l == 1)) {
            return new InsnNode((int) (LCONST_0 + l));
        }
        if (v instanceof Double d && (d == 0.0 && 1 / d > 0 || d == 1.0)) {
            return new InsnNode(d == 0.0 ? DCONST_0 : DCONST_1);
        }
        return new LdcInsnNode(v);
    }

    /** Instructions that pop a value of {@code t}. */
    static AbstractInsnNode pop(Type t) {
        return new InsnNode(t.getSize() == 2 ? POP2 : POP);
    }

    /** Pushes the zero value of {@code t} (0, 0L, 0f, 0d, null). */
    static AbstractInsnNode zero(Type t) {
        return switch (t.getSort()) {
            case Type.LONG -> new InsnNode(LCONST_0);
            case Type.FLOAT -> new InsnNode(FCONST_0);
            case Type.DOUBLE -> new InsnNode(DCONST_0);
            case Type.OBJECT, Type.ARRAY -> new InsnNode(ACONST_NULL);
            default -> new InsnNode(ICONST_0);
        };
    }

    /** Pops the arguments of a call with descriptor {@code desc} (last first), and the receiver when {@code instance}. */
    static InsnList popArguments(String desc, boolean instance) {
        InsnList l = new InsnList();
        Type[] args = Type.getArgumentTypes(desc);
        for (int i = args.length - 1; i >= 0; i--) {
            l.add(pop(args[i]));
        }
        if (instance) {
            l.add(new InsnNode(POP));
        }
        return l;
    }
}
