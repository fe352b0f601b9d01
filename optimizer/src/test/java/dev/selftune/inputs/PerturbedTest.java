package dev.selftune.inputs;

import static dev.selftune.inputs.Fixtures.loader;
import static dev.selftune.inputs.Fixtures.ref;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.MethodRef;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Copies of caller rows with fresh floating-point values, for methods whose parameter types cannot be generated. */
class PerturbedTest {
    static final String MATRICES = "dev.selftune.verify.specimens.Matrices";

    private static Object field(Object o, String name) throws ReflectiveOperationException {
        Field f = o.getClass().getDeclaredField(name);
        f.setAccessible(true);
        return f.get(o);
    }

    @Test
    void copy_keepsClassesLengthsIntsZerosSignsAndSharing_changesTheData() throws Exception {
        double[][] d = {{0, -2, 3.5}, {4, Double.NaN, 6}};
        Object m = new dev.selftune.verify.specimens.Matrices.Mat(d);
        Object[] row = {m, m, d[0], 7, "s"};
        Object[] c = Perturbed.copy(row, new Random(1));
        assertNotNull(c);
        assertNotSame(m, c[0]);
        assertSame(c[0], c[1], "one object twice in the row stays one object");
        double[][] cd = (double[][]) field(c[0], "data");
        assertSame(cd[0], c[2], "an array shared between an argument and a field stays shared");
        assertEquals(2, field(c[0], "rows"));
        assertEquals(3, field(c[0], "cols"));
        assertEquals(0.0, cd[0][0], "a zero stays zero");
        assertTrue(cd[0][1] < 0 && cd[0][1] != -2 && cd[0][1] >= -3 && cd[0][1] <= -1, "scaled within [0.5, 1.5) with its sign: " + cd[0][1]);
        assertTrue(Double.isNaN(cd[1][1]));
        assertTrue((double) field(c[0], "scale") != 1.0, "a double field is data too");
        assertEquals(7, c[3]);
        assertSame("s", c[4]);
        assertEquals(-2.0, d[0][1], "the caller's row is untouched");
    }

    @Test
    void copy_aJdkCollectionInside_refusesTheRow() {
        Object t = new dev.selftune.verify.specimens.Matrices.Tagged(new dev.selftune.verify.specimens.Matrices.Mat(new double[][] {{1}}));
        assertNull(Perturbed.copy(new Object[] {t}, new Random(1)));
        assertNull(Perturbed.copy(new Object[] {new double[(int) Perturbed.MAX_ELEMENTS + 1]}, new Random(1)), "too big to copy");
    }

    @Test
    void verificationRows_objectParameterAndFourProviderRows_gainCopiesUpToTheTarget() {
        MethodRef trace = ref(MATRICES, "trace", "(L" + MATRICES.replace('.', '/') + "$Mat;)D");
        ClassLoader l = loader(MATRICES);
        Inputs.VerificationRows v = Inputs.verificationRowsFromCaller(trace, true, Fixtures.provider(MATRICES + "#fourMatrices"), l);
        assertEquals(4, v.fromCaller());
        assertEquals(Perturbed.TARGET_ROWS, v.rows().size(), "four caller rows, the rest copies");
        Object last = v.rows().get(v.rows().size() - 1)[0];
        assertSame(v.rows().get(0)[0].getClass(), last.getClass(), "copies are of the caller rows' class, in the target's loader");
        List<Object[]> again = Inputs.verificationRowsFromCaller(trace, true, Fixtures.provider(MATRICES + "#fourMatrices"), l).rows();
        assertEquals(again.size(), v.rows().size());

        MethodRef tagged = ref(MATRICES, "taggedTrace", "(L" + MATRICES.replace('.', '/') + "$Tagged;)D");
        Inputs.VerificationRows t = Inputs.verificationRowsFromCaller(tagged, true, Fixtures.provider(MATRICES + "#fourTagged"), l);
        assertEquals(4, t.rows().size(), "rows that cannot be copied stay the caller's four");
    }
}
