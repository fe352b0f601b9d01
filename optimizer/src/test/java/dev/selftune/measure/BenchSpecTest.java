package dev.selftune.measure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.target.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchSpecTest {
    @TempDir
    Path dir;

    @Test
    void writeRead_everyField_roundTrips() throws Exception {
        Target t = Specimens.sum();
        BenchSpec spec = BenchSpec.of(t, "v 1/unroll", t.classBytes(), Specimens.inputs(), true, dir);
        BenchSpec back = BenchSpec.read(spec.write(dir.resolve("specs")));
        assertEquals(spec.label(), back.label());
        assertEquals(spec.classpath(), back.classpath());
        assertEquals(spec.className(), back.className());
        assertEquals(spec.methodName(), back.methodName());
        assertEquals(spec.descriptor(), back.descriptor());
        assertEquals(spec.isStatic(), back.isStatic());
        assertEquals(spec.classFile(), back.classFile());
        assertEquals(spec.inputs().encode(), back.inputs().encode());
        assertEquals(spec.copyArgs(), back.copyArgs());
        assertArrayEquals(t.classBytes(), Files.readAllBytes(back.classFile()));
    }

    @Test
    void of_sameBytesOtherLabel_getsOtherFiles() {
        Target t = Specimens.sum();
        BenchSpec a = BenchSpec.of(t, "original", t.classBytes(), Specimens.inputs(), false, dir);
        BenchSpec b = BenchSpec.of(t, "aa-1", t.classBytes(), Specimens.inputs(), false, dir);
        assertNotEquals(a.classFile(), b.classFile());
        assertNotEquals(a.write(dir), b.write(dir));
    }

    @Test
    void read_missingKey_namesKeyAndFile() throws Exception {
        Path f = dir.resolve("bad.properties");
        Files.writeString(f, "label=x\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BenchSpec.read(f));
        assertTrue(e.getMessage().contains("'classpath'") && e.getMessage().contains("bad.properties"), e.getMessage());
    }

    @Test
    void defaultCopyArgs_arrayParameterOnly() {
        assertTrue(BenchSpec.defaultCopyArgs("([I)I"));
        assertFalse(BenchSpec.defaultCopyArgs("(I)[I"));
    }
}
