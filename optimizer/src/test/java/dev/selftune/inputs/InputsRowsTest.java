package dev.selftune.inputs;

import static dev.selftune.inputs.Fixtures.COUNTER;
import static dev.selftune.inputs.Fixtures.LOOPS;
import static dev.selftune.inputs.Fixtures.SHAPES;
import static dev.selftune.inputs.Fixtures.loader;
import static dev.selftune.inputs.Fixtures.ref;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.MethodRef;
import dev.selftune.api.TuneException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputsRowsTest {
    private static final MethodRef SUM = ref(LOOPS, "sumSeq", "([D)D");

    @Test
    void verificationRows_generated_atLeast1000DeterministicAndFresh() {
        ClassLoader l = loader(LOOPS);
        List<Object[]> a = Inputs.verificationRows(SUM, true, Fixtures.generated(), l);
        List<Object[]> b = Inputs.verificationRows(SUM, true, Fixtures.generated(), l);
        assertTrue(a.size() >= 1000, "rows: " + a.size());
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertTrue(Arrays.deepEquals(a.get(i), b.get(i)), "row " + i + " differs between calls");
            assertTrue(a.get(i)[0] == null || a.get(i)[0] != b.get(i)[0], "row " + i + " shares its array");
        }
    }

    @Test
    void verificationRows_doubleArrays_coverEdgeCases() {
        List<Object[]> rows = Inputs.verificationRows(SUM, true, Fixtures.generated(), loader(LOOPS));
        boolean empty = false, one = false, odd = false, nan = false, negZero = false, inf = false, big = false;
        for (Object[] r : rows) {
            double[] d = r[0] == null ? new double[] {0.0} : (double[]) r[0];
            empty |= d.length == 0;
            one |= d.length == 1;
            odd |= d.length > 1 && d.length % 2 == 1;
            big |= d.length == 1024;
            for (double x : d) {
                nan |= Double.isNaN(x);
                negZero |= Double.doubleToRawLongBits(x) == Long.MIN_VALUE;
                inf |= Double.isInfinite(x);
            }
        }
        assertTrue(empty && one && odd && nan && negZero && inf && big,
                "empty " + empty + " one " + one + " odd " + odd + " NaN " + nan + " -0.0 " + negZero + " inf " + inf + " size " + big);
    }

    @Test
    void verificationRows_ints_includeSmallNonNegativeAndExtremes() {
        List<Object[]> rows = Inputs.verificationRows(ref(LOOPS, "divide", "(II)I"), true, Fixtures.generated(), loader(LOOPS));
        boolean small = false, min = false, max = false, negative = false;
        for (Object[] r : rows) {
            int x = (Integer) r[0];
            small |= x >= 0 && x <= 16;
            min |= x == Integer.MIN_VALUE;
            max |= x == Integer.MAX_VALUE;
            negative |= x < 0 && x >= -16;
        }
        assertTrue(small && min && max && negative);
    }

    @Test
    void verificationRows_matrices_squareWithSideFromSize() {
        MethodRef mm = ref(LOOPS, "matmul", "([[D[[D[[DI)V");
        List<Object[]> rows = Inputs.verificationRows(mm, true, new InputSource(1, new int[] {65536}, null, null), loader(LOOPS));
        Object[] last = rows.get(rows.size() - 1);
        double[][] a = (double[][]) last[0];
        assertEquals(256, a.length);
        assertEquals(256, a[0].length);
        assertEquals(256, last[3]);
    }

    @Test
    void verificationRows_instanceMethod_receiverFromLoaderFirst() throws Exception {
        ClassLoader l = loader(COUNTER);
        List<Object[]> rows = Inputs.verificationRows(ref(COUNTER, "add", "([I)J"), false, Fixtures.generated(), l);
        Class<?> owner = Class.forName(COUNTER, false, l);
        assertTrue(owner.isInstance(rows.get(0)[0]));
        assertNotSame(rows.get(0)[0], rows.get(1)[0]);
    }

    @Test
    void verificationRows_providerRowsFirstThenGenerated() {
        List<Object[]> rows = Inputs.verificationRows(ref(SHAPES, "pick", "([II)I"), true, Fixtures.provider(SHAPES + "#good"), loader(SHAPES));
        assertArrayEquals(new int[] {1, 2, 3}, (int[]) rows.get(0)[0]);
        assertEquals(1, rows.get(0)[1]);
        assertTrue(rows.size() >= 1002);
    }

    private static MethodHandle probe(ClassLoader l, String owner, String name, MethodType type) throws Exception {
        Class<?> c = Class.forName(owner, true, l);
        return MethodHandles.publicLookup().findStatic(c, name, type);
    }

    @Test
    void measurementRows_rangeWithInclusiveEnd_picksZeroToNMinusOne() throws Exception {
        ClassLoader l = loader(SHAPES);
        MethodHandle h = probe(l, SHAPES, "rangeSum", MethodType.methodType(long.class, int[].class, int.class, int.class));
        List<Object[]> rows = Inputs.measurementRows(ref(SHAPES, "rangeSum", "([III)J"), true,
                new InputSource(3, new int[] {16, 1024}, null, null), l, h);
        assertEquals(2, rows.size());
        assertEquals(1024, ((int[]) rows.get(1)[0]).length);
        assertEquals(0, rows.get(1)[1]);
        assertEquals(1023, rows.get(1)[2]);
    }

    @Test
    void measurementRows_histogram_fallsBackToSmallValues() throws Exception {
        ClassLoader l = loader(SHAPES);
        MethodHandle h = probe(l, SHAPES, "histogram", MethodType.methodType(int[].class, int[].class, int.class));
        List<Object[]> rows = Inputs.measurementRows(ref(SHAPES, "histogram", "([II)[I"), true,
                new InputSource(3, new int[] {1024}, null, null), l, h);
        assertEquals(1, rows.size());
        for (int x : (int[]) rows.get(0)[0]) {
            assertTrue(x >= 0 && x < (Integer) rows.get(0)[1]);
        }
    }

    @Test
    void measurementRows_deterministicAndFresh() throws Exception {
        ClassLoader l = loader(SHAPES);
        MethodHandle h = probe(l, SHAPES, "rangeSum", MethodType.methodType(long.class, int[].class, int.class, int.class));
        MethodRef m = ref(SHAPES, "rangeSum", "([III)J");
        InputSource src = new InputSource(3, new int[] {64}, null, null);
        Object[] a = Inputs.measurementRows(m, true, src, l, h).get(0);
        Object[] b = Inputs.measurementRows(m, true, src, l, h).get(0);
        assertTrue(Arrays.deepEquals(a, b));
        assertNotSame(a[0], b[0]);
    }

    @Test
    void measurementRows_targetThrowsOnEverything_advisesInputs() throws Exception {
        ClassLoader l = loader(SHAPES);
        MethodHandle h = probe(l, SHAPES, "refuses", MethodType.methodType(int.class, int[].class));
        TuneException e = assertThrows(TuneException.class, () -> Inputs.measurementRows(ref(SHAPES, "refuses", "([I)I"), true,
                Fixtures.generated(), l, h));
        assertTrue(e.getMessage().contains("throws on every") && e.getMessage().contains("--inputs"), e.getMessage());
    }

    @Test
    void measurementRows_provider_usesItsRows() throws Exception {
        ClassLoader l = loader(SHAPES);
        MethodHandle h = probe(l, SHAPES, "pick", MethodType.methodType(int.class, int[].class, int.class));
        List<Object[]> rows = Inputs.measurementRows(ref(SHAPES, "pick", "([II)I"), true, Fixtures.provider(SHAPES + "#good"), l, h);
        assertEquals(2, rows.size());
    }

    @Test
    void measurementRows_instanceMethod_receiverFirstOnePerSize() throws Exception {
        ClassLoader l = loader(COUNTER);
        Class<?> c = Class.forName(COUNTER, true, l);
        MethodHandle h = MethodHandles.privateLookupIn(c, MethodHandles.lookup())
                .findVirtual(c, "add", MethodType.methodType(long.class, int[].class));
        List<Object[]> rows = Inputs.measurementRows(ref(COUNTER, "add", "([I)J"), false,
                new InputSource(3, new int[] {16, 1024}, null, null), l, h);
        assertEquals(2, rows.size());
        assertTrue(c.isInstance(rows.get(1)[0]));
        assertEquals(1024, ((int[]) rows.get(1)[1]).length);
    }

    @Test
    void copyRow_deepCopiesArraysSharesStringsAndReceivers() {
        Object receiver = new Object();
        double[][] m = {{1, 2}, {3, 4}};
        int[] a = {1, 2};
        String s = "abc";
        Object[] row = {receiver, a, m, s, 5};
        Object[] c = Inputs.copyRow(row);
        assertSame(receiver, c[0]);
        assertNotSame(a, c[1]);
        assertArrayEquals(a, (int[]) c[1]);
        assertNotSame(m, c[2]);
        assertNotSame(m[0], ((double[][]) c[2])[0]);
        assertTrue(Arrays.deepEquals(m, (double[][]) c[2]));
        assertSame(s, c[3]);
        assertEquals(5, c[4]);
        ((int[]) c[1])[0] = 99;
        assertEquals(1, a[0]);
    }
}
