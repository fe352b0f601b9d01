package dev.selftune.generate.specimens;

/** Loops indexed by a {@code long}, as code written for "big" arrays or ported from C writes them. */
public final class LongIndices {
    private LongIndices() { }

    /** for (long i = 0; i < v.length; i++): the index only indexes. */
    public static long sumSquares(int[] v) {
        long total = 0;
        for (long i = 0; i < v.length; i++) {
            int x = v[(int) i];
            total += (long) x * x;
        }
        return total;
    }

    /** The index is also a value: a[i] * i, in place. */
    public static void ramp(double[] a) {
        for (long i = 0; i < a.length; i++) {
            a[(int) i] = a[(int) i] * i + i;
        }
    }

    /** Starts from a parameter, stops at another, and the index is read after the loop (a bad range throws). */
    public static long fromTo(int[] a, int from, int to) {
        long s = 0;
        long i;
        for (i = from; i < to; i++) {
            s += a[(int) i];
        }
        return s * 31 + i;
    }

    /** Two loops javac gives the same local; the second steps by 2 and stays long. */
    public static long twoLoops(int[] a) {
        long s = 0;
        for (long i = 0; i < a.length; i++) {
            s += a[(int) i];
        }
        for (long i = 0; i < a.length; i += 2) {
            s -= a[(int) i] * 3L;
        }
        return s;
    }
}
