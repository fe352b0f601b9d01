package org.example5;

import java.util.Random;

/** Realistic calls for a second set of published library methods (session 26): sizes a caller would pass. */
public final class Pub2Rows {
    private Pub2Rows() { }

    static double[] doubles(Random r, int n) { double[] a = new double[n]; for (int i = 0; i < n; i++) a[i] = r.nextDouble() * 2 - 1; return a; }
    static double[][] matrix(Random r, int m, int n) { double[][] a = new double[m][]; for (int i = 0; i < m; i++) a[i] = doubles(r, n); return a; }

    /** MathEx.transpose(double[][]): square and rectangular matrices. */
    public static Object[][] square() {
        return matrices(new int[][] {{1, 1}, {3, 5}, {64, 64}, {256, 256}, {512, 512}, {300, 700}});
    }

    /* One row per shape: a fresh m x n matrix. */
    static Object[][] matrices(int[][] mn) {
        Random r = new Random(7);
        Object[][] rows = new Object[mn.length][];
        for (int k = 0; k < mn.length; k++) rows[k] = new Object[] {matrix(r, mn[k][0], mn[k][1])};
        return rows;
    }

    /** colSums/colMeans/rowSums(double[][]): a data set, many rows of a few to a few hundred columns. */
    public static Object[][] tall() {
        return matrices(new int[][] {{1, 1}, {10, 3}, {1000, 8}, {10000, 16}, {2000, 100}, {500, 500}});
    }

    /** squaredDistance(double[], double[]). */
    public static Object[][] doublePairs() {
        Random r = new Random(7);
        int[] ns = {0, 1, 16, 1000, 10000, 100000};
        Object[][] rows = new Object[ns.length][];
        for (int k = 0; k < ns.length; k++) rows[k] = new Object[] {doubles(r, ns[k]), doubles(r, ns[k])};
        return rows;
    }

    /** var(double[]): smile requires at least two values. */
    public static Object[][] doubles() {
        Random r = new Random(7);
        int[] ns = {2, 16, 1000, 10000, 100000};
        Object[][] rows = new Object[ns.length][];
        for (int k = 0; k < ns.length; k++) rows[k] = new Object[] {doubles(r, ns[k])};
        return rows;
    }

    /** sum(int[]). */
    public static Object[][] ints() {
        Random r = new Random(7);
        int[] ns = {0, 1, 16, 1000, 10000, 100000};
        Object[][] rows = new Object[ns.length][];
        for (int k = 0; k < ns.length; k++) {
            int[] a = new int[ns[k]];
            for (int i = 0; i < a.length; i++) a[i] = r.nextInt();
            rows[k] = new Object[] {a};
        }
        return rows;
    }

    static long[] longs(Random r, int n) { long[] a = new long[n]; for (int i = 0; i < n; i++) a[i] = r.nextLong(); return a; }

    /** BitUtil.pop_array(long[] arr, int wordOffset, int numWords): a bit set's words, whole or a range. */
    public static Object[][] longRange() {
        Random r = new Random(7);
        int[] ns = {1, 16, 1024, 16384, 65536};
        Object[][] rows = new Object[ns.length * 2][];
        for (int k = 0; k < ns.length; k++) {
            long[] a = longs(r, ns[k]);
            rows[2 * k] = new Object[] {a, 0, a.length};
            rows[2 * k + 1] = new Object[] {a, a.length / 4, a.length / 2};
        }
        return rows;
    }

    /** BitUtil.pop_intersect(long[] a, long[] b, int wordOffset, int numWords). */
    public static Object[][] longPairRange() {
        Random r = new Random(7);
        int[] ns = {1, 16, 1024, 16384, 65536};
        Object[][] rows = new Object[ns.length][];
        for (int k = 0; k < ns.length; k++) rows[k] = new Object[] {longs(r, ns[k]), longs(r, ns[k]), 0, ns[k]};
        return rows;
    }

    static byte[] bytes(Random r, int n) { byte[] a = new byte[n]; r.nextBytes(a); return a; }

    /** StringHelper.murmurhash3_x86_32(byte[] data, int offset, int len, int seed): terms, short to a few KB. */
    public static Object[][] bytesSeeded() {
        Random r = new Random(7);
        int[] ns = {0, 1, 3, 7, 16, 100, 1000, 8192, 65536};
        Object[][] rows = new Object[ns.length][];
        for (int k = 0; k < ns.length; k++) rows[k] = new Object[] {bytes(r, ns[k] + 2), 1, ns[k], 0x9747b28c};
        return rows;
    }

    /** XXHash32JavaSafe.hash(byte[] buf, int off, int len, int seed), an instance method: rows start with the receiver. */
    public static Object[][] xxhash() throws Exception {
        Class<?> c = Class.forName("net.jpountz.xxhash.XXHash32JavaSafe");
        java.lang.reflect.Field f = c.getField("INSTANCE");
        f.setAccessible(true);   // a public field of a package-private class
        Object instance = f.get(null);
        Random r = new Random(7);
        int[] ns = {0, 1, 15, 16, 100, 1000, 8192, 65536};
        Object[][] rows = new Object[ns.length][];
        for (int k = 0; k < ns.length; k++) rows[k] = new Object[] {instance, bytes(r, ns[k] + 3), 3, ns[k], 0x9747b28c};
        return rows;
    }

    /** ArrayUtils.reverse(int[] array, int startIndexInclusive, int endIndexExclusive). */
    public static Object[][] intRange() {
        Random r = new Random(7);
        int[] ns = {0, 1, 2, 17, 1000, 100000};
        Object[][] rows = new Object[ns.length * 2][];
        for (int k = 0; k < ns.length; k++) {
            int[] a = new int[ns[k]];
            for (int i = 0; i < a.length; i++) a[i] = r.nextInt();
            rows[2 * k] = new Object[] {a, 0, a.length};
            rows[2 * k + 1] = new Object[] {a.clone(), a.length / 3, a.length};
        }
        return rows;
    }
}
