package dev.selftune.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** The shaded jar keeps every library it bundles, JMH included, out of the host's sight (see optimizer/pom.xml). */
class ShadedJarIT {
    @TempDir
    Path dir;

    @Test
    void jar_bundledLibraries_areAllRelocated() throws Exception {
        try (JarFile jar = new JarFile(ChildJvm.agentJar().toFile())) {
            List<String> names = jar.stream().map(java.util.jar.JarEntry::getName).toList();
            assertTrue(names.stream().noneMatch(n -> n.endsWith(".class") && (n.startsWith("org/apache/commons/math3/")
                    || n.startsWith("joptsimple/") || n.startsWith("org/objectweb/asm/") || n.startsWith("net/bytebuddy/")
                    || n.startsWith("org/openjdk/jmh/"))), "unrelocated library classes in the jar");
            assertTrue(names.contains("dev/selftune/shaded/math3/util/FastMath.class"));
            assertTrue(names.contains("dev/selftune/shaded/jmh/infra/Blackhole.class"));
        }
    }

    @Test
    void jar_jmhCompilerHints_nameTheRelocatedBlackhole() throws Exception {
        // The compile commands are strings, not class references: if they still named org/openjdk/jmh, the
        // forks would run without compiler blackholes and could measure dead code.
        List<String> hints = new java.util.ArrayList<>();
        try (JarFile jar = new JarFile(ChildJvm.agentJar().toFile())) {
            byte[] bytes = jar.getInputStream(jar.getEntry("dev/selftune/shaded/jmh/runner/CompilerHints.class")).readAllBytes();
            new org.objectweb.asm.ClassReader(bytes).accept(new org.objectweb.asm.ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] ex) {
                    return new MethodVisitor(Opcodes.ASM9) {
                        @Override
                        public void visitLdcInsn(Object value) {
                            if (value instanceof String s && s.contains("Blackhole.")) {
                                hints.add(s);
                            }
                        }
                    };
                }
            }, 0);
        }
        assertTrue(hints.contains("blackhole,dev/selftune/shaded/jmh/infra/Blackhole.consumeCompiler"), hints.toString());
        assertTrue(hints.stream().noneMatch(h -> h.contains("org/openjdk/jmh")), hints.toString());
    }

    @Test
    void agent_hostWithItsOwnCommonsMath_seesOnlyItsOwnLibraries() throws Exception {
        Path lib = fakeCommonsMath();
        ChildJvm app = ChildJvm.start(dir.resolve("host"), "include=com.nowhere.**,mode=detect,warmup=1s",
                "dev.selftune.agent.apps.LibraryHostApp", List.of(lib.toString()), "500");
        assertEquals(0, app.await(60), app.err());
        assertTrue(app.out().contains("FastMath.twice(21)=42"), app.out());
        assertTrue(app.out().contains("hidden org.apache.commons.math3.stat.StatUtils"), app.out());
        assertTrue(app.out().contains("hidden joptsimple.OptionParser"), app.out());
        assertTrue(app.out().contains("hidden org.openjdk.jmh.runner.Runner"), app.out());
        assertTrue(app.out().contains("Blackhole.twice(21)=42"), app.out());
        assertFalse(app.err().contains("[selftune] error"), app.err());
    }

    @Test
    void tune_methodOfTheUsersCommonsMath_isNotRefusedAsSelftunesOwn() throws Exception {
        Path lib = fakeCommonsMath();
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                ChildJvm.agentJar().toString(), "tune", "--classpath", lib.toString(),
                "--target", "org.apache.commons.math3.util.FastMath#nope", "--out", dir.resolve("out").toString())
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, p.exitValue(), out);
        assertFalse(out.contains("selftune itself"), out);
        assertTrue(out.contains("nope"), out);
    }

    /**
     * The host's own "other versions" of two bundled libraries: {@code org.apache.commons.math3.util.FastMath} and
     * {@code org.openjdk.jmh.infra.Blackhole}, each with one method, {@code static int twice(int)}.
     */
    private Path fakeCommonsMath() throws Exception {
        Path root = dir.resolve("host-lib");
        fakeClass(root, "org/apache/commons/math3/util/FastMath");
        fakeClass(root, "org/openjdk/jmh/infra/Blackhole");
        return root;
    }

    private static void fakeClass(Path root, String internalName) throws Exception {
        Path file = root.resolve(internalName + ".class");
        Files.createDirectories(file.getParent());
        ClassWriter w = new ClassWriter(ClassWriter.COMPUTE_MAXS | ClassWriter.COMPUTE_FRAMES);
        w.visit(Opcodes.V11, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, internalName, null, "java/lang/Object", null);
        MethodVisitor mv = w.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "twice", "(I)I", null, null);
        mv.visitCode();
        mv.visitVarInsn(Opcodes.ILOAD, 0);
        mv.visitInsn(Opcodes.ICONST_2);
        mv.visitInsn(Opcodes.IMUL);
        mv.visitInsn(Opcodes.IRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        w.visitEnd();
        Files.write(file, w.toByteArray());
    }
}
