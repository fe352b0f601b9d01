package dev.selftune.generate.specimens;

/**
 * BLAS-style kernels over a strided window of an array (offset, increment, count): callers nearly
 * always pass an increment of 1, which {@code specialise} folds in behind a guard.
 */
public final class Strided {
    private Strided() { }

    /** x[offset] + x[offset + stride] + ... (n terms), as reference BLAS walks it: a derived index. */
    public static double sum(double[] x, int offset, int stride, int n) {
        double s = 0;
        int ix = offset;
        for (int i = 0; i < n; i++) {
            s += x[ix];
            ix += stride;
        }
        return s;
    }

    /** The same walk with a computed index, over ints (an exact reduction). */
    public static int isum(int[] x, int offset, int stride, int n) {
        int s = 0;
        for (int i = 0; i < n; i++) {
            s += x[offset + i * stride];
        }
        return s;
    }

    /** y[offY + i*incY] += factor * x[offX + i*incX]: writes its argument. */
    public static void axpy(int n, int factor, int[] x, int offX, int incX, int[] y, int offY, int incY) {
        for (int i = 0; i < n; i++) {
            y[offY + i * incY] += factor * x[offX + i * incX];
        }
    }

    /** The netlib shape: the method tests the usual stride itself and has a unit-stride branch. */
    public static long netlibSum(long[] x, int n, int incx) {
        long s = 0;
        if (n <= 0) {
            return 0;
        }
        if (incx == 1) {
            for (int i = 0; i < n; i++) {
                s += x[i];
            }
            return s;
        }
        int ix = incx < 0 ? (-n + 1) * incx : 0;
        for (int i = 0; i < n; i++) {
            s += x[ix];
            ix += incx;
        }
        return s;
    }
}
