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
 * Proves both sides of every multiversioned method's guard ran during verification. A method
 * {@code m(args): if (guard) return m$fast$k(args); <original>} is recognised by its fast helpers'
 * names (the generator's contract: {@code <name>$fast$<k>}, same descriptor); it may be the target
 * or a private helper the target calls. The verification copy counts entries to each such {@code m}
 * and to its fast helpers; a variant whose fast version or whose original path never ran on the
 * verification rows is rejected, since one side went unchecked.
 */
final class GuardCoverage {
    static final String FAST_INFIX = "$fast$";
    static final String ENTRIES = "$selftune$entries$";
    static final String FAST_ENTRIES = "$selftune$fastEntries$";

    private GuardCoverage() { }

    /*
     * Counters are static fields added to this copy only, suffixed with the method's name and its
     * index in the class (overloads); each increment leaves the stack as it found it and stores no local, so existing frames
     * stay valid (max stack is recomputed, which needs no class hierarchy). Interfaces cannot hold
     * mutable statics: they are left as they are, and so are classes with no fast helper.
     */
    static byte[] instrument(byte[] classBytes) {
        ClassNode cn = new ClassNode();
        new ClassReader(classBytes).accept(cn, 0);
        if ((cn.access & Opcodes.ACC_INTERFACE) != 0) {
            return classBytes;
        }
        int acc = Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC;
        boolean any = false;
        for (int i = 0; i < cn.methods.size(); i++) {
            MethodNode m = cn.methods.get(i);
            if (m.instructions.size() == 0 || m.name.contains(FAST_INFIX) || !hasFast(cn, m)) {
                continue;
            }
            any = true;
            String key = m.name + "$" + i;
            m.instructions.insert(increment(cn.name, ENTRIES + key));
            for (MethodNode f : cn.methods) {
                if (isFastOf(f, m)) {
                    f.instructions.insert(increment(cn.name, FAST_ENTRIES + key));
                }
            }
            cn.fields.add(new FieldNode(acc, ENTRIES + key, "J", null, null));
            cn.fields.add(new FieldNode(acc, FAST_ENTRIES + key, "J", null, null));
        }
        if (!any) {
            return classBytes;
        }
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cn.accept(cw);
        return cw.toByteArray();
    }

    private static boolean hasFast(ClassNode cn, MethodNode m) {
        return cn.methods.stream().anyMatch(f -> isFastOf(f, m));
    }

    private static boolean isFastOf(MethodNode f, MethodNode m) {
        return f.name.startsWith(m.name + FAST_INFIX) && f.desc.equals(m.desc) && f.instructions.size() > 0;
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
     * After the rows ran in {@code loaded} (the instrumented copy): null when no method is
     * multiversioned or every guard went both ways; otherwise the rejection reason, naming the
     * method and the side that never ran.
     */
    static String oneSided(Class<?> loaded) {
        for (Field e : loaded.getDeclaredFields()) {
            if (!e.getName().startsWith(ENTRIES)) {
                continue;
            }
            String key = e.getName().substring(ENTRIES.length());
            long entries;
            long fast;
            try {
                Field f = loaded.getDeclaredField(FAST_ENTRIES + key);
                e.setAccessible(true);
                f.setAccessible(true);
                entries = e.getLong(null);
                fast = f.getLong(null);
            } catch (ReflectiveOperationException | RuntimeException ex) {
                return "guard coverage could not be read from the verification copy (" + ex + ")";
            }
            String name = key.substring(0, key.lastIndexOf('$'));
            if (fast == 0) {
                return "guarded variant's fast version " + name + FAST_INFIX + "* never ran during verification (the "
                        + "guard was false on all " + entries + " calls of " + name + "): its code went unchecked; add "
                        + "--inputs rows on which the guard holds (non-aliased, well-formed arrays)";
            }
            if (entries - fast <= 0) {
                return "guarded variant's fallback (the original body of " + name + ") never ran during verification "
                        + "(the guard was true on all " + entries + " calls): the guard went unchecked; add --inputs rows "
                        + "that fail it (the same array twice, shared, ragged or null rows; another value of a specialised "
                        + "parameter; objects of another class at a class-guarded call)";
            }
        }
        return null;
    }
}
