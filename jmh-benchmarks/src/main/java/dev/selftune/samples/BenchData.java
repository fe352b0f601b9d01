package dev.selftune.samples;

import dev.selftune.samples.inputs.Rows;
import java.util.Random;

/**
 * Seeded benchmark inputs, so every fork and every variant sees the same data; the builders are the
 * samples' own ({@link Rows}), so benchmarks, demos and providers draw data the same way.
 */
public final class BenchData {
    public static final long SEED = 42;

    private BenchData() {
    }

    public static double[] doubles(Random rnd, int n) {
        return Rows.doubles(rnd, n);
    }

    public static double[][] matrix(Random rnd, int rows, int cols) {
        return Rows.matrix(rnd, rows, cols);
    }

    public static int[] ints(Random rnd, int n) {
        return Rows.ints(rnd, n, 0);
    }

    public static long[] longs(Random rnd, int n) {
        long[] a = new long[n];
        for (int i = 0; i < n; i++) {
            a[i] = rnd.nextLong();
        }
        return a;
    }

    public static byte[] bytes(Random rnd, int n) {
        return Rows.bytes(rnd, n);
    }

    public static String text(Random rnd, int n, String alphabet) {
        return Rows.text(rnd, n, alphabet);
    }
}
