package dev.selftune.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;

class ChangedMethodsTest {
    @Test
    void of_rewrittenClassWithTheSameCode_changesNothing() {
        byte[] original = ReportFixtures.original();
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES);
        new ClassReader(original).accept(cw, 0);
        assertEquals(List.of(), ChangedMethods.of(original, cw.toByteArray()), "recomputed frames and maxes are no change");
    }

    @Test
    void of_unrolledBody_namesTheMethod() {
        assertEquals(List.of("dot([D[D)D"), ChangedMethods.of(ReportFixtures.original(), ReportFixtures.unrolled()));
    }

    @Test
    void of_unknownBytes_isEmpty() {
        assertEquals(List.of(), ChangedMethods.of(null, ReportFixtures.unrolled()));
    }
}
