package org.example;

/** Kernels written the way application code writes them (not selftune's samples). */
public final class Kernels {
    private Kernels() { }

    /** 5-point Jacobi step into a caller-owned grid. */
    public static void jacobi(double[][] in, double[][] out) {
        int n = in.length;
        for (int i = 1; i < n - 1; i++) {
            for (int j = 1; j < in[i].length - 1; j++) {
                out[i][j] = 0.25 * (in[i - 1][j] + in[i + 1][j] + in[i][j - 1] + in[i][j + 1]);
            }
        }
    }

    /** FIR filter: y[i] = sum_k h[k] * x[i + k]. */
    public static void fir(double[] x, double[] h, double[] y) {
        for (int i = 0; i < y.length; i++) {
            double s = 0;
            for (int k = 0; k < h.length; k++) {
                s += h[k] * x[i + k];
            }
            y[i] = s;
        }
    }

    /** Horner evaluation of one polynomial at many points. */
    public static void horner(double[] coeffs, double[] xs, double[] out) {
        for (int i = 0; i < xs.length; i++) {
            double x = xs[i];
            double p = 0;
            for (int k = 0; k < coeffs.length; k++) {
                p = p * x + coeffs[k];
            }
            out[i] = p;
        }
    }

    /** Column-major flat matrix times vector, looping row by row (strided). */
    public static void colMajorMatVec(double[] a, int rows, int cols, double[] v, double[] out) {
        for (int i = 0; i < rows; i++) {
            double s = 0;
            for (int j = 0; j < cols; j++) {
                s += a[j * rows + i] * v[j];
            }
            out[i] = s;
        }
    }

    /** Horizontal box blur of a flat int image, radius r (always 2 in practice). */
    public static void boxBlur(int[] src, int[] dst, int w, int h, int r) {
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                int sum = 0;
                int count = 0;
                for (int k = -r; k <= r; k++) {
                    int xx = x + k;
                    if (xx >= 0 && xx < w) {
                        sum += src[row + xx];
                        count++;
                    }
                }
                dst[row + x] = sum / count;
            }
        }
    }

    /** Largest minus smallest. */
    public static long range(int[] a) {
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int i = 0; i < a.length; i++) {
            if (a[i] < min) min = a[i];
            if (a[i] > max) max = a[i];
        }
        return (long) max - min;
    }
}
