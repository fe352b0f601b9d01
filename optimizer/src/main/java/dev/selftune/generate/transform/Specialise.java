package dev.selftune.generate.transform;

import dev.selftune.generate.LocalNames;
import dev.selftune.generate.Multiversion;
import dev.selftune.generate.Transform;
import dev.selftune.generate.TransformContext;
import dev.selftune.inputs.UsualValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Value specialisation: when the callers' rows show an integral parameter nearly always takes one
 * value (a stride of 1, a zero offset, a fixed length), the method becomes
 * {@code if (p == V) return m$fast$k(args); <original>} with {@code V} folded into the fast copy
 * ({@link ValueFolding}). Parameters: {@code p<i>} = the value of parameter {@code i} (0-based), one
 * or several.
 */
public final class Specialise implements Transform {
    public static final String NAME = "specialise";

    /*
     * Why this can beat C2: C2 compiles for every value a parameter may take. A stride it cannot see
     * keeps x[off + i*stride] a non-unit access (no superword, a range check per element with a
     * scale it cannot prove); a length it cannot see keeps a loop it would otherwise unroll fully.
     * The guard costs one compare per call. Exact by construction: the fast copy runs only when the
     * parameter holds exactly the folded value, and is otherwise the original code. The generator
     * then offers the fast copy to the other rules (unroll, split-accumulators on a unit-stride loop).
     * Only unassigned parameters are folded (a store would make later loads differ from V).
     */

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Map<String, Integer>> candidates(ClassNode owner, MethodNode method, TransformContext ctx) {
        List<Map<String, Integer>> out = new ArrayList<>();
        UsualValues u = ctx.usualValues();
        if (Multiversion.whyNot(owner, method) != null || !u.describes(method.name, method.desc) || u.rows() < UsualValues.MIN_ROWS) {
            return out;
        }
        Map<Integer, Long> usual = new LinkedHashMap<>();
        for (int p = 0; p < u.parameters(); p++) {
            if (whyNot(method, u, p) == null) {
                usual.put(p, u.mode(p));
            }
        }
        if (usual.size() > 1 && u.share(usual) >= UsualValues.NEARLY_ALWAYS) {
            out.add(params(usual));
        }
        usual.forEach((p, v) -> out.add(params(Map.of(p, v))));
        return out;
    }

    private static Map<String, Integer> params(Map<Integer, Long> values) {
        Map<String, Integer> out = new LinkedHashMap<>();
        values.forEach((p, v) -> out.put("p" + p, (int) (long) v));
        return out;
    }

    /* Null when parameter p may be specialised to its usual value; else why not, in words. */
    private static String whyNot(MethodNode method, UsualValues u, int p) {
        if (!u.counted(p)) {
            return "is not an integral type";
        }
        long v = u.mode(p);
        double share = u.share(Map.of(p, v));
        if (share < UsualValues.NEARLY_ALWAYS) {
            return String.format(Locale.ROOT, "took %d values (the most common, %d, in %.0f%% of rows)", u.distinct(p), v, 100 * share);
        }
        if (v != (int) v) {
            return "is usually " + v + ", outside the int range a parameter set holds";
        }
        int slot = slot(method, p);
        if (written(method, slot)) {
            return "is usually " + v + " but the method assigns it (local " + slot + ")";
        }
        if (!read(method, slot)) {
            return "is usually " + v + " but the method never reads it";
        }
        return null;
    }

    @Override
    public String whyNotApplied(ClassNode owner, MethodNode method, TransformContext ctx) {
        String mv = Multiversion.whyNot(owner, method);
        if (mv != null) {
            return mv;
        }
        UsualValues u = ctx.usualValues();
        if (u.rows() == 0) {
            return "no caller rows to learn usual parameter values from: pass --inputs with calls as your callers make "
                    + "them (or tune under the agent, which captures them)";
        }
        if (!u.describes(method.name, method.desc)) {
            return method.name + " is a helper of the target: the caller rows give the target's parameter values only";
        }
        if (u.rows() < UsualValues.MIN_ROWS) {
            return "only " + u.rows() + " caller rows; at least " + UsualValues.MIN_ROWS + " are needed to call a value usual";
        }
        List<String> why = new ArrayList<>();
        for (int p = 0; p < u.parameters(); p++) {
            if (u.counted(p)) {
                why.add(name(method, p) + " " + whyNot(method, u, p));
            }
        }
        if (why.isEmpty()) {
            return "the method has no int, long, short, byte, char or boolean parameter to specialise";
        }
        return LocalNames.in(method, String.format(Locale.ROOT, "no integral parameter takes one value in >= %.0f%% of the %d "
                + "caller rows, unassigned and read: %s", 100 * UsualValues.NEARLY_ALWAYS, u.rows(), String.join("; ", why)));
    }

