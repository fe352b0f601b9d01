package dev.selftune.generate.nestspecimens;

import java.util.Random;

/** Seeded arguments for nest specimens: square-ish matrices with NaN, -0.0 and extremes, sometimes ragged or with null rows. */
public final class NestInputs {
    private static final double[] SPECIAL = {0.0, -0.0, 1.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Double.MAX_VALUE, 1e-300, 3.0};
    private static final int[] SIZES = {0, 1, 2, 3, 4, 5, 8, 13};

    private NestInputs() { }

    public static Object[] arguments(Class<?>[] types, Random r, boolean oneFault) {
        int n = SIZES[r.nextInt(SIZES.length)];
        int fault = r.nextInt(4); // 0, 1: none; 2: a short row; 3: a null row
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            Class<?> t = types[i];
            int f = oneFault ? fault : r.nextInt(4);
            if (t == double[][].class) {
                args[i] = doubles(n, r, f);
            } else if (t == int[][].class) {
                args[i] = ints(n, r, f);
            } else if (t == double[].class) {
                args[i] = row(f == 2 ? Math.max(0, n - 1) : n, r);
            } else if (t == int.class) {
                args[i] = r.nextInt(n + 2) - 1;
            } else {
                throw new IllegalArgumentException("no generator for " + t);
            }
        }
        return args;
    }

    private static double[][] doubles(int n, Random r, int fault) {
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = row(n, r);
        }
        breakOne(m, n, r, fault);
        return m;
    }

    private static int[][] ints(int n, Random r, int fault) {
        int[][] m = new int[n][];
        for (int i = 0; i < n; i++) {
            m[i] = new int[n];
            for (int j = 0; j < n; j++) {
                m[i][j] = r.nextInt(5) == 0 ? (r.nextBoolean() ? Integer.MAX_VALUE : Integer.MIN_VALUE) : r.nextInt(2001) - 1000;
            }
        }
        breakOne(m, n, r, fault);
        return m;
    }

    private static void breakOne(Object[] m, int n, Random r, int fault) {
        if (n == 0 || fault < 2) {
            return;
        }
        int i = r.nextInt(n);
        if (fault == 3) {
            m[i] = null;
        } else if (m[i] instanceof double[] d) {
            m[i] = java.util.Arrays.copyOf(d, r.nextInt(n));
        } else {
            m[i] = java.util.Arrays.copyOf((int[]) m[i], r.nextInt(n));
        }
    }

    private static double[] row(int n, Random r) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = r.nextInt(4) == 0 ? SPECIAL[r.nextInt(SPECIAL.length)] : r.nextGaussian() * 100;
        }
        return d;
    }
}
