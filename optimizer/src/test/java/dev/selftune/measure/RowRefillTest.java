package dev.selftune.measure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RowRefillTest {
    @Test
    void refill_afterCallMutatedScratch_restoresPristineContents() {
        int[] a = {3, 1, 2};
        RowRefill r = RowRefill.of(new Object[][] {{a, 7}});
        int[] passed = (int[]) r.refill(0)[0];
        assertNotSame(a, passed);
        Arrays.sort(passed);
        int[] again = (int[]) r.refill(0)[0];
        assertSame(passed, again);
        assertArrayEquals(new int[] {3, 1, 2}, again);
        assertArrayEquals(new int[] {3, 1, 2}, a);
    }

    @Test
    void refill_matrixRowsSwappedAndWritten_restoresRowsAndTheirContents() {
        double[][] m = {{1, 2}, {3, 4}};
        RowRefill r = RowRefill.of(new Object[][] {{m}});
        double[][] passed = (double[][]) r.refill(0)[0];
        double[] row0 = passed[0];
        double[] row1 = passed[1];
        passed[0] = row1;
        passed[1] = new double[] {9, 9};
        row1[0] = -1;
        double[][] again = (double[][]) r.refill(0)[0];
        assertSame(row0, again[0]);
        assertSame(row1, again[1]);
        assertEquals(Arrays.deepToString(m), Arrays.deepToString(again));
    }

    @Test
    void refill_aliasedArguments_stayOneArray() {
        long[] a = {1, 2};
        long[][] shared = {a, a};
        RowRefill r = RowRefill.of(new Object[][] {{a, a, shared}});
        Object[] row = r.refill(0);
        assertSame(row[0], row[1]);
        assertSame(row[0], ((long[][]) row[2])[0]);
        assertSame(row[0], ((long[][]) row[2])[1]);
        ((long[]) row[0])[0] = 5;
        assertArrayEquals(new long[] {1, 2}, (long[]) r.refill(0)[0]);
    }

    @Test
    void refill_nonArrayValues_sharedAndRowsKeptApart() {
        Object receiver = new Object();
        char[] c = {'x'};
        RowRefill r = RowRefill.of(new Object[][] {{receiver, "s", c}, {receiver, null, new char[0]}});
        assertEquals(2, r.size());
        Object[] first = r.refill(0);
        assertSame(receiver, first[0]);
        assertSame("s", first[1]);
        ((char[]) first[2])[0] = 'y';
        Object[] second = r.refill(1);
        assertEquals(0, ((char[]) second[2]).length);
        assertEquals(null, second[1]);
        assertArrayEquals(new char[] {'x'}, (char[]) r.refill(0)[2]);
    }

    @Test
    void refill_selfContainingObjectArray_terminatesAndRestores() {
        Object[] self = new Object[2];
        self[0] = self;
        self[1] = "v";
        RowRefill r = RowRefill.of(new Object[][] {{(Object) self}});
        Object[] passed = (Object[]) r.refill(0)[0];
        assertSame(passed, passed[0]);
        passed[1] = "w";
        assertEquals("v", ((Object[]) r.refill(0)[0])[1]);
    }

    /** columnSums's shape: reads m, writes sums. */
    static void columnSums(double[] m, int rows, int cols, double[] sums) {
        for (int c = 0; c < cols; c++) {
            double s = 0;
            for (int r = 0; r < rows; r++) {
                s += m[r * cols + c];
            }
            sums[c] = s;
        }
    }

    static void fail(int[] a) {
        a[0] = -1;
        throw new IllegalArgumentException("fails after writing");
    }

    private static MethodHandle handle(String name, MethodType type) throws ReflectiveOperationException {
        MethodHandle h = MethodHandles.lookup().findStatic(RowRefillTest.class, name, type);
        return h.asType(h.type().generic()).asSpreader(Object[].class, type.parameterCount());
    }

    @Test
    void probe_readOnlyMatrixBesideWrittenSums_refillsOnlySums() throws Throwable {
        double[] m = {1, 2, 3, 4, 5, 6};
        double[] sums = {7, 7};
        MethodHandle h = handle("columnSums", MethodType.methodType(void.class, double[].class, int.class, int.class, double[].class));
        RowRefill r = RowRefill.of(new Object[][] {{m, 3, 2, sums}}).probe(h);
        assertEquals(1, r.refilledArrays());
        Object[] row = r.refill(0);
        assertArrayEquals(new double[] {7, 7}, (double[]) row[3], 0.0);
        Object ignored = (Object) h.invokeExact(row);
        assertArrayEquals(new double[] {9, 12}, (double[]) row[3], 0.0);
        assertArrayEquals(new double[] {7, 7}, (double[]) r.refill(0)[3], 0.0);
        assertNull(r.intact());
        assertArrayEquals(new double[] {7, 7}, sums, 0.0);
    }

    @Test
    void probe_rowThatThrows_refillsAllItsArrays() throws Throwable {
        MethodHandle h = handle("fail", MethodType.methodType(void.class, int[].class));
        RowRefill r = RowRefill.of(new Object[][] {{new int[] {4}}}).probe(h);
        assertEquals(1, r.refilledArrays());
        assertArrayEquals(new int[] {4}, (int[]) r.refill(0)[0]);
    }

    @Test
    void intact_arrayChangedAfterProbeLeftItOut_namesRowAndArray() throws Throwable {
        double[] m = {1, 2};
        MethodHandle h = handle("columnSums", MethodType.methodType(void.class, double[].class, int.class, int.class, double[].class));
        RowRefill r = RowRefill.of(new Object[][] {{m, 1, 2, new double[2]}}).probe(h);
        ((double[]) r.refill(0)[0])[1] = Double.longBitsToDouble(0x7ff8000000000001L);
        String broken = r.intact();
        assertTrue(broken != null && broken.contains("measurement row 0") && broken.contains("double[] of length 2"), broken);
    }

    static void writeLast(Object state, double[] m, double[] out) {
        out[0] = m[0];
    }

    @Test
    void probe_rowHoldingAnObject_refillsEveryArrayOfThatRowOnly() throws Throwable {
        MethodHandle h = handle("writeLast", MethodType.methodType(void.class, Object.class, double[].class, double[].class));
        RowRefill r = RowRefill.of(new Object[][] {
                {new java.util.concurrent.atomic.AtomicLong(), new double[] {1}, new double[] {0}},
                {"plain", new double[] {2}, new double[] {0}}}).probe(h);
        assertEquals(3, r.refilledArrays());
        Object[] first = r.refill(0);
        ((double[]) first[1])[0] = 5;
        assertArrayEquals(new double[] {1}, (double[]) r.refill(0)[1], 0.0);
    }
}
