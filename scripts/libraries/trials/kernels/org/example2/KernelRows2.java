package org.example2;

import java.util.Random;

/** Calls as callers make them. */
public final class KernelRows2 {
    private KernelRows2() { }

    static double[] doubles(Random r, int n) { double[] a = new double[n]; for (int i = 0; i < n; i++) a[i] = r.nextDouble() * 2 - 1; return a; }
    static float[] floats(Random r, int n) { float[] a = new float[n]; for (int i = 0; i < n; i++) a[i] = r.nextFloat(); return a; }
    static int[] ints(Random r, int n, int bound) { int[] a = new int[n]; for (int i = 0; i < n; i++) a[i] = r.nextInt(bound) - bound / 2; return a; }

    public static Object[][] argmax() {
        Random r = new Random(7);
        int[] ns = {0, 1, 7, 1000, 10000, 100000};
        Object[][] rows = new Object[ns.length][];
        for (int k = 0; k < ns.length; k++) rows[k] = new Object[] {doubles(r, ns[k])};
        return rows;
    }

    public static Object[][] conv3x3() {
        Random r = new Random(7);
        int[][] shapes = {{3, 3}, {16, 9}, {64, 64}, {320, 240}, {640, 48}};
        Object[][] rows = new Object[shapes.length][];
        for (int k = 0; k < shapes.length; k++) {
            int w = shapes[k][0], h = shapes[k][1];
            rows[k] = new Object[] {floats(r, w * h), new float[w * h], w, h, floats(r, 9)};
        }
        return rows;
    }

    public static Object[][] syrkLower() {
        Random r = new Random(7);
        int[][] shapes = {{1, 1}, {4, 9}, {32, 32}, {96, 64}, {160, 40}};
        Object[][] rows = new Object[shapes.length][];
        for (int k = 0; k < shapes.length; k++) {
            int n = shapes[k][0], m = shapes[k][1];
            double[][] a = new double[n][];
            for (int i = 0; i < n; i++) a[i] = doubles(r, m);
            double[][] c = new double[n][n];
            rows[k] = new Object[] {a, c};
        }
        return rows;
    }

    public static Object[][] daxpy() {
        Random r = new Random(7);
        int[] ns = {0, 1, 17, 1000, 65536, 4096};
        Object[][] rows = new Object[ns.length][];
        for (int k = 0; k < ns.length; k++) {
            int n = ns[k];
            rows[k] = new Object[] {n, 0.5 + k, doubles(r, n + 3), 3, 1, doubles(r, n), 0, 1};
        }
        return rows;
    }

    public static Object[][] daxpy12() {
        Random r = new Random(7);
        int[] ns = {0, 1, 17, 1000, 65536, 4096, 3, 64, 100, 2048, 30000, 512};
        Object[][] rows = new Object[ns.length][];
        for (int k = 0; k < ns.length; k++) {
            int n = ns[k];
            rows[k] = new Object[] {n, 0.5 + k, doubles(r, n + 3), 3, 1, doubles(r, n), 0, 1};
        }
        return rows;
    }

    public static Object[][] cardinality() {
        Random r = new Random(7);
        int[] ns = {0, 1, 3, 1024, 16384, 100000};
        Object[][] rows = new Object[ns.length][];
        for (int k = 0; k < ns.length; k++) {
            long[] w = new long[ns[k]];
            for (int i = 0; i < w.length; i++) w[i] = r.nextLong();
            rows[k] = new Object[] {w};
        }
        return rows;
    }

    public static Object[][] normalizeRows() {
        Random r = new Random(7);
        int[][] shapes = {{1, 1}, {3, 5}, {100, 100}, {1000, 64}, {64, 2000}};
        Object[][] rows = new Object[shapes.length][];
        for (int k = 0; k < shapes.length; k++) {
            double[][] m = new double[shapes[k][0]][];
            for (int i = 0; i < m.length; i++) m[i] = doubles(r, shapes[k][1]);
            rows[k] = new Object[] {m};
        }
        return rows;
    }

    public static Object[][] byteHistogram() {
        Random r = new Random(7);
        int[] ns = {0, 1, 100, 4096, 65536, 1 << 20};
        Object[][] rows = new Object[ns.length][];
        for (int k = 0; k < ns.length; k++) {
            byte[] d = new byte[ns[k] + 8];
            r.nextBytes(d);
            rows[k] = new Object[] {d, 8, ns[k], new int[256]};
        }
        return rows;
    }

    public static Object[][] manhattan() {
        Random r = new Random(7);
        int[] ns = {0, 1, 13, 1000, 50000, 200000};
        Object[][] rows = new Object[ns.length][];
        for (int k = 0; k < ns.length; k++) rows[k] = new Object[] {ints(r, ns[k], 10000), ints(r, ns[k], 10000)};
        return rows;
    }

    public static Object[][] range() {
        Random r = new Random(7);
        int[] ns = {0, 1, 13, 1000, 50000, 200000};
        Object[][] rows = new Object[ns.length][];
        for (int k = 0; k < ns.length; k++) rows[k] = new Object[] {ints(r, ns[k], 1 << 30)};
        return rows;
    }

    public static Object[][] sad() {
        Random r = new Random(7);
        int[] ns = {0, 1, 16, 64, 256, 4096, 65536};
        Object[][] rows = new Object[ns.length][];
        for (int k = 0; k < ns.length; k++) {
            byte[] a = new byte[ns[k] + 5], b = new byte[ns[k] + 9];
            r.nextBytes(a); r.nextBytes(b);
            rows[k] = new Object[] {a, 5, b, 9, ns[k]};
        }
        return rows;
    }
}
