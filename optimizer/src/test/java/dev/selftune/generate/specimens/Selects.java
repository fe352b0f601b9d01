package dev.selftune.generate.specimens;

/**
 * Selects written as branches, the way application code writes them: absolute values, running
 * minima and maxima, clamps and element-wise choices, with the shapes that only look like them.
 */
public final class Selects {
    private Selects() { }

    /** Sum of absolute differences (L1 distance) with the ternary javac compiles to a diamond. */
    public static long sumAbsDiff(int[] a, int[] b) {
        long d = 0;
        for (int i = 0; i < a.length; i++) {
            int diff = a[i] - b[i];
            d += diff < 0 ? -diff : diff;
        }
        return d;
    }

    /** The statement form, over longs, written the other way round: {@code x > 0 ? x : -x}. */
    public static long absInPlace(long[] a) {
        long s = 0;
        for (int i = 0; i < a.length; i++) {
            long x = a[i];
            if (x < 0) {
                x = -x;
            }
            s ^= x;
            a[i] = x > 0 ? x : -x;
        }
        return s;
    }

    /** Smallest and largest by compare-and-assign: {@code if (a[i] < min) min = a[i]}. */
    public static long range(int[] a) {
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int i = 0; i < a.length; i++) {
            if (a[i] < min) {
                min = a[i];
            }
            if (a[i] > max) {
                max = a[i];
            }
        }
        return (long) max - min;
    }

    /** Element-wise minimum and a clamp at zero into the caller's array. */
    public static void minClamp(int[] a, int[] b, int[] out) {
        int n = Math.min(out.length, Math.min(a.length, b.length));
        for (int i = 0; i < n; i++) {
            int v = a[i] <= b[i] ? a[i] : b[i];
            if (v < 0) {
                v = 0;
            }
            out[i] = v;
        }
    }

    /** A long maximum with the operands the other way round: {@code m < x ? x : m}. */
    public static long maxOfLongs(long[] a, long start) {
        long m = start;
        for (long x : a) {
            m = m < x ? x : m;
        }
        return m;
    }

    /** A clamp to a byte's range: the inner select is a min; the outer one selects 0 or that min, not a max of its operands. */
    public static void clampToByte(int[] in, byte[] out) {
        int n = Math.min(in.length, out.length);
        for (int i = 0; i < n; i++) {
            int v = in[i];
            out[i] = (byte) (v < 0 ? 0 : v > 255 ? 255 : v);
        }
    }

    /** Look-alikes that are not abs, min or max: -|d|, an arm that adds, a double abs, a float min. */
    public static double lookAlikes(int[] a, double[] d) {
        long s = 0;
        for (int i = 0; i < a.length; i++) {
            int x = a[i];
            s += x > 0 ? -x : x;
            s += x < 7 ? x + 1 : 7;
            s += x < 0 ? 0 : -x;
        }
        double t = 0;
        for (int i = 0; i < d.length; i++) {
            t += d[i] < 0 ? -d[i] : d[i];
            t = t < d[i] ? t : d[i];
        }
        return s + t;
    }
}