    private static String name(MethodNode method, int p) {
        String n = LocalNames.of(method, slot(method, p));
        return n == null ? "parameter " + p : n;
    }

    @Override
    public boolean apply(ClassNode owner, MethodNode method, Map<String, Integer> params, TransformContext ctx) {
        if (params.isEmpty() || Multiversion.whyNot(owner, method) != null) {
            return false;
        }
        Type[] args = Type.getArgumentTypes(method.desc);
        Map<Integer, Long> slots = new LinkedHashMap<>();
        Map<Integer, Character> sorts = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> e : params.entrySet()) {
            if (!e.getKey().matches("p\\d{1,3}")) {
                return false;
            }
            int p = Integer.parseInt(e.getKey().substring(1));
            if (p >= args.length || !fits(args[p].getDescriptor().charAt(0), e.getValue())) {
                return false;
            }
            int slot = slot(method, p);
            if (written(method, slot)) {
                return false;
            }
            slots.put(slot, (long) e.getValue());
            sorts.put(slot, args[p].getDescriptor().charAt(0));
        }
        int k = Multiversion.freeIndex(owner, method);
        MethodNode fast = Multiversion.fastCopy(method, k);
        ValueFolding.fold(fast, slots);
        MethodNode guard = Multiversion.emptyGuard(method, k);
        writeGuard(guard, slots, sorts);
        Multiversion.install(owner, method, fast, guard);
        return true;
    }

    private static boolean fits(char sort, int v) {
        return switch (sort) {
            case 'Z' -> v == 0 || v == 1;
            case 'B' -> v == (byte) v;
            case 'S' -> v == (short) v;
            case 'C' -> v == (char) v;
            case 'I', 'J' -> true;
            default -> false;
        };
    }

    /* m$guard$k(args): every folded parameter equals its value. Parameters keep m's slots (same descriptor and staticness). */
    private static void writeGuard(MethodNode guard, Map<Integer, Long> slots, Map<Integer, Character> sorts) {
        InsnList code = guard.instructions;
        LabelNode fail = new LabelNode();
        slots.forEach((slot, v) -> {
            if (sorts.get(slot) == 'J') {
                code.add(new VarInsnNode(Opcodes.LLOAD, slot));
                code.add(ValueFolding.longConst(v));
                code.add(new InsnNode(Opcodes.LCMP));
                code.add(new JumpInsnNode(Opcodes.IFNE, fail));
            } else {
                code.add(new VarInsnNode(Opcodes.ILOAD, slot));
                code.add(LoopCode.pushInt((int) (long) v));
                code.add(new JumpInsnNode(Opcodes.IF_ICMPNE, fail));
            }
        });
        code.add(new InsnNode(Opcodes.ICONST_1));
        code.add(new InsnNode(Opcodes.IRETURN));
        code.add(fail);
        code.add(new InsnNode(Opcodes.ICONST_0));
        code.add(new InsnNode(Opcodes.IRETURN));
        guard.maxStack = 4;
        guard.maxLocals = Math.max(1, (Type.getArgumentsAndReturnSizes(guard.desc) >> 2));
    }

    static int slot(MethodNode method, int p) {
        int slot = (method.access & Opcodes.ACC_STATIC) != 0 ? 0 : 1;
        Type[] args = Type.getArgumentTypes(method.desc);
        for (int i = 0; i < p; i++) {
            slot += args[i].getSize();
        }
        return slot;
    }

    private static boolean written(MethodNode method, int slot) {
        for (AbstractInsnNode n = method.instructions.getFirst(); n != null; n = n.getNext()) {
            if (n instanceof VarInsnNode v && v.var == slot && v.getOpcode() >= Opcodes.ISTORE && v.getOpcode() <= Opcodes.ASTORE
                    || n instanceof IincInsnNode i && i.var == slot) {
                return true;
            }
        }
        return false;
    }

    private static boolean read(MethodNode method, int slot) {
        for (AbstractInsnNode n = method.instructions.getFirst(); n != null; n = n.getNext()) {
            if (n instanceof VarInsnNode v && v.var == slot && (v.getOpcode() == Opcodes.ILOAD || v.getOpcode() == Opcodes.LLOAD)) {
                return true;
            }
        }
        return false;
    }
}
