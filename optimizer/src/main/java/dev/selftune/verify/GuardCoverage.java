package dev.selftune.verify;

import java.lang.reflect.Field;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Proves both sides of a multiversioned method's guard ran during verification. A variant
 * {@code m(args): if (guard) return m$fast$k(args); <original>} is recognised by its fast helpers'
 * names (the generator's contract: {@code <name>$fast$<k>}, same descriptor). The verification copy
 * counts entries to {@code m} and to its fast helpers; a variant whose fast version or whose
 * original path never ran on the verification rows is rejected, since one side went unchecked.
 */
final class GuardCoverage {
    static final String FAST_INFIX = "$fast$";
    static final String ENTRIES = "$selftune$entries";
    static final String FAST_ENTRIES = "$selftune$fastEntries";

    private GuardCoverage() { }

    /*
     * Counters are static fields added to this copy only; each increment leaves the stack as it
     * found it and stores no local, so existing frames stay valid (max stack is recomputed, which
     * needs no class hierarchy). Interfaces cannot hold mutable statics: they are left as they are,
     * and so are classes with no fast helper for the method.
     */
    static byte[] instrument(byte[] classBytes, String name, String desc) {
        ClassNode cn = new ClassNode();
        new ClassReader(classBytes).accept(cn, 0);
        if ((cn.access & Opcodes.ACC_INTERFACE) != 0 || cn.methods.stream().noneMatch(m -> isFast(m, name, desc))) {
            return classBytes;
        }
        for (MethodNode m : cn.methods) {
            if (m.name.equals(name) && m.desc.equals(desc)) {
                m.instructions.insert(increment(cn.name, ENTRIES));
            } else if (isFast(m, name, desc)) {
                m.instructions.insert(increment(cn.name, FAST_ENTRIES));
            }
        }
        int acc = Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC;
        cn.fields.add(new FieldNode(acc, ENTRIES, "J", null, null));
        cn.fields.add(new FieldNode(acc, FAST_ENTRIES, "J", null, null));
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cn.accept(cw);
        return cw.toByteArray();
    }

    private static boolean isFast(MethodNode m, String name, String desc) {
        return m.name.startsWith(name + FAST_INFIX) && m.desc.equals(desc) && m.instructions.size() > 0;
    }

    private static InsnList increment(String owner, String field) {
        InsnList out = new InsnList();
        out.add(new FieldInsnNode(Opcodes.GETSTATIC, owner, field, "J"));
        out.add(new InsnNode(Opcodes.LCONST_1));
        out.add(new InsnNode(Opcodes.LADD));
        out.add(new FieldInsnNode(Opcodes.PUTSTATIC, owner, field, "J"));
        return out;
    }

    /**
     * After the rows ran in {@code loaded} (the instrumented copy): null when the class is not
     * multiversioned or both sides ran; otherwise the rejection reason, naming the side that never ran.
     */
    static String oneSided(Class<?> loaded, String name) {
        long entries;
        long fast;
        try {
            Field e = loaded.getDeclaredField(ENTRIES);
            Field f = loaded.getDeclaredField(FAST_ENTRIES);
            e.setAccessible(true);
            f.setAccessible(true);
            entries = e.getLong(null);
            fast = f.getLong(null);
        } catch (NoSuchFieldException notMultiversioned) {
            return null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "guard coverage could not be read from the verification copy (" + e + ")";
        }
        if (fast == 0) {
            return "guarded variant's fast version " + name + FAST_INFIX + "* never ran during verification (the guard "
                    + "was false on all " + entries + " calls): its code went unchecked; add --inputs rows on which the "
                    + "guard holds (non-aliased, well-formed arrays)";
        }
        if (entries - fast <= 0) {
            return "guarded variant's fallback (the original body of " + name + ") never ran during verification (the "
                    + "guard was true on all " + entries + " calls): the guard went unchecked; add --inputs rows that fail it "
                    + "(the same array twice, shared, ragged or null rows)";
        }
        return null;
    }
}
