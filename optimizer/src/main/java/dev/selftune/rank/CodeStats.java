package dev.selftune.rank;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Counts over one method's bytecode and the helpers a multiversioned variant adds for it
 * ({@code name$...}): size, loops and their nesting, and the instruction mix. Reads class bytes
 * with ASM's tree API without frames or debug info, in microseconds.
 */
final class CodeStats {
    /** Every count this class produces, in a fixed order. */
    static final List<String> KEYS = List.of("insns", "methods", "loops", "loopDepth", "innermostInsns",
            "arrayLoads", "arrayStores", "loopArrayLoads", "intArith", "longArith", "floatArith", "doubleArith",
            "invokes", "fieldAccess", "branches", "localAccess", "allocations", "maxLocals");

    private CodeStats() { }

    /*
     * A loop is a backward jump (its label at or before the jump), which is how javac and every
     * transform here lay out for/while loops; the nesting depth at an instruction is the number of
     * such spans that contain it. Irreducible shapes are rare in javac output and only blur a feature.
     */
    /** The counts for {@code name}{@code desc} in {@code classBytes}; all zero when the method is absent. */
    static Map<String, Double> of(byte[] classBytes, String name, String desc) {
        ClassNode cn = new ClassNode();
        new ClassReader(classBytes).accept(cn, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        Map<String, Double> c = new LinkedHashMap<>();
        KEYS.forEach(k -> c.put(k, 0.0));
        for (MethodNode m : cn.methods) {
            boolean main = m.name.equals(name) && (desc == null || m.desc.equals(desc));
            if (main || m.name.startsWith(name + "$")) {
                add(c, "methods", 1);
                count(m, c);
            }
        }
        return c;
    }

    private static void count(MethodNode m, Map<String, Double> c) {
        AbstractInsnNode[] insns = m.instructions.toArray();
        List<int[]> loops = new ArrayList<>();
        for (int i = 0; i < insns.length; i++) {
            if (insns[i] instanceof JumpInsnNode j) {
                int target = m.instructions.indexOf(j.label);
                if (target <= i) {
                    loops.add(new int[] {target, i});
                }
            }
        }
        add(c, "loops", loops.size());
        int innermost = Integer.MAX_VALUE;
        for (int[] l : loops) {
            innermost = Math.min(innermost, l[1] - l[0]);
        }
        add(c, "innermostInsns", loops.isEmpty() ? 0 : innermost);
        c.put("maxLocals", Math.max(c.get("maxLocals"), m.maxLocals));
        int depth = 0;
        for (int i = 0; i < insns.length; i++) {
            int op = insns[i].getOpcode();
            if (op < 0) {
                continue;   // labels, line numbers, frames
            }
            add(c, "insns", 1);
            int d = 0;
            for (int[] l : loops) {
                d += l[0] <= i && i <= l[1] ? 1 : 0;
            }
            depth = Math.max(depth, d);
            String kind = kind(op);
            if (kind != null) {
                add(c, kind, 1);
            }
            if (d > 0 && op >= Opcodes.IALOAD && op <= Opcodes.SALOAD) {
                add(c, "loopArrayLoads", 1);
            }
        }
        c.put("loopDepth", Math.max(c.get("loopDepth"), depth));
    }

    /* Opcode ranges from JVMS §6.5: xALOAD 46-53, xASTORE 79-86, arithmetic 96-119 typed by (op - 96) % 4. */
    private static String kind(int op) {
        if (op >= Opcodes.IALOAD && op <= Opcodes.SALOAD) {
            return "arrayLoads";
        }
        if (op >= Opcodes.IASTORE && op <= Opcodes.SASTORE) {
            return "arrayStores";
        }
        if (op >= Opcodes.IADD && op <= Opcodes.DNEG) {
            return switch ((op - Opcodes.IADD) % 4) {
                case 0 -> "intArith";
                case 1 -> "longArith";
                case 2 -> "floatArith";
                default -> "doubleArith";
            };
        }
        if (op >= Opcodes.ISHL && op <= Opcodes.LXOR) {
            return op % 2 == 1 ? "longArith" : "intArith";   // ISHL 120, LSHL 121, ... LXOR 131
        }
        if (op == Opcodes.IINC) {
            return "intArith";
        }
        if (op >= Opcodes.INVOKEVIRTUAL && op <= Opcodes.INVOKEDYNAMIC) {
            return "invokes";
        }
        if (op >= Opcodes.GETSTATIC && op <= Opcodes.PUTFIELD) {
            return "fieldAccess";
        }
        if (op >= Opcodes.IFEQ && op <= Opcodes.IF_ACMPNE || op == Opcodes.IFNULL || op == Opcodes.IFNONNULL
                || op == Opcodes.TABLESWITCH || op == Opcodes.LOOKUPSWITCH || op == Opcodes.GOTO) {
            return "branches";
        }
        if (op >= Opcodes.ILOAD && op <= Opcodes.ALOAD || op >= Opcodes.ISTORE && op <= Opcodes.ASTORE) {
            return "localAccess";
        }
        if (op == Opcodes.NEW || op == Opcodes.NEWARRAY || op == Opcodes.ANEWARRAY || op == Opcodes.MULTIANEWARRAY) {
            return "allocations";
        }
        return null;
    }

    private static void add(Map<String, Double> c, String k, double v) {
        c.merge(k, v, Double::sum);
    }
}
