package dev.selftune.samples.inputs;

import java.util.Random;

/** Seeded building blocks for the providers; every call with the same seed returns equal data. */
final class Rows {
    static final long SEED = 20240601L;

    private Rows() {
    }

    static double[] doubles(Random rnd, int n) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = rnd.nextDouble() * 2 - 1;
        }
        return a;
    }

    static double[][] matrix(Random rnd, int rows, int cols) {
        double[][] m = new double[rows][];
        for (int i = 0; i < rows; i++) {
            m[i] = doubles(rnd, cols);
        }
        return m;
    }

    static int[] ints(Random rnd, int n, int bound) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = bound > 0 ? rnd.nextInt(bound) - bound / 2 : rnd.nextInt();
        }
        return a;
    }

    static String text(Random rnd, int n, String alphabet) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
