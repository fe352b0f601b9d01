package dev.selftune.samples;

/**
 * {@link Statistics} with four accumulators: exact for {@link #sumOfSquares} (wrapping long adds
 * commute), within a relative 1e-9 for {@link #variance} (reassociated FP sums).
 */
public final class StatisticsHand {
    private StatisticsHand() {
    }

    public static long sumOfSquares(int[] a) {
        long s0 = 0;
        long s1 = 0;
        long s2 = 0;
        long s3 = 0;
        int i = 0;
        for (; i + 3 < a.length; i += 4) {
            s0 += (long) a[i] * a[i];
            s1 += (long) a[i + 1] * a[i + 1];
            s2 += (long) a[i + 2] * a[i + 2];
            s3 += (long) a[i + 3] * a[i + 3];
        }
        for (; i < a.length; i++) {
            s0 += (long) a[i] * a[i];
        }
        return s0 + s1 + s2 + s3;
    }

    public static double variance(double[] a) {
        int n = a.length;
        if (n == 0) {
            return Double.NaN;
        }
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[i];
            s1 += a[i + 1];
            s2 += a[i + 2];
            s3 += a[i + 3];
        }
        for (; i < n; i++) {
            s0 += a[i];
        }
        double mean = ((s0 + s1) + (s2 + s3)) / n;
        double q0 = 0;
        double q1 = 0;
        double q2 = 0;
        double q3 = 0;
        i = 0;
        for (; i + 3 < n; i += 4) {
            double d0 = a[i] - mean;
            double d1 = a[i + 1] - mean;
            double d2 = a[i + 2] - mean;
            double d3 = a[i + 3] - mean;
            q0 += d0 * d0;
            q1 += d1 * d1;
            q2 += d2 * d2;
            q3 += d3 * d3;
        }
        for (; i < n; i++) {
            double d = a[i] - mean;
            q0 += d * d;
        }
        return ((q0 + q1) + (q2 + q3)) / n;
    }
}
