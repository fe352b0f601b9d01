package dev.selftune.mutate;

import static org.objectweb.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * The operator set: every edit each operator makes at one instruction. Operators are named after
 * PIT's mutators where PIT has one (docs/mutation.md maps them); the rest (swapped operands, dropped
 * and off-by-one increments, constants, another array, skipped writes, returned argument) go beyond it.
 */
final class Operators {
    /** Every operator name, in the order the report lists them. */
    static final List<String> ALL = List.of("conditionals-boundary", "negate-conditionals", "remove-conditionals",
            "math", "arithmetic-replace", "swap-operands", "invert-negs", "increments", "remove-increments",
            "increments-off-by-one", "inline-constants", "array-store-redirect", "array-load-redirect",
            "remove-array-store", "remove-static-write", "remove-field-write", "primitive-returns", "true-returns",
            "false-returns", "null-returns", "empty-returns", "return-argument", "void-method-calls",
            "non-void-method-calls");

    private Operators() { }

    /** The edits at instruction {@code i} of {@code m}; {@code types} are its frames (null where unreachable). */
    static List<Edit> at(MethodNode m, int i, Frame<BasicValue>[] types, ArrayRedirect redirect) {
        List<Edit> out = new ArrayList<>();
        AbstractInsnNode n = m.instructions.get(i);
        if (types[i] == null) {
            return out;
        }
        String id = m.name + m.desc;
        int op = n.getOpcode();
        if (n instanceof JumpInsnNode) {
            jumps(out, id, i, op);
        }
        opcode(out, "math", Opcodes2.MATH, id, i, op);
        opcode(out, "arithmetic-replace", Opcodes2.ARITH, id, i, op);
        if (Opcodes2.SWAP1.contains(op)) {
            out.add(new Edit("swap-operands", id, i, "SWAP before " + op, mm -> before(mm, i, new InsnNode(SWAP))));
        } else if (Opcodes2.SWAP2.contains(op)) {
            out.add(new Edit("swap-operands", id, i, "DUP2_X2,POP2 before " + op,
                    mm -> before(mm, i, new InsnNode(DUP2_X2), new InsnNode(POP2))));
        }
        if (Opcodes2.NEGS.contains(op)) {
            out.add(new Edit("invert-negs", id, i, "negation " + op + " removed", mm -> set(mm, i, new InsnNode(NOP))));
        }
        if (n instanceof IincInsnNode inc) {
            increments(out, id, i, inc);
        }
        Object c = Opcodes2.constant(n);
        if (c != null) {
            constants(out, id, i, c);
        }
        if (op >= IASTORE && op <= SASTORE) {
            boolean wide = op == LASTORE || op == DASTORE;
            out.add(new Edit("remove-array-store", id, i, "array store " + op + " removed",
                    mm -> set(mm, i, new InsnNode(wide ? POP2 : POP), new InsnNode(POP2))));
            redirect.edits(out, "array-store-redirect", m, i, 3);
        }
        if (op >= IALOAD && op <= SALOAD) {
            redirect.edits(out, "array-load-redirect", m, i, 2);
        }
        if (op == PUTSTATIC || op == PUTFIELD) {
            Type t = Type.getType(((FieldInsnNode) n).desc);
            String name = ((FieldInsnNode) n).name;
            out.add(op == PUTSTATIC
                    ? new Edit("remove-static-write", id, i, "write of static " + name + " skipped", mm -> set(mm, i, Opcodes2.pop(t)))
                    : new Edit("remove-field-write", id, i, "write of field " + name + " skipped",
                            mm -> set(mm, i, Opcodes2.pop(t), new InsnNode(POP))));
        }
        if (n instanceof MethodInsnNode call && !call.name.equals("<init>")) {
            calls(out, id, i, call);
        }
        if (Opcodes2.isReturnWithValue(op)) {
            Returns.edits(out, m, i, types[i]);
        }
        return out;
    }

