package dev.selftune.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.math3.util.FastMath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

class TargetClassLoaderTest {
    /** A class of the given name whose static {@code marker()} returns 42. */
    private static byte[] markerClass(String internalName) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V11, Opcodes.ACC_PUBLIC, internalName, null, "java/lang/Object", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "marker", "()I", null, null);
        mv.visitCode();
        mv.visitIntInsn(Opcodes.BIPUSH, 42);
        mv.visitInsn(Opcodes.IRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    @Test
    void loadClass_librarySelftuneAlsoCarries_usersCopyWins(@TempDir Path dir) throws Exception {
        // selftune's own loader has commons-math3 (it comes with JMH); the user's class path has its own
        // FastMath. The target world must see the user's copy, never selftune's.
        String name = FastMath.class.getName();
        Path file = dir.resolve(name.replace('.', '/') + ".class");
        Files.createDirectories(file.getParent());
        Files.write(file, markerClass(name.replace('.', '/')));
        byte[] target = markerClass("com/example/Target");
        try (TargetClassLoader loader = new TargetClassLoader(List.of(dir), "com.example.Target", target)) {
            Class<?> seen = loader.loadClass(name);
            assertSame(loader, seen.getClassLoader());
            assertNotSame(FastMath.class, seen);
            assertEquals(42, seen.getMethod("marker").invoke(null));
        }
    }

    @Test
    void targetClass_givenBytes_definedInsteadOfClassPathCopy(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("com/example/Target.class");
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[] {0, 1, 2});
        try (TargetClassLoader loader = new TargetClassLoader(List.of(dir), "com.example.Target", markerClass("com/example/Target"))) {
            assertEquals(42, loader.targetClass().getMethod("marker").invoke(null));
        }
    }
}
