package dev.selftune.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.measure.specimen.SumSpecimen;
import dev.selftune.target.Target;
import java.lang.invoke.MethodType;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoundMethodTest {
    @TempDir
    Path dir;

    @Test
    void bind_staticMethod_callsVariantCopyNotCallerClass() throws Throwable {
        Target t = Specimens.sum();
        BoundMethod b = BoundMethod.bind(BenchSpec.of(t, "original", t.classBytes(), Specimens.inputs(), false, dir));
        assertEquals(MethodType.methodType(Object.class, Object[].class), b.invoker().type());
        assertTrue(b.rows().length > 0);
        Object[] row = b.rows()[0];
        assertEquals(SumSpecimen.sum((int[]) row[0]), (Object) b.invoker().invokeExact(row));
    }

    @Test
    void bind_privateInstanceMethod_takesReceiverFirst() throws Throwable {
        Target t = Specimens.biased();
        BoundMethod b = BoundMethod.bind(BenchSpec.of(t, "original", t.classBytes(), Specimens.inputs(), false, dir));
        Object[] row = b.rows()[0];
        assertNotSame(SumSpecimen.class, row[0].getClass());
        assertEquals(java.util.Arrays.stream((int[]) row[1]).asLongStream().sum() + 1L, (Object) b.invoker().invokeExact(row));
    }

    @Test
    void bind_unknownMethod_namesClassAndDescriptor() {
        Target t = Specimens.target(SumSpecimen.class, "nope", "([I)I", true);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> BoundMethod.bind(BenchSpec.of(t, "x", t.classBytes(), Specimens.inputs(), false, dir)));
        assertTrue(e.getMessage().contains("nope([I)I"), e.getMessage());
    }
}
