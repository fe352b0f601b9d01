package dev.selftune.generate.specimens;

/**
 * Loop calls with values under the arguments on the caller's stack, as javac leaves them: the destination array and
 * index of {@code out[i] = sum(m[i])} (smile's MathEx.rowSums), and a running sum under a helper with a handler.
 * Inlined, the callee's loop must not start with them on the stack (HotSpot cannot enter such a loop by OSR).
 */
public final class InliningStack {
    private InliningStack() { }

    public static double[] rowSums(double[][] m) {
        double[] out = new double[m.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = sum(m[i]);
        }
        return out;
    }

    /* Over MaxInlineSize (35 bytes) with its loop: what smile's MathEx.sum(double[]) is. */
    private static double sum(double[] x) {
        double s = 0;
        double c = 0;
        for (int j = 0; j < x.length; j++) {
            double y = x[j] - c;
            double t = s + y;
            c = (t - s) - y;
            s = t;
        }
        return s + c * 0;
    }

    public static long stackUnderHandler(int[] a) {
        long s = 0;
        for (int i = 0; i < a.length; i++) {
            s += guarded(a, a[i]);
        }
        return s;
    }

    private static int guarded(int[] a, int k) {
        int h = k;
        try {
            for (int j = 0; j < 3; j++) {
                h = h * 31 + a[(k & 0x7fffffff) % (a.length + 1)];
                h = h * 33 + (k ^ (h >>> 4));
                h = h * 35 + (k ^ (h >>> 5));
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            h = -h;
        }
        return h;
    }
}
