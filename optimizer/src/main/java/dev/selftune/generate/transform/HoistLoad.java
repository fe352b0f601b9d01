package dev.selftune.generate.transform;

import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * One loop-invariant load found in a loop: a row {@code a[i]} ({@code aload a; iload i; aaload})
 * or an element {@code a[i][k]} (then {@code iload k; xaload}), at one place in the code; the
 * array may also come from a plain field ({@code this.a[i]}). Root: the array's local, or -1.
 */
record HoistLoad(List<AbstractInsnNode> insns, int root, int loadOpcode) {

    /*
     * A hoisted value that is not an array load (a field read, an array length, a pure call, from
     * hoist-invariants): its kind is named by the array load of its type, so one versioning serves both.
     */
    static HoistLoad value(List<AbstractInsnNode> insns, org.objectweb.asm.Type type) {
        int kind = switch (type.getSort()) {
            case org.objectweb.asm.Type.LONG -> Opcodes.LALOAD;
            case org.objectweb.asm.Type.FLOAT -> Opcodes.FALOAD;
            case org.objectweb.asm.Type.DOUBLE -> Opcodes.DALOAD;
            case org.objectweb.asm.Type.OBJECT, org.objectweb.asm.Type.ARRAY -> Opcodes.AALOAD;
            default -> Opcodes.IALOAD;
        };
        return new HoistLoad(List.copyOf(insns), -1, kind);
    }

    /** True for an element load, false for a row. */
    boolean scalar() {
        return loadOpcode != Opcodes.AALOAD;
    }

    /** The same load written anywhere else has the same key (root, indices, opcode). */
    String key() {
        StringBuilder sb = new StringBuilder();
        for (AbstractInsnNode n : insns) {
            sb.append(n.getOpcode()).append(':').append(operand(n)).append(' ');
        }
        return sb.toString();
    }

    /** The opcode that stores the loaded value to a local ({@code ASTORE}, {@code DSTORE}, …). */
    int storeOpcode() {
        return loadLocalOpcode() + (Opcodes.ISTORE - Opcodes.ILOAD);
    }

    /** The opcode that loads the hoisted value back from its local. */
    int loadLocalOpcode() {
        return switch (loadOpcode) {
            case Opcodes.LALOAD -> Opcodes.LLOAD;
            case Opcodes.FALOAD -> Opcodes.FLOAD;
            case Opcodes.DALOAD -> Opcodes.DLOAD;
            case Opcodes.AALOAD -> Opcodes.ALOAD;
            default -> Opcodes.ILOAD;
        };
    }

    /** Local slots the value needs. */
    int size() {
        return loadOpcode == Opcodes.LALOAD || loadOpcode == Opcodes.DALOAD ? 2 : 1;
    }

    /** An index operand: a load of an int local or an int constant. */
    static boolean isIndex(AbstractInsnNode n) {
        int op = n.getOpcode();
        return op == Opcodes.ILOAD || (op >= Opcodes.ICONST_M1 && op <= Opcodes.ICONST_5)
                || op == Opcodes.BIPUSH || op == Opcodes.SIPUSH || (n instanceof LdcInsnNode l && l.cst instanceof Integer);
    }

    private static Object operand(AbstractInsnNode n) {
        if (n instanceof VarInsnNode v) {
            return v.var;
        }
        if (n instanceof IntInsnNode i) {
            return i.operand;
        }
        if (n instanceof LdcInsnNode l) {
            return l.cst;
        }
        if (n instanceof org.objectweb.asm.tree.FieldInsnNode f) {
            return f.owner + "." + f.name;
        }
        if (n instanceof org.objectweb.asm.tree.MethodInsnNode m) {
            return m.owner + "." + m.name + m.desc;
        }
        return "";
    }
}
