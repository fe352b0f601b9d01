package org.example3;

import java.util.Random;

public final class KernelRows3 {
    private KernelRows3() { }

    static double[] doubles(Random r, int n) { double[] a = new double[n]; for (int i = 0; i < n; i++) a[i] = r.nextDouble() * 2 - 1; return a; }

    public static Object[][] countAbove() {
        Random r = new Random(7);
        int[] ns = {0, 1, 13, 1000, 50000, 200000};
        Object[][] rows = new Object[ns.length][];
        for (int k = 0; k < ns.length; k++) {
            int[] a = new int[ns[k]];
            for (int i = 0; i < a.length; i++) a[i] = r.nextInt(1000);
            rows[k] = new Object[] {a, 500};
        }
        return rows;
    }

    public static Object[][] toGray() {
        Random r = new Random(7);
        int[] ns = {0, 1, 64, 4096, 640 * 480};
        Object[][] rows = new Object[ns.length][];
        for (int k = 0; k < ns.length; k++) {
            int[] p = new int[ns[k]];
            for (int i = 0; i < p.length; i++) p[i] = r.nextInt();
            rows[k] = new Object[] {p, new byte[ns[k]]};
        }
        return rows;
    }

    public static Object[][] insertionSort() {
        Random r = new Random(7);
        int[] ns = {0, 1, 2, 7, 16, 32, 47};
        Object[][] rows = new Object[ns.length * 3][];
        for (int k = 0; k < rows.length; k++) {
            int[] a = new int[ns[k % ns.length]];
            for (int i = 0; i < a.length; i++) a[i] = r.nextInt(100);
            rows[k] = new Object[] {a};
        }
        return rows;
    }

    public static Object[][] covariance() {
        Random r = new Random(7);
        int[] ns = {2, 3, 100, 10000, 100000};
        Object[][] rows = new Object[ns.length][];
        for (int k = 0; k < ns.length; k++) rows[k] = new Object[] {doubles(r, ns[k]), doubles(r, ns[k])};
        return rows;
    }

    public static Object[][] countWords() {
        Random r = new Random(7);
        int[] ns = {0, 1, 80, 4096, 100000};
        Object[][] rows = new Object[ns.length][];
        for (int k = 0; k < ns.length; k++) {
            byte[] t = new byte[ns[k]];
            for (int i = 0; i < t.length; i++) t[i] = r.nextInt(6) == 0 ? (byte) ' ' : (byte) ('a' + r.nextInt(26));
            rows[k] = new Object[] {t};
        }
        return rows;
    }

    public static Object[][] gemvT() {
        Random r = new Random(7);
        int[][] shapes = {{1, 1}, {3, 17}, {64, 64}, {512, 512}, {1000, 300}};
        Object[][] rows = new Object[shapes.length][];
        for (int k = 0; k < shapes.length; k++) {
            int m = shapes[k][0], n = shapes[k][1];
            rows[k] = new Object[] {doubles(r, m * n), m, n, doubles(r, m), new double[n]};
        }
        return rows;
    }
}
