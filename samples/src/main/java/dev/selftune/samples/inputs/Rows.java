package dev.selftune.samples.inputs;

import java.util.Random;

/** Seeded building blocks for the providers and the samples' demos; the same seed returns equal data. */
public final class Rows {
    public static final long SEED = 20240601L;

    private Rows() {
    }

    public static double[] doubles(Random rnd, int n) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = rnd.nextDouble() * 2 - 1;
        }
        return a;
    }

    public static double[][] matrix(Random rnd, int rows, int cols) {
        double[][] m = new double[rows][];
        for (int i = 0; i < rows; i++) {
            m[i] = doubles(rnd, cols);
        }
        return m;
    }

    public static int[] ints(Random rnd, int n, int bound) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = bound > 0 ? rnd.nextInt(bound) - bound / 2 : rnd.nextInt();
        }
        return a;
    }

    public static String text(Random rnd, int n, String alphabet) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    public static byte[] bytes(Random rnd, int n) {
        byte[] b = new byte[n];
        rnd.nextBytes(b);
        return b;
    }
}
