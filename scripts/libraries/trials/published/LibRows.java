package org.example4;

import java.util.Arrays;
import java.util.Random;

/** Realistic calls for published library methods (issue 6 trial batch, session 22). */
public final class LibRows {
    private LibRows() { }

    static int[] ints(Random r, int n, int bound) { int[] a = new int[n]; for (int i = 0; i < n; i++) a[i] = r.nextInt(2 * bound) - bound; return a; }
    static double[] doubles(Random r, int n) { double[] a = new double[n]; for (int i = 0; i < n; i++) a[i] = r.nextDouble() * 2 - 1; return a; }

    /** MathArrays.distance1/distanceInf(int[], int[]). */
    public static Object[][] intPairs() {
        Random r = new Random(7);
        int[] ns = {0, 1, 16, 1000, 10000, 100000};
        Object[][] rows = new Object[ns.length][];
        for (int k = 0; k < ns.length; k++) rows[k] = new Object[] {ints(r, ns[k], 1000), ints(r, ns[k], 1000)};
        return rows;
    }

    /** StatUtils.sumDifference(double[], double[]). */
    public static Object[][] doublePairs() {
        Random r = new Random(7);
        int[] ns = {1, 16, 1000, 10000, 100000};
        Object[][] rows = new Object[ns.length][];
        for (int k = 0; k < ns.length; k++) rows[k] = new Object[] {doubles(r, ns[k]), doubles(r, ns[k])};
        return rows;
    }

    /** MathArrays.convolve(x, h): a signal and a short filter. */
    public static Object[][] convolve() {
        Random r = new Random(7);
        int[][] nm = {{1, 1}, {64, 8}, {1000, 16}, {10000, 32}, {20000, 64}};
        Object[][] rows = new Object[nm.length][];
        for (int k = 0; k < nm.length; k++) rows[k] = new Object[] {doubles(r, nm[k][0]), doubles(r, nm[k][1])};
        return rows;
    }

    /** Colt Partitioning.partition(int[] list, int from, int to, int splitter). */
    public static Object[][] partition() {
        Random r = new Random(7);
        int[] ns = {1, 16, 1000, 10000, 100000};
        Object[][] rows = new Object[ns.length][];
        for (int k = 0; k < ns.length; k++) {
            int[] a = ints(r, ns[k], 1_000_000);
            rows[k] = new Object[] {a, 0, a.length - 1, a[r.nextInt(a.length)]};
        }
        return rows;
    }

    /** Colt Sorting.mergeSortInPlace(int[] a, int from, int to): to exclusive. */
    public static Object[][] mergeSort() {
        Random r = new Random(7);
        int[] ns = {0, 1, 7, 100, 1000, 10000};
        Object[][] rows = new Object[ns.length][];
        for (int k = 0; k < ns.length; k++) {
            int[] a = ints(r, ns[k], 1_000_000);
            rows[k] = new Object[] {a, 0, a.length};
        }
        return rows;
    }

    static char[] sortedChars(Random r, int n) {
        java.util.TreeSet<Character> s = new java.util.TreeSet<>();
        while (s.size() < n) s.add((char) r.nextInt(65536));
        char[] c = new char[n + 8];
        int i = 0;
        for (char x : s) c[i++] = x;
        return c;
    }

    /** RoaringBitmap Util.unsignedLocalIntersect2by2Cardinality(set1, length1, set2, length2). */
    public static Object[][] intersect() {
        Random r = new Random(7);
        int[][] nm = {{0, 5}, {10, 10}, {100, 4000}, {4000, 4000}, {2000, 300}};
        Object[][] rows = new Object[nm.length][];
        for (int k = 0; k < nm.length; k++) rows[k] = new Object[] {sortedChars(r, nm[k][0]), nm[k][0], sortedChars(r, nm[k][1]), nm[k][1]};
        return rows;
    }

    /** RoaringBitmap Util.cardinalityInBitmapRange(long[] bitmap, int start, int end). */
    public static Object[][] bitmapRange() {
        Random r = new Random(7);
        Object[][] rows = new Object[6][];
        for (int k = 0; k < rows.length; k++) {
            long[] b = new long[1024];
            for (int i = 0; i < b.length; i++) b[i] = r.nextLong();
            int start = r.nextInt(1000);
            int end = start + (k == 0 ? 0 : r.nextInt(65536 - start));
            rows[k] = new Object[] {b, start, end};
        }
        return rows;
    }

