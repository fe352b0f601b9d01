package dev.selftune.samples;

/**
 * {@link StridedVectors} as the reference BLAS writes it: a separate unit-stride loop for the usual
 * increment of 1, the general loop otherwise. {@code sum}'s unit-stride loop has four accumulators
 * (reassociated, within a relative 1e-9 on ordinary data); {@code axpy} is bit-exact.
 */
public final class StridedVectorsHand {
    private StridedVectorsHand() {
    }

    public static double sum(double[] x, int offset, int stride, int n) {
        if (stride != 1) {
            return StridedVectors.sum(x, offset, stride, n);
        }
        if (n > 0 && (offset < 0 || offset + n - 1 >= x.length)) {
            return StridedVectors.sum(x, offset, stride, n); // throws where the original does
        }
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += x[offset + i];
            s1 += x[offset + i + 1];
            s2 += x[offset + i + 2];
            s3 += x[offset + i + 3];
        }
        for (; i < n; i++) {
            s0 += x[offset + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    public static void axpy(int n, double alpha, double[] x, int offX, int incX, double[] y, int offY, int incY) {
        if (incX != 1 || incY != 1) {
            StridedVectors.axpy(n, alpha, x, offX, incX, y, offY, incY);
            return;
        }
        if (n <= 0 || alpha == 0) {
            return;
        }
        for (int i = 0; i < n; i++) {
            y[offY + i] += alpha * x[offX + i];
        }
    }
}
