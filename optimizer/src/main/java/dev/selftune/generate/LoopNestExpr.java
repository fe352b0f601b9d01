package dev.selftune.generate;

import java.util.List;
import java.util.Set;
import org.objectweb.asm.Opcodes;

/**
 * A pure expression lifted from straight-line bytecode by symbolic stack execution; records give
 * structural equality, which is how two accesses are shown to use the same address.
 */
public sealed interface LoopNestExpr {

    /** Stack slots the value occupies (2 for long and double). */
    int size();

    /** True when the expression reads local {@code slot}. */
    boolean reads(int slot);

    /** A load of a local ({@code ILOAD} … {@code ALOAD}). */
    record Local(int opcode, int slot) implements LoopNestExpr {
        public int size() {
            return opcode == Opcodes.LLOAD || opcode == Opcodes.DLOAD ? 2 : 1;
        }

        public boolean reads(int s) {
            return slot == s;
        }
    }

    /** A constant pushed by {@code xCONST}, {@code BIPUSH}, {@code SIPUSH} or {@code LDC}. */
    record Const(Object value) implements LoopNestExpr {
        public int size() {
            return value instanceof Long || value instanceof Double ? 2 : 1;
        }

        public boolean reads(int s) {
            return false;
        }
    }

    /** An element load {@code array[index]} with its {@code xALOAD} opcode. */
    record Element(int opcode, LoopNestExpr array, LoopNestExpr index) implements LoopNestExpr {
        public int size() {
            return opcode == Opcodes.LALOAD || opcode == Opcodes.DALOAD ? 2 : 1;
        }

        public boolean reads(int s) {
            return array.reads(s) || index.reads(s);
        }

        /** The local the chain of element loads starts from, or -1 when it starts elsewhere. */
        public int root() {
            return LoopNestExpr.root(array);
        }
    }

    /** A read of a field ({@code object} is null for a static field). */
    record Field(int opcode, String owner, String name, String desc, LoopNestExpr object) implements LoopNestExpr {
        public int size() {
            return desc.equals("J") || desc.equals("D") ? 2 : 1;
        }

        public boolean reads(int s) {
            return object != null && object.reads(s);
        }
    }

    /** Any other pure operation (arithmetic, conversion, comparison, {@code ARRAYLENGTH}). */
    record Op(int opcode, List<LoopNestExpr> args) implements LoopNestExpr {
        public Op {
            args = List.copyOf(args);
        }

        public int size() {
            return wide(opcode) ? 2 : 1;
        }

        public boolean reads(int s) {
            return args.stream().anyMatch(a -> a.reads(s));
        }
    }

    /** An element store {@code array[index] = value} with its {@code xASTORE} opcode. */
    record Store(int opcode, LoopNestExpr array, LoopNestExpr index, LoopNestExpr value) {
        /** The local the stored-to array is rooted at, or -1. */
        public int root() {
            return LoopNestExpr.root(array);
        }
    }

    /** The local an array expression is rooted at through element loads, or -1. */
    static int root(LoopNestExpr array) {
        if (array instanceof Local l && l.opcode == Opcodes.ALOAD) {
            return l.slot;
        }
        if (array instanceof Element e && e.opcode == Opcodes.AALOAD) {
            return root(e.array);
        }
        return -1;
    }

    /** The index expressions from the root outwards: {@code c[i][j]} gives {@code [i, j]}. */
    static List<LoopNestExpr> address(LoopNestExpr array, LoopNestExpr index) {
        java.util.ArrayList<LoopNestExpr> out = new java.util.ArrayList<>();
        LoopNestExpr a = array;
        while (a instanceof Element e) {
            out.add(0, e.index);
            a = e.array;
        }
        out.add(index);
        return out;
    }

    /**
     * The induction variable {@code e} is a bijection of, among {@code ivs}: {@code iv}, or {@code iv}
     * plus or minus invariant terms (int addition wraps, so it stays a bijection on int). Returns
     * -1 when {@code e} reads none of {@code ivs}, -2 when it reads them in any other way.
     */
    static int bijectiveIn(LoopNestExpr e, Set<Integer> ivs) {
        if (ivs.stream().noneMatch(e::reads)) {
            return -1;
        }
        if (e instanceof Local l && l.opcode == Opcodes.ILOAD) {
            return l.slot;
        }
        if (e instanceof Op op && (op.opcode == Opcodes.IADD || op.opcode == Opcodes.ISUB || op.opcode == Opcodes.INEG)) {
            int found = -1;
            for (LoopNestExpr arg : op.args) {
                int b = bijectiveIn(arg, ivs);
                if (b == -2 || (b >= 0 && found >= 0)) {
                    return -2;
                }
                found = Math.max(found, b);
            }
            return found;
        }
        return -2;
    }

    /** True when an arithmetic or conversion opcode yields a long or double. */
    static boolean wide(int op) {
        if (op >= Opcodes.IADD && op <= Opcodes.DNEG) {
            return (op - Opcodes.IADD) % 2 == 1;
        }
        if (op >= Opcodes.ISHL && op <= Opcodes.LXOR) {
            return (op - Opcodes.ISHL) % 2 == 1;
        }
        return op == Opcodes.I2L || op == Opcodes.I2D || op == Opcodes.L2D || op == Opcodes.F2L
                || op == Opcodes.F2D || op == Opcodes.D2L;
    }
}
