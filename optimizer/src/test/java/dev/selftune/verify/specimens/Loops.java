package dev.selftune.verify.specimens;

/** Static specimens for verification tests: each variant in the tests edits one of these methods. */
public final class Loops {
    private Loops() { }

    public static int sum(int[] a) {
        int s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i];
        }
        return s;
    }

    public static void scale(double[] a, double k) {
        for (int i = 0; i < a.length; i++) {
            a[i] *= k;
        }
    }

    public static double mean(double[] a) {
        if (a.length == 0) {
            return 0.0;
        }
        double s = 0;
        for (double x : a) {
            s += x;
        }
        return s / a.length;
    }

    public static double sumSeq(double[] a) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i];
        }
        return s;
    }

    /** The same sum with two accumulators: the body a reassociating transform would produce. */
    public static double sumTwo(double[] a) {
        double s0 = 0;
        double s1 = 0;
        int i = 0;
        for (; i + 1 < a.length; i += 2) {
            s0 += a[i];
            s1 += a[i + 1];
        }
        if (i < a.length) {
            s0 += a[i];
        }
        return s0 + s1;
    }

    public static int divide(int a, int b) {
        return a / b;
    }

    public static int alwaysThrows(int[] a) {
        throw new IllegalStateException("never accepts " + a.length + " values");
    }

    public static void matmul(double[][] a, double[][] b, double[][] c, int n) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    c[i][j] += a[i][k] * b[k][j];
                }
            }
        }
    }
}