    private static void jumps(List<Edit> out, String id, int i, int op) {
        opcode(out, "conditionals-boundary", Opcodes2.BOUNDARY, id, i, op);
        opcode(out, "negate-conditionals", Opcodes2.NEGATE, id, i, op);
        if (Opcodes2.NEGATE.containsKey(op)) {
            boolean two = op >= IF_ICMPEQ && op <= IF_ACMPNE;
            int pop = two ? POP2 : POP;
            out.add(new Edit("remove-conditionals", id, i, "branch " + op + " always taken",
                    mm -> set(mm, i, new InsnNode(pop), new JumpInsnNode(GOTO, ((JumpInsnNode) mm.instructions.get(i)).label))));
            out.add(new Edit("remove-conditionals", id, i, "branch " + op + " never taken", mm -> set(mm, i, new InsnNode(pop))));
        }
    }

    private static void opcode(List<Edit> out, String operator, Map<Integer, Integer> table, String id, int i, int op) {
        Integer to = table.get(op);
        if (to == null) {
            return;
        }
        out.add(new Edit(operator, id, i, op + " -> " + to, mm -> {
            AbstractInsnNode old = mm.instructions.get(i);
            mm.instructions.set(old, old instanceof JumpInsnNode j ? new JumpInsnNode(to, j.label) : new InsnNode(to));
        }));
    }

    private static void increments(List<Edit> out, String id, int i, IincInsnNode inc) {
        int var = inc.var;
        int by = inc.incr;
        if (by != 0) {
            out.add(new Edit("increments", id, i, "iinc " + var + " " + by + " -> " + -by, mm -> set(mm, i, new IincInsnNode(var, -by))));
        }
        out.add(new Edit("remove-increments", id, i, "iinc " + var + " " + by + " removed", mm -> set(mm, i, new InsnNode(NOP))));
        for (int d : new int[] {1, -1}) {
            int to = by + d;
            if (to != 0 && to != -by && to >= Short.MIN_VALUE && to <= Short.MAX_VALUE) {
                out.add(new Edit("increments-off-by-one", id, i, "iinc " + var + " " + by + " -> " + to,
                        mm -> set(mm, i, new IincInsnNode(var, to))));
            }
        }
    }

    private static void constants(List<Edit> out, String id, int i, Object c) {
        for (int d : new int[] {1, -1}) {
            Object to = c instanceof Integer x ? (Object) (x + d) : c instanceof Long x ? (Object) (x + d)
                    : c instanceof Float x ? (Object) (x + d) : (Object) ((Double) c + d);
            if (!to.equals(c)) { /* NaN and the infinities stay what they are: no mutant */
                out.add(new Edit("inline-constants", id, i, c + " -> " + to, mm -> set(mm, i, Opcodes2.push(to))));
            }
        }
    }

    private static void calls(List<Edit> out, String id, int i, MethodInsnNode call) {
        Type ret = Type.getReturnType(call.desc);
        boolean instance = call.getOpcode() != INVOKESTATIC;
        String what = call.owner + "." + call.name + call.desc;
        if (ret.getSort() == Type.VOID) {
            out.add(new Edit("void-method-calls", id, i, "call " + what + " removed",
                    mm -> set(mm, i, Opcodes2.popArguments(call.desc, instance))));
        } else {
            out.add(new Edit("non-void-method-calls", id, i, "call " + what + " replaced by its zero value", mm -> {
                InsnList l = Opcodes2.popArguments(call.desc, instance);
                l.add(Opcodes2.zero(ret));
                set(mm, i, l);
            }));
        }
    }

    /** Replaces instruction {@code i} by {@code with} (in order); the first replacement keeps index {@code i}. */
    static void set(MethodNode mm, int i, AbstractInsnNode... with) {
        InsnList l = new InsnList();
        for (AbstractInsnNode w : with) {
            l.add(w);
        }
        set(mm, i, l);
    }

    static void set(MethodNode mm, int i, InsnList with) {
        AbstractInsnNode old = mm.instructions.get(i);
        if (with.size() == 0) {
            with.add(new InsnNode(NOP));
        }
        mm.instructions.insertBefore(old, with);
        mm.instructions.remove(old);
    }

    static void before(MethodNode mm, int i, AbstractInsnNode... add) {
        AbstractInsnNode at = mm.instructions.get(i);
        for (AbstractInsnNode a : add) {
            mm.instructions.insertBefore(at, a);
        }
    }

}
