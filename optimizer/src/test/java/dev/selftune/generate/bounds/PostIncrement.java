package dev.selftune.generate.bounds;

/** Loops that step their tested index inside an expression, {@code a[i++]}, as EJML writes its kernels. */
public final class PostIncrement {
    private PostIncrement() { }

    /** EJML's inner product: the tested index stepped in the load, a derived index stepped after it. */
    public static double strided(double[] a, double[] b, int start, int n, int stride) {
        double total = 0;
        int ia = start;
        int ib = 0;
        int end = start + n;
        while (ia < end) {
            total += a[ia++] * b[ib];
            ib += stride;
        }
        return total + ia;
    }

    /** Not moved: i is read again after its step. */
    public static int readsAfter(int[] a, int n) {
        int s = 0;
        int i = 0;
        while (i < n) {
            s += a[i++] * 3 + a[i - 1];
        }
        return s;
    }

    /** Not moved: a handler of this method reads i after a division past the step threw. */
    public static int caught(int[] a, int n) {
        int s = 0;
        int i = 0;
        try {
            while (i < n) {
                s += 100 / a[i++];
            }
        } catch (ArithmeticException e) {
            return -i;
        }
        return s;
    }

    /** Not moved: a break after the step leaves with i stepped. */
    public static int breaksAfter(int[] a, int n) {
        int s = 0;
        int i = 0;
        while (i < n) {
            int v = a[i++];
            if (v < 0) {
                break;
            }
            s += v;
        }
        return s * 31 + i;
    }
}
