package org.example2;

/** A second batch of kernels written the way application code writes them. */
public final class Kernels2 {
    private Kernels2() { }

    /** Index of the largest element (first on ties), -1 when empty. */
    public static int argmax(double[] a) {
        int best = -1;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < a.length; i++) {
            if (best < 0 || a[i] > max) {
                max = a[i];
                best = i;
            }
        }
        return best;
    }

    /** 3x3 convolution of a flat row-major image into a caller-owned image (borders untouched). */
    public static void conv3x3(float[] in, float[] out, int w, int h, float[] k) {
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                float s = 0f;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        s += k[(dy + 1) * 3 + dx + 1] * in[(y + dy) * w + x + dx];
                    }
                }
                out[y * w + x] = s;
            }
        }
    }

    /** Lower triangle of A * A^T into c (symmetric rank-k update, row-major 2-D). */
    public static void syrkLower(double[][] a, double[][] c) {
        int n = a.length;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int k = 0; k < a[i].length; k++) {
                    s += a[i][k] * a[j][k];
                }
                c[i][j] = s;
            }
        }
    }

    /** BLAS-style daxpy with offsets and increments (netlib / f2j convention). */
    public static void daxpy(int n, double alpha, double[] x, int xOff, int incx, double[] y, int yOff, int incy) {
        int ix = xOff;
        int iy = yOff;
        for (int i = 0; i < n; i++) {
            y[iy] += alpha * x[ix];
            ix += incx;
            iy += incy;
        }
    }

    /** Population count over a bitset's words. */
    public static long cardinality(long[] words) {
        long count = 0;
        for (long w : words) {
            count += Long.bitCount(w);
        }
        return count;
    }

    /** Scales each row of a matrix to sum 1 (rows summing to 0 are left alone). */
    public static void normalizeRows(double[][] m) {
        for (double[] row : m) {
            double sum = 0;
            for (double v : row) {
                sum += v;
            }
            if (sum != 0) {
                for (int j = 0; j < row.length; j++) {
                    row[j] /= sum;
                }
            }
        }
    }

    /** Counts of each byte value, into a caller-owned table. */
    public static void byteHistogram(byte[] data, int off, int len, int[] counts) {
        for (int i = off; i < off + len; i++) {
            counts[data[i] & 0xff]++;
        }
    }

    /** Sum of |a[i] - b[i]| over two int series (a distance). */
    public static long manhattan(int[] a, int[] b) {
        long d = 0;
        int i = 0;
        while (i < a.length) {
            int diff = a[i] - b[i];
            d += diff < 0 ? -diff : diff;
            i++;
        }
        return d;
    }

    /** Largest minus smallest, by compare-and-assign. */
    public static long range(int[] a) {
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int i = 0; i < a.length; i++) {
            if (a[i] < min) min = a[i];
            if (a[i] > max) max = a[i];
        }
        return (long) max - min;
    }

    /** Sum of absolute differences of two 8-bit blocks (motion estimation). */
    public static int sad(byte[] a, int aOff, byte[] b, int bOff, int n) {
        int s = 0;
        for (int i = 0; i < n; i++) {
            int d = (a[aOff + i] & 0xff) - (b[bOff + i] & 0xff);
            s += d >= 0 ? d : -d;
        }
        return s;
    }
}