    static boolean[] bools(Random r, int n) { boolean[] a = new boolean[n]; for (int i = 0; i < n; i++) a[i] = r.nextInt(3) == 0; return a; }

    /** Guava Booleans.countTrue(boolean...). */
    public static Object[][] countTrue() {
        Random r = new Random(7);
        int[] ns = {0, 1, 16, 1000, 10000, 100000};
        Object[][] rows = new Object[ns.length][];
        for (int k = 0; k < ns.length; k++) rows[k] = new Object[] {bools(r, ns[k])};
        return rows;
    }

    /** Guava Bytes.indexOf(byte[] array, byte[] target): a short needle in text, sometimes absent. */
    public static Object[][] bytesIndexOf() {
        Random r = new Random(7);
        int[] ns = {0, 5, 100, 4096, 65536};
        Object[][] rows = new Object[ns.length * 2][];
        for (int k = 0; k < rows.length; k++) {
            byte[] t = new byte[ns[k % ns.length]];
            for (int i = 0; i < t.length; i++) t[i] = (byte) ('a' + r.nextInt(20));
            byte[] needle = {'x', 'y', 'z'};
            if (k >= ns.length && t.length > 10) {
                int at = t.length - 5;
                System.arraycopy(needle, 0, t, at, 3);
            }
            rows[k] = new Object[] {t, needle};
        }
        return rows;
    }

    /** Guava DoubleMath.mean(int...). */
    public static Object[][] meanInts() {
        Random r = new Random(7);
        int[] ns = {1, 16, 1000, 10000, 100000};
        Object[][] rows = new Object[ns.length][];
        for (int k = 0; k < ns.length; k++) rows[k] = new Object[] {ints(r, ns[k], 100000)};
        return rows;
    }

    /** commons-codec Hex.decodeHex(char[] data, byte[] out, int outOffset). */
    public static Object[][] decodeHex() {
        Random r = new Random(7);
        int[] ns = {0, 2, 32, 1024, 65536};
        char[] digits = "0123456789abcdefABCDEF".toCharArray();
        Object[][] rows = new Object[ns.length][];
        for (int k = 0; k < ns.length; k++) {
            char[] c = new char[ns[k]];
            for (int i = 0; i < c.length; i++) c[i] = digits[r.nextInt(digits.length)];
            rows[k] = new Object[] {c, new byte[ns[k] / 2], 0};
        }
        return rows;
    }

    /** commons-codec MurmurHash2.hash64(byte[] data, int length, int seed). */
    public static Object[][] murmur2() {
        Random r = new Random(7);
        int[] ns = {0, 7, 64, 1024, 65536};
        Object[][] rows = new Object[ns.length][];
        for (int k = 0; k < ns.length; k++) {
            byte[] b = new byte[ns[k]];
            r.nextBytes(b);
            rows[k] = new Object[] {b, b.length, 0xe17a1465};
        }
        return rows;
    }

    /** Guava Utf8.isWellFormed(byte[] bytes, int off, int len): mostly ASCII text with some multi-byte characters. */
    public static Object[][] utf8() {
        Random r = new Random(7);
        int[] ns = {0, 10, 1000, 20000};
        Object[][] rows = new Object[ns.length * 2][];
        for (int k = 0; k < rows.length; k++) {
            StringBuilder s = new StringBuilder();
            int n = ns[k % ns.length];
            for (int i = 0; i < n; i++) s.append(k >= ns.length && r.nextInt(20) == 0 ? (char) (0x400 + r.nextInt(200)) : (char) ('a' + r.nextInt(26)));
            byte[] b = s.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            rows[k] = new Object[] {b, 0, b.length};
        }
        return rows;
    }

    /** commons-math3 PolynomialFunctionNewtonForm.evaluate(double[] a, double[] c, double z). */
    public static Object[][] newton() {
        Random r = new Random(7);
        int[] ns = {1, 4, 16, 64, 1000};
        Object[][] rows = new Object[ns.length * 2][];
        for (int k = 0; k < rows.length; k++) {
            int n = ns[k % ns.length];
            rows[k] = new Object[] {doubles(r, n + 1), doubles(r, n), r.nextDouble()};
        }
        return rows;
    }
}
