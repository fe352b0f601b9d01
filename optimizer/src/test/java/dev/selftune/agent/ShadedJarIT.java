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

/** The shaded jar keeps the libraries it bundles out of the host's sight (JMH excepted: see optimizer/pom.xml). */
class ShadedJarIT {
    @TempDir
    Path dir;

    @Test
    void jar_bundledLibraries_areRelocatedExceptJmh() throws Exception {
        try (JarFile jar = new JarFile(ChildJvm.agentJar().toFile())) {
            List<String> names = jar.stream().map(java.util.jar.JarEntry::getName).toList();
            assertTrue(names.stream().noneMatch(n -> n.startsWith("org/apache/commons/math3/") || n.startsWith("joptsimple/")
                    || n.startsWith("org/objectweb/asm/") || n.startsWith("net/bytebuddy/")), "unrelocated library classes in the jar");
            assertTrue(names.contains("dev/selftune/shaded/math3/util/FastMath.class"));
        }
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

    /** {@code org.apache.commons.math3.util.FastMath} with one method, {@code static int twice(int)}: "another version". */
    private Path fakeCommonsMath() throws Exception {
        Path root = dir.resolve("host-lib");
        Path file = root.resolve("org/apache/commons/math3/util/FastMath.class");
        Files.createDirectories(file.getParent());
        ClassWriter w = new ClassWriter(ClassWriter.COMPUTE_MAXS | ClassWriter.COMPUTE_FRAMES);
        w.visit(Opcodes.V11, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, "org/apache/commons/math3/util/FastMath", null, "java/lang/Object", null);
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
        return root;
    }
}
