package org.example3;

/** A third batch: shapes from image, text and statistics code. */
public final class Kernels3 {
    private Kernels3() { }

    /** How many values exceed a threshold. */
    public static int countAbove(int[] a, int threshold) {
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] > threshold) {
                n++;
            }
        }
        return n;
    }

    /** Packed ARGB pixels to 8-bit luma (BT.601 integer weights) into a caller-owned buffer. */
    public static void toGray(int[] argb, byte[] gray) {
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            int r = (p >> 16) & 0xff;
            int g = (p >> 8) & 0xff;
            int b = p & 0xff;
            gray[i] = (byte) ((r * 77 + g * 150 + b * 29) >> 8);
        }
    }

    /** Insertion sort of a small array, as sort routines use below their cut-off. */
    public static void insertionSort(int[] a) {
        for (int i = 1; i < a.length; i++) {
            int v = a[i];
            int j = i - 1;
            while (j >= 0 && a[j] > v) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
    }

    /** Covariance of two series, two passes (means first). */
    public static double covariance(double[] x, double[] y) {
        int n = x.length;
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double c = 0;
        for (int i = 0; i < n; i++) {
            c += (x[i] - mx) * (y[i] - my);
        }
        return c / (n - 1);
    }

    /** Word-boundary count in ASCII text: a space followed by a non-space. */
    public static int countWords(byte[] text) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length; i++) {
            boolean space = text[i] == ' ' || text[i] == '\n' || text[i] == '\t';
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return words;
    }

    /** Row-major flat matrix (rows x cols) times its transpose's column: y = A^T x. */
    public static void gemvT(double[] a, int rows, int cols, double[] x, double[] y) {
        for (int j = 0; j < cols; j++) {
            y[j] = 0;
        }
        for (int i = 0; i < rows; i++) {
            double xi = x[i];
            for (int j = 0; j < cols; j++) {
                y[j] += a[i * cols + j] * xi;
            }
        }
    }
}
