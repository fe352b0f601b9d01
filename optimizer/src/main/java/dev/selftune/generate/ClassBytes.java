package dev.selftune.generate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Function;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.JSRInlinerAdapter;
import org.objectweb.asm.tree.ClassNode;
import dev.selftune.target.ClassVersion;

/**
 * Reads and writes class bytes of every version from 45 (Java 1.1); frames are computed with
 * supertypes read from class files, never loaded.
 */
public final class ClassBytes {
    private ClassBytes() { }

    /*
     * Old javac (before 1.4.2) compiled finally blocks into JSR/RET subroutines. No transform or
     * frame computation understands them (ASM's COMPUTE_FRAMES refuses them), so bodies are read
     * with the subroutines inlined, as ASM's JSRInlinerAdapter does. Only classes up to version 50
     * can hold them (JVMS 4.9.1), so newer ones are read directly.
     */
    public static ClassNode read(byte[] bytes) {
        ClassNode cn = new ClassNode();
        ClassReader reader = new ClassReader(bytes);
        if (ClassVersion.major(bytes) > ClassVersion.FRAMES) {
            reader.accept(cn, 0);
            return cn;
        }
        reader.accept(new ClassVisitor(Opcodes.ASM9, cn) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] ex) {
                return new JSRInlinerAdapter(super.visitMethod(access, name, desc, sig, ex), access, name, desc, sig, ex);
            }
        }, 0);
        return cn;
    }

    /**
     * Writes {@code cn} computing max stack, and frames from version 50 on (older class files have
     * none). {@code resources} opens a class file by internal name ({@code java/lang/Object}) or
     * returns null; it is how supertypes are resolved without loading classes (inside an agent,
     * loading would run static initialisers).
     */
    public static byte[] write(ClassNode cn, Function<String, InputStream> resources) {
        ClassWriter cw = new HierarchyWriter(flags(cn.version & 0xFFFF), resources);
        cn.accept(cw);
        return cw.toByteArray();
    }

    /**
     * Writes {@code cn}, read from {@code original} with {@link #read}, recomputing only the methods
     * named in {@code changed} ({@code name + descriptor}); every other method's bytes are copied as
     * they are. When a changed method uses an instruction the class's version cannot hold, the whole
     * class is written at the lowest version that holds it ({@link ClassVersion#needed}).
     * Methods of {@code cn} the original does not have (helpers a variant added, such as the fast
     * version and guard of a guarded multiversion) count as changed: they are written after the
     * original's methods, with frames computed and their version needs checked like any other.
     */
    public static byte[] writeChanged(byte[] original, ClassNode cn, java.util.Set<String> changed,
                                      Function<String, InputStream> resources) {
        int major = ClassVersion.major(original);
        int needed = major;
        java.util.Set<String> existing = new java.util.HashSet<>();
        new ClassReader(original).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] ex) {
                existing.add(name + desc);
                return null;
            }
        }, ClassReader.SKIP_CODE);
        java.util.List<org.objectweb.asm.tree.MethodNode> added = new java.util.ArrayList<>();
        java.util.Map<String, org.objectweb.asm.tree.MethodNode> tuned = new java.util.HashMap<>();
        for (org.objectweb.asm.tree.MethodNode m : cn.methods) {
            boolean isNew = !existing.contains(m.name + m.desc);
            if (isNew) {
                added.add(m);
            }
            if (isNew || changed.contains(m.name + m.desc)) {
                tuned.put(m.name + m.desc, m);
                needed = Math.max(needed, ClassVersion.needed(m).major());
            }
        }
        if (needed > major) {
            cn.version = needed;
            return write(cn, resources);
        }
        ClassReader cr = new ClassReader(original);
        ClassWriter cw = new HierarchyWriter(cr, flags(major), resources);
        cr.accept(new org.objectweb.asm.ClassVisitor(org.objectweb.asm.Opcodes.ASM9, cw) {
            @Override
            public org.objectweb.asm.MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] ex) {
                org.objectweb.asm.tree.MethodNode m = tuned.get(name + desc);
                if (m != null) {
                    m.accept(cw);
                    return null;
                }
                return super.visitMethod(access, name, desc, sig, ex);
            }

            @Override
            public void visitEnd() {
                added.forEach(m -> m.accept(cw));
                super.visitEnd();
            }
        }, 0);
        return cw.toByteArray();
    }

    /** A resource opener over a class loader: JDK classes come from the platform's own loader. */
    public static Function<String, InputStream> resourcesOf(ClassLoader loader) {
        return internalName -> {
            InputStream in = loader == null ? null : loader.getResourceAsStream(internalName + ".class");
            return in != null ? in : ClassLoader.getSystemResourceAsStream(internalName + ".class");
        };
    }

    /* Before 50 the JVM ignores frames (ASM would write them as a CLDC StackMap attribute). */
    private static int flags(int major) {
        return major >= ClassVersion.FRAMES ? ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS : ClassWriter.COMPUTE_MAXS;
    }

    /*
     * ClassWriter.getCommonSuperClass loads classes with Class.forName by default; here it walks
     * superclass chains read from class files instead (ASM FAQ, "COMPUTE_FRAMES"). Interfaces
     * merge to java/lang/Object, as the verifier treats them.
     */
    private static final class HierarchyWriter extends ClassWriter {
        private final Function<String, InputStream> resources;

        HierarchyWriter(int flags, Function<String, InputStream> resources) {
            super(flags);
            this.resources = resources;
        }

        /* With the reader, ASM copies the constant pool and every untouched method's bytes verbatim. */
        HierarchyWriter(ClassReader source, int flags, Function<String, InputStream> resources) {
            super(source, flags);
            this.resources = resources;
        }

        @Override
        protected String getCommonSuperClass(String a, String b) {
            if (a.equals(b)) {
                return a;
            }
            if (isInterface(a) || isInterface(b)) {
                return "java/lang/Object";
            }
            java.util.Set<String> chainA = new java.util.HashSet<>();
            for (String t = a; t != null; t = superOf(t)) {
                chainA.add(t);
            }
            for (String t = b; t != null; t = superOf(t)) {
                if (chainA.contains(t)) {
                    return t;
                }
            }
            return "java/lang/Object";
        }

        private ClassReader reader(String internalName) {
            try (InputStream in = resources.apply(internalName)) {
                if (in == null) {
                    throw new IllegalStateException("class file of " + internalName + " not found on the class path while computing frames");
                }
                return new ClassReader(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private String superOf(String internalName) {
            return "java/lang/Object".equals(internalName) ? null : reader(internalName).getSuperName();
        }

        private boolean isInterface(String internalName) {
            return (reader(internalName).getAccess() & org.objectweb.asm.Opcodes.ACC_INTERFACE) != 0;
        }
    }
}
