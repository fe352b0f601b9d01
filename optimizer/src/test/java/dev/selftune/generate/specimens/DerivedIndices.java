package dev.selftune.generate.specimens;

/** Loops that step index locals beside their counter, as BLAS ports and EJML write them. */
public final class DerivedIndices {
    private DerivedIndices() { }

    /** y[iy] += alpha * x[ix] with unit steps written out (what specialise leaves of a unit-stride daxpy). */
    public static void axpyUnit(int n, int alpha, int[] x, int xOff, int[] y, int yOff) {
        int ix = xOff;
        int iy = yOff;
        for (int i = 0; i < n; i++) {
            y[iy] += alpha * x[ix];
            ix += 1;
            iy += 1;
        }
    }

    /** Reads before and after the update, a step of 3 and one of -2, and the index read after the loop. */
    public static long mixed(int[] a, int from, int n) {
        long s = 0;
        int p = from;
        int q = from + 2 * n;
        for (int i = 0; i < n; i++) {
            s += a[p];
            p += 3;
            s = s * 31 + a[p - 1];
            s ^= a[q];
            q -= 2;
        }
        return s + p * 7L + q;
    }

    /** A while loop whose counter steps in the middle of the body, with indexA++ inside an expression. */
    public static int whileMiddle(int[] a, int start, int n) {
        int i = 0;
        int indexA = start;
        int s = 0;
        while (i < n) {
            s += a[indexA++];
            i++;
            s += a[indexA] * i;
        }
        return s + indexA;
    }
}
