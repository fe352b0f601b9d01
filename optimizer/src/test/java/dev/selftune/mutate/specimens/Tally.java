package dev.selftune.mutate.specimens;

/**
 * Mutation fixture: the shapes the generate specimens lack, so every operator has something to
 * mutate (static and field writes, a private void helper, long/float/double arithmetic and
 * comparisons, boolean and String returns, a method that returns one of its arguments).
 */
public final class Tally {
    private static long total;
    private static final int[] SEEN = new int[8];
    private int count;

    public Tally() { }

    /** Counts the positives, adding them to a static total and a static histogram. */
    public static int countInto(int[] a) {
        int c = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] > 0) {
                c++;
            }
        }
        record(c);
        return c;
    }

    private static void record(int c) {
        total += c;
        SEEN[c & 7]++;
    }

    public static boolean anyNegative(long[] a) {
        for (long v : a) {
            if (v < 0L) {
                return true;
            }
        }
        return false;
    }

    public static String label(int n) {
        return n < 0 ? "negative" : Integer.toString(-n);
    }

    public static double scaled(double[] a, float f) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] > 1.5) {
                s = s - a[i] / f;
            } else {
                s += a[i] * 2.0;
            }
        }
        return s + (-f) - 0.5f;
    }

    /** Copies {@code src} mod 7 into {@code dst} and returns {@code dst}. */
    public static int[] copyInto(int[] src, int[] dst) {
        for (int i = 0; i < src.length && i < dst.length; i++) {
            dst[i] = src[i] % 7;
        }
        return dst;
    }

    public long add(long x) {
        count++;
        return x * 3L - count + (x >> 2) / 5L;
    }
}
