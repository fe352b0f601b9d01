package dev.selftune.generate.specimens;

/**
 * While loops written the way numerical and application code writes them: two tests on two indices
 * stepped inside expressions (a convolution), a post-increment read, a copy that walks one array up and
 * another down to their lengths, a stride downwards, and shapes that only look like them.
 */
public final class Whiles {
    private Whiles() { }

    /** y = x * h, the inner sum as commons-math writes it: while (k < hLen && j >= 0) yn += x[j--] * h[k++]. */
    public static double[] convolve(double[] x, double[] h) {
        int xLen = x.length;
        int hLen = h.length;
        if (xLen == 0 || hLen == 0) {
            return new double[0];
        }
        int total = xLen + hLen - 1;
        double[] y = new double[total];
        for (int n = 0; n < total; n++) {
            double yn = 0;
            int k = Math.max(0, n + 1 - xLen);
            int j = n - k;
            while (k < hLen && j >= 0) {
                yn += x[j--] * h[k++];
            }
            y[n] = yn;
        }
        return y;
    }

    /** The same over ints, with the trip count's edges in the caller's hands: from and to may be anything. */
    public static long sumFromTo(int[] a, int from, int to) {
        long s = 0;
        int i = from;
        while (i < to) {
            s += a[i++];
        }
        return s + i;
    }

    /** Reversed copy up to both lengths: the bounds are array lengths, read as the original reads them. */
    public static int reverseInto(int[] src, int[] dst) {
        int i = 0;
        int j = src.length - 1;
        while (i < dst.length && j >= 0) {
            dst[i] = src[j];
            i++;
            j--;
        }
        return i * 1000 + j;
    }

    /** A stride of 3 downwards to an inclusive bound, the step first: {@code k >= lo} with {@code k -= 3}. */
    public static long strideDown(int[] a, int start, int lo) {
        long s = 7;
        int k = start;
        while (k >= lo) {
            k -= 3;
            s = s * 31 + a[k + 3];
        }
        return s ^ k;
    }

    /** fastutil's range swap: {@code for (i = 0; i < n; i++, a++, b++)}, three steps, so javac's counter is not the last one. */
    public static void swapRanges(int[] x, int a, int b, int n) {
        for (int i = 0; i < n; i++, a++, b++) {
            int t = x[a];
            x[a] = x[b];
            x[b] = t;
        }
    }

    /** Not a site: the body branches (a conditional step). */
    public static int conditionalStep(int[] a, int n) {
        int i = 0;
        int s = 0;
        while (i < n) {
            if (a[i] > 0) {
                s += a[i];
            }
            i++;
            s ^= i;
        }
        return s;
    }

    /** Two pointers closing in on each other (the bound moves towards the index): trip-count counts their gap. */
    public static int twoPointers(int[] a) {
        int i = 0;
        int j = a.length - 1;
        int s = 0;
        while (i < j) {
            s += a[i++] * a[j--];
        }
        return s;
    }

    /** Guava's Ints.reverse(array, from, to): {@code for (i = from, j = to - 1; i < j; i++, j--)} swapping. */
    public static void reverseRange(int[] a, int from, int to) {
        for (int i = from, j = to - 1; i < j; i++, j--) {
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** Closing in at different speeds under an inclusive test; both indices are read after the loop. */
    public static long closeIn(int[] a, int lo, int hi) {
        long s = 0;
        while (lo <= hi) {
            s = s * 31 + a[lo] - a[hi];
            lo += 2;
            hi -= 3;
        }
        return s * 1000 + lo * 7L + hi;
    }

    /** Not a site: the bound moves the same way as the index (a chase that may never end before the array does). */
    public static long chase(int[] a, int i, int j) {
        long s = 0;
        while (i < j) {
            s += a[i];
            i += 2;
            j += 1;
        }
        return s + i;
    }
}
