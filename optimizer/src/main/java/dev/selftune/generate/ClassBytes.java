package dev.selftune.generate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Function;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.tree.ClassNode;

/** Reads and writes class bytes; frames are computed with supertypes read from class files, never loaded. */
public final class ClassBytes {
    private ClassBytes() { }

    public static ClassNode read(byte[] bytes) {
        ClassNode cn = new ClassNode();
        new ClassReader(bytes).accept(cn, 0);
        return cn;
    }

    /**
     * Writes {@code cn} computing max stack and frames. {@code resources} opens a class file by
     * internal name ({@code java/lang/Object}) or returns null; it is how supertypes are resolved
     * without loading classes (inside an agent, loading would run static initialisers).
     */
    public static byte[] write(ClassNode cn, Function<String, InputStream> resources) {
        ClassWriter cw = new HierarchyWriter(resources);
        cn.accept(cw);
        return cw.toByteArray();
    }

    /**
     * Writes {@code cn}, read from {@code original}, recomputing frames only for the methods named
     * in {@code changed} ({@code name + descriptor}); every other method's bytes are copied as they are.
     */
    public static byte[] writeChanged(byte[] original, ClassNode cn, java.util.Set<String> changed,
                                      Function<String, InputStream> resources) {
        ClassReader cr = new ClassReader(original);
        ClassWriter cw = new HierarchyWriter(cr, resources);
        java.util.Map<String, org.objectweb.asm.tree.MethodNode> tuned = new java.util.HashMap<>();
        for (org.objectweb.asm.tree.MethodNode m : cn.methods) {
            if (changed.contains(m.name + m.desc)) {
                tuned.put(m.name + m.desc, m);
            }
        }
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

    /*
     * ClassWriter.getCommonSuperClass loads classes with Class.forName by default; here it walks
     * superclass chains read from class files instead (ASM FAQ, "COMPUTE_FRAMES"). Interfaces
     * merge to java/lang/Object, as the verifier treats them.
     */
    private static final class HierarchyWriter extends ClassWriter {
        private final Function<String, InputStream> resources;

        HierarchyWriter(Function<String, InputStream> resources) {
            super(COMPUTE_FRAMES | COMPUTE_MAXS);
            this.resources = resources;
        }

        /* With the reader, ASM copies the constant pool and every untouched method's bytes verbatim. */
        HierarchyWriter(ClassReader source, Function<String, InputStream> resources) {
            super(source, COMPUTE_FRAMES | COMPUTE_MAXS);
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
