package org.example;

import java.util.Random;

/** Calls as callers make them. */
public final class KernelRows {
    private KernelRows() { }

    static double[] doubles(Random r, int n) { double[] a = new double[n]; for (int i = 0; i < n; i++) a[i] = r.nextDouble() * 2 - 1; return a; }
    static double[][] grid(Random r, int n) { double[][] g = new double[n][]; for (int i = 0; i < n; i++) g[i] = doubles(r, n); return g; }

    public static Object[][] jacobi() {
        Random r = new Random(7);
        int[] ns = {3, 16, 64, 256, 512};
        Object[][] rows = new Object[ns.length][];
        for (int k = 0; k < ns.length; k++) rows[k] = new Object[] {grid(r, ns[k]), grid(r, ns[k])};
        return rows;
    }

    public static Object[][] fir() {
        Random r = new Random(7);
        int[][] shapes = {{1, 1}, {16, 4}, {1000, 16}, {4096, 32}, {16384, 64}};
        Object[][] rows = new Object[shapes.length][];
        for (int k = 0; k < shapes.length; k++) {
            int n = shapes[k][0], t = shapes[k][1];
            rows[k] = new Object[] {doubles(r, n + t - 1), doubles(r, t), new double[n]};
        }
        return rows;
    }

    public static Object[][] horner() {
        Random r = new Random(7);
        int[][] shapes = {{1, 1}, {8, 5}, {1024, 8}, {8192, 12}, {65536, 6}};
        Object[][] rows = new Object[shapes.length][];
        for (int k = 0; k < shapes.length; k++) {
            rows[k] = new Object[] {doubles(r, shapes[k][1]), doubles(r, shapes[k][0]), new double[shapes[k][0]]};
        }
        return rows;
    }

    public static Object[][] colMajorMatVec() {
        Random r = new Random(7);
        int[][] shapes = {{1, 1}, {3, 17}, {64, 64}, {512, 512}, {1000, 300}};
        Object[][] rows = new Object[shapes.length][];
        for (int k = 0; k < shapes.length; k++) {
            int m = shapes[k][0], n = shapes[k][1];
            rows[k] = new Object[] {doubles(r, m * n), m, n, doubles(r, n), new double[m]};
        }
        return rows;
    }

    public static Object[][] boxBlur() {
        Random r = new Random(7);
        int[][] shapes = {{1, 1}, {5, 3}, {64, 64}, {640, 480}, {1024, 64}, {32, 32}, {128, 16}, {300, 200}, {17, 9}, {256, 256}, {100, 100}};
        Object[][] rows = new Object[shapes.length][];
        for (int k = 0; k < shapes.length; k++) {
            int w = shapes[k][0], h = shapes[k][1];
            int[] src = new int[w * h];
            for (int i = 0; i < src.length; i++) src[i] = r.nextInt(256);
            rows[k] = new Object[] {src, new int[w * h], w, h, 2};
        }
        return rows;
    }
}
