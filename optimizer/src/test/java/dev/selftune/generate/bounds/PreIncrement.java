package dev.selftune.generate.bounds;

/** Loops written as Colt writes them: the index stepped in the test, {@code i = from - 1; while (++i <= to)}. */
public final class PreIncrement {
    private PreIncrement() { }

    public static double sumOfSquares(double[] a, int from, int to) {
        double s = 0;
        int i = from - 1;
        while (++i <= to) {
            s += a[i] * a[i];
        }
        return s;
    }

    /** A continue jumps to the head, which holds the increment. */
    public static long positives(int[] a, int from, int to) {
        long c = 0;
        int i = from - 1;
        while (++i <= to) {
            if (a[i] < 0) {
                continue;
            }
            c += a[i];
        }
        return c;
    }
}
