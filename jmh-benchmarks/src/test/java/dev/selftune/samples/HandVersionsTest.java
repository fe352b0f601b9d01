package dev.selftune.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The hand-written versions compute what the originals compute: bit-exact, or within a relative
 * 1e-9 (absolute below magnitude 1) for the reassociated floating-point reductions.
 */
class HandVersionsTest {
    private static final int[] LENGTHS = {0, 1, 2, 3, 4, 5, 7, 8, 31, 64, 1000, 5553, 12_001};
    private static final double FP_TOLERANCE = 1e-9;

    private final Random rnd = new Random(BenchData.SEED);

    private static void assertClose(double expected, double actual) {
        if (Double.isNaN(expected)) {
            assertTrue(Double.isNaN(actual), "expected NaN, got " + actual);
            return;
        }
        double allowed = FP_TOLERANCE * Math.max(1, Math.abs(expected));
        assertTrue(Math.abs(expected - actual) <= allowed, "expected " + expected + " ± " + allowed + ", got " + actual);
    }

    @Test
    void matrixMultiplyHand_squareAndRectangular_isBitExact() {
        for (int[] shape : new int[][] {{0, 0, 0}, {1, 1, 1}, {3, 5, 2}, {17, 9, 33}, {64, 64, 64}}) {
            double[][] a = BenchData.matrix(rnd, shape[0], shape[1]);
            double[][] b = BenchData.matrix(rnd, shape[1], shape[2]);
            double[][] expected = MatrixMultiply.multiply(a, b);
            double[][] actual = MatrixMultiplyHand.multiply(a, b);
            assertEquals(expected.length, actual.length);
            for (int i = 0; i < expected.length; i++) {
                assertArrayEquals(expected[i], actual[i]);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> MatrixMultiplyHand.multiply(new double[2][3], new double[2][2]));
    }

    @Test
    void dotProductHand_anyLength_isWithinTolerance() {
        for (int n : LENGTHS) {
            double[] a = BenchData.doubles(rnd, n);
            double[] b = BenchData.doubles(rnd, n);
            assertClose(DotProduct.dot(a, b), DotProductHand.dot(a, b));
        }
        assertThrows(IllegalArgumentException.class, () -> DotProductHand.dot(new double[1], new double[2]));
    }

    @Test
    void sortingHand_anyLength_isBitExact() {
        for (int n : LENGTHS) {
            int[] data = BenchData.ints(rnd, n);
            int[] expected = data.clone();
            Sorting.sort(expected);
            int[] actual = data.clone();
            SortingHand.sort(actual);
            assertArrayEquals(expected, actual);
        }
    }

    @Test
    void prefixSumHand_anyLength_isBitExact() {
        for (int n : LENGTHS) {
            long[] a = BenchData.longs(rnd, n);
            assertArrayEquals(PrefixSum.prefixSums(a), PrefixSumHand.prefixSums(a));
        }
    }

    @Test
    void histogramHand_powerOfTwoAndOtherBins_isBitExact() {
        for (int n : LENGTHS) {
            int[] values = BenchData.ints(rnd, n);
            for (int bins : new int[] {1, 2, 3, 7, 256, 1000, 1024}) {
                assertArrayEquals(Histogram.histogram(values, bins), HistogramHand.histogram(values, bins));
            }
        }
        int[] extremes = {Integer.MIN_VALUE, Integer.MAX_VALUE, -1, 0};
        assertArrayEquals(Histogram.histogram(extremes, 8), HistogramHand.histogram(extremes, 8));
        assertThrows(IllegalArgumentException.class, () -> HistogramHand.histogram(new int[1], 0));
    }

    @Test
    void polynomialHashHand_stringsAndBytes_isBitExact() {
        for (int n : LENGTHS) {
            String s = BenchData.text(rnd, n, "abcXYZ \u00e9\u4e2d");
            byte[] b = BenchData.bytes(rnd, n);
            assertEquals(PolynomialHash.hash(s), PolynomialHashHand.hash(s));
            assertEquals(PolynomialHash.hash(b), PolynomialHashHand.hash(b));
        }
    }

    @Test
    void transposeHand_squareAndRectangular_isBitExact() {
        for (int[] shape : new int[][] {{0, 0}, {1, 1}, {3, 70}, {33, 31}, {100, 100}}) {
            double[][] a = BenchData.matrix(rnd, shape[0], shape[1]);
            double[][] expected = Transpose.transpose(a);
            double[][] actual = TransposeHand.transpose(a);
            assertEquals(expected.length, actual.length);
            for (int i = 0; i < expected.length; i++) {
                assertArrayEquals(expected[i], actual[i]);
            }
        }
    }

    @Test
    void stringSearchHand_randomTextsAndPatterns_isBitExact() {
        for (int round = 0; round < 2000; round++) {
            String text = BenchData.text(rnd, rnd.nextInt(40), "abc");
            String pattern = BenchData.text(rnd, rnd.nextInt(5), "abc");
            assertEquals(StringSearch.indexOf(text, pattern), StringSearchHand.indexOf(text, pattern), text + " / " + pattern);
        }
    }

    @Test
    void editDistanceHand_randomPairs_isBitExact() {
        for (int round = 0; round < 500; round++) {
            String a = BenchData.text(rnd, rnd.nextInt(20), "ACGT");
            String b = BenchData.text(rnd, rnd.nextInt(20), "ACGT");
            assertEquals(EditDistance.distance(a, b), EditDistanceHand.distance(a, b), a + " / " + b);
        }
    }

    @Test
    void hammingHand_anyLength_isExact() {
        for (int n : LENGTHS) {
            long[] a = BenchData.longs(rnd, n);
            long[] b = BenchData.longs(rnd, n);
            assertEquals(Hamming.distance(a, b), HammingHand.distance(a, b), "n=" + n);
        }
        assertThrows(IllegalArgumentException.class, () -> HammingHand.distance(new long[1], new long[2]));
    }

    @Test
    void columnStatsHand_shapesAndShortArrays_isBitExactAndThrowsAlike() {
        int[][] shapes = {{0, 0}, {1, 1}, {3, 17}, {17, 3}, {64, 64}, {300, 7}};
        for (int[] sh : shapes) {
            double[] m = BenchData.doubles(rnd, sh[0] * sh[1]);
            double[] want = new double[sh[1] + 1];
            double[] got = new double[sh[1] + 1];
            java.util.Arrays.fill(want, 5);
            java.util.Arrays.fill(got, 5);
            ColumnStats.columnSums(m, sh[0], sh[1], want);
            ColumnStatsHand.columnSums(m, sh[0], sh[1], got);
            assertArrayEquals(want, got, 0.0, sh[0] + "x" + sh[1]);
        }
        assertThrows(IllegalArgumentException.class, () -> ColumnStatsHand.columnSums(new double[5], 2, 3, new double[3]));
        assertThrows(IllegalArgumentException.class, () -> ColumnStatsHand.columnSums(new double[6], 2, 3, new double[2]));
    }

    @Test
    void checksumHand_blockBoundariesAndAllOnes_isBitExact() {
        for (int n : LENGTHS) {
            byte[] random = BenchData.bytes(rnd, n);
            byte[] ones = new byte[n];
            java.util.Arrays.fill(ones, (byte) 0xff);
            assertEquals(Checksum.adler32(random), ChecksumHand.adler32(random));
            assertEquals(Checksum.adler32(ones), ChecksumHand.adler32(ones));
        }
    }

    @Test
    void statisticsHand_sumOfSquaresExact_varianceWithinTolerance() {
        for (int n : LENGTHS) {
            int[] ints = BenchData.ints(rnd, n);
            double[] doubles = BenchData.doubles(rnd, n);
            assertEquals(Statistics.sumOfSquares(ints), StatisticsHand.sumOfSquares(ints));
            assertClose(Statistics.variance(doubles), StatisticsHand.variance(doubles));
        }
    }

    @Test
    void matrixVectorHand_anyShape_isWithinTolerance() {
        for (int[] shape : new int[][] {{0, 3}, {1, 1}, {5, 7}, {64, 513}}) {
            double[][] m = BenchData.matrix(rnd, shape[0], shape[1]);
            double[] v = BenchData.doubles(rnd, shape[1]);
            double[] expected = MatrixVector.multiply(m, v);
            double[] actual = MatrixVectorHand.multiply(m, v);
            assertEquals(expected.length, actual.length);
            for (int i = 0; i < expected.length; i++) {
                assertClose(expected[i], actual[i]);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> MatrixVectorHand.multiply(new double[2][3], new double[2]));
    }

    @Test
    void stridedVectorsHand_sumAnyStrideAndLength_isWithinTolerance() {
        for (int n : LENGTHS) {
            double[] x = BenchData.doubles(rnd, 3 * n + 4);
            for (int stride : new int[] {1, 2, 3, 0}) {
                for (int offset : new int[] {0, 1, 3}) {
                    assertClose(StridedVectors.sum(x, offset, stride, n), StridedVectorsHand.sum(x, offset, stride, n));
                }
            }
        }
        assertThrows(ArrayIndexOutOfBoundsException.class, () -> StridedVectorsHand.sum(new double[4], 2, 1, 3));
    }

    @Test
    void stridedVectorsHand_axpyAnyStrideAndLength_isBitExact() {
        for (int n : LENGTHS) {
            double[] x = BenchData.doubles(rnd, 2 * n + 3);
            double[] y = BenchData.doubles(rnd, 2 * n + 3);
            for (int inc : new int[] {1, 2}) {
                double[] expected = y.clone();
                double[] actual = y.clone();
                StridedVectors.axpy(n, 0.75, x, 1, inc, expected, 2, inc);
                StridedVectorsHand.axpy(n, 0.75, x, 1, inc, actual, 2, inc);
                assertArrayEquals(expected, actual);
            }
        }
        double[] expected = {0, 0};
        double[] actual = {0, 0};
        assertThrows(ArrayIndexOutOfBoundsException.class, () -> StridedVectors.axpy(3, 1, new double[] {1, 2, 3}, 0, 1, expected, 0, 1));
        assertThrows(ArrayIndexOutOfBoundsException.class, () -> StridedVectorsHand.axpy(3, 1, new double[] {1, 2, 3}, 0, 1, actual, 0, 1));
        assertArrayEquals(expected, actual, "the same elements were written before the throw");
    }

    @Test
    void flatMatrixMultiplyHand_separateAndInPlace_isBitExact() {
        for (int[] s : new int[][] {{0, 0, 0}, {1, 1, 1}, {3, 4, 5}, {17, 9, 33}, {64, 64, 64}}) {
            double[] a = BenchData.doubles(rnd, s[0] * s[2]);
            double[] b = BenchData.doubles(rnd, s[2] * s[1]);
            double[] c = BenchData.doubles(rnd, s[0] * s[1]);
            double[] expected = c.clone();
            double[] actual = c.clone();
            FlatMatrixMultiply.multiplyAdd(a, b, expected, s[0], s[1], s[2]);
            FlatMatrixMultiplyHand.multiplyAdd(a, b, actual, s[0], s[1], s[2]);
            assertArrayEquals(expected, actual);
        }
        double[] a = BenchData.doubles(rnd, 16);
        double[] b = BenchData.doubles(rnd, 16);
        double[] a2 = a.clone();
        FlatMatrixMultiply.multiplyAdd(a, b, a, 4, 4, 4);
        FlatMatrixMultiplyHand.multiplyAdd(a2, b, a2, 4, 4, 4);
        assertArrayEquals(a, a2, "c is a: the original order");
        assertThrows(IllegalArgumentException.class,
                () -> FlatMatrixMultiplyHand.multiplyAdd(new double[4], new double[4], new double[3], 2, 2, 2));
    }

    @Test
    void signalLevelHand_anyLengthAndBand_isBitExact() {
        for (int n : LENGTHS) {
            double[] data = BenchData.doubles(rnd, n + 3);
            for (double[] band : new double[][] {{1_000, 6, 0.7}, {120, -3, 1.4}, {30_000, 60, 0}}) {
                Signal s = new Signal(data, n, 48_000, band[0], band[1], band[2]);
                assertEquals(SignalLevel.energy(s), SignalLevelHand.energy(s));
            }
        }
        assertThrows(NullPointerException.class, () -> SignalLevelHand.energy(null));
        assertThrows(ArrayIndexOutOfBoundsException.class,
                () -> SignalLevelHand.energy(new Signal(new double[1], 2, 48_000, 1_000, 0, 1)));
    }
}
