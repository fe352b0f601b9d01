package dev.selftune.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** Winners tuned against optimizer.jar's shaded names link against this jar's names once copied; a fork checks it runs on them. */
class SelfTunedClassesTest {
    @TempDir
    Path dir;

    /* A winner as optimizer.jar's tuning child writes it: its signature names the shaded ASM Type. */
    static byte[] shadedWinner() {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL, "dev/selftune/inputs/Winner", null, "java/lang/Object", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "sort", "(Ldev/selftune/shaded/asm/Type;)I", null, null);
        mv.visitCode();
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "dev/selftune/shaded/asm/Type", "getSort", "()I", false);
        mv.visitInsn(Opcodes.IRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    @Test
    void copy_shadedWinner_namesThisJarsLibrariesAndRuns() throws Exception {
        Path tuned = dir.resolve("self-tuned/dev/selftune/inputs");
        Files.createDirectories(tuned);
        Files.write(tuned.resolve("Winner.class"), shadedWinner());
        List<String> names = SelfTunedClasses.copy(dir.resolve("self-tuned"), dir.resolve("out"));
        assertEquals(List.of("dev.selftune.inputs.Winner"), names);
        byte[] out = Files.readAllBytes(dir.resolve("out/dev/selftune/inputs/Winner.class"));
        String text = new String(out, StandardCharsets.ISO_8859_1);
        assertFalse(text.contains("dev/selftune/shaded"), "no shaded name is left");
        assertTrue(text.contains("org/objectweb/asm/Type"));
        Class<?> c = new ClassLoader(getClass().getClassLoader()) {
            Class<?> define() {
                return defineClass("dev.selftune.inputs.Winner", out, 0, out.length);
            }
        }.define();
        assertEquals(org.objectweb.asm.Type.INT, c.getDeclaredMethod("sort", org.objectweb.asm.Type.class)
                .invoke(null, org.objectweb.asm.Type.INT_TYPE));
    }

    @Test
    void check_tunedClassNotFirstOnTheClassPath_failsNamingTheFix() throws Exception {
        Path tuned = dir.resolve("tuned/dev/selftune/bench");
        Files.createDirectories(tuned);
        Files.write(tuned.resolve("GeneratorThroughputBenchmark.class"), new byte[] {1});
        System.setProperty(SelfTunedClasses.PROPERTY, dir.resolve("tuned").toString());
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class, SelfTunedClasses::check);
            assertTrue(e.getMessage().contains("first on the class path"), e.getMessage());
        } finally {
            System.clearProperty(SelfTunedClasses.PROPERTY);
        }
        assertEquals(0, SelfTunedClasses.check(), "without the property nothing is checked");
    }

    @Test
    void copy_notADirectory_refusedNamingIt() {
        Exception e = assertThrows(java.io.IOException.class, () -> SelfTunedClasses.copy(dir.resolve("absent"), dir.resolve("out")));
        assertTrue(e.getMessage().contains("absent"), e.getMessage());
    }
}
