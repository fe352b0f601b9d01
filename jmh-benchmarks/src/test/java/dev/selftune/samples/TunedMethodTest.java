package dev.selftune.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TunedMethodTest {
    private static final MethodType DOT = MethodType.methodType(double.class, double[].class, double[].class);

    @TempDir
    Path dir;

    /** Writes the original DotProduct class file where {@code tune --out} writes its winner. */
    private Path writeWinner(Path out) throws IOException {
        Path file = out.resolve("winner/dev/selftune/samples/DotProduct.class");
        Files.createDirectories(file.getParent());
        try (InputStream in = DotProduct.class.getResourceAsStream("DotProduct.class")) {
            Files.write(file, in.readAllBytes());
        }
        return file;
    }

    private static Class<?> owner(MethodHandle handle) {
        return MethodHandles.lookup().revealDirect(handle).getDeclaringClass();
    }

    @Test
    void find_outDirWithWinner_loadsItInItsOwnLoader() throws Throwable {
        writeWinner(dir);
        MethodHandle handle = TunedMethod.find("dot-product", DotProduct.class, "dot", DOT, dir.toString());
        Class<?> tuned = owner(handle);
        assertEquals(DotProduct.class.getName(), tuned.getName());
        assertNotSame(DotProduct.class, tuned);
        assertSame(DotProduct.class.getClassLoader(), tuned.getClassLoader().getParent());
        assertEquals(32.0, (double) handle.invokeExact(new double[] {1, 2, 3}, new double[] {4, 5, 6}));
    }

    @Test
    void find_directoryOfOutDirs_picksTheSampleNamedOne() throws Throwable {
        writeWinner(dir.resolve("dot-product"));
        MethodHandle handle = TunedMethod.find("dot-product", DotProduct.class, "dot", DOT, dir.toString());
        assertNotSame(DotProduct.class, owner(handle));
    }

    @Test
    void find_noWinner_returnsTheOriginal() {
        MethodHandle handle = TunedMethod.find("dot-product", DotProduct.class, "dot", DOT, dir.toString());
        MethodHandleInfo info = MethodHandles.lookup().revealDirect(handle);
        assertSame(DotProduct.class, info.getDeclaringClass());
        assertNull(TunedMethod.locate(dir, "dot-product", DotProduct.class));
    }

    @Test
    void find_propertyPlaceholderWithPropertyUnset_returnsTheOriginal() throws Throwable {
        System.clearProperty(TunedMethod.PROPERTY);
        MethodHandle handle = TunedMethod.find("matrix-multiply", MatrixMultiply.class, "multiply",
                MethodType.methodType(double[][].class, double[][].class, double[][].class), TunedMethod.FROM_PROPERTY);
        assertSame(MatrixMultiply.class, owner(handle));
        double[][] c = (double[][]) handle.invokeExact(new double[][] {{2}}, new double[][] {{3}});
        assertArrayEquals(new double[] {6}, c[0]);
    }
}
