package dev.selftune.generate.specimens;

/** A quicksort with an insertion-sort cut-off: the reference case for tune-constant. */
public final class Sorts {
    private Sorts() { }

    public static void sort(int[] a) {
        if (a.length > 1_000_000) {
            throw new IllegalArgumentException("at most 1000000 elements, got " + a.length);
        }
        quick(a, 0, a.length - 1);
    }

    private static void quick(int[] a, int lo, int hi) {
        while (hi - lo >= 12) {
            int p = a[(lo + hi) >>> 1];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < p) {
                    i++;
                }
                while (a[j] > p) {
                    j--;
                }
                if (i <= j) {
                    int t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (j - lo < hi - i) {
                quick(a, lo, j);
                lo = i;
            } else {
                quick(a, i, hi);
                hi = j;
            }
        }
        insertion(a, lo, hi);
    }

    private static void insertion(int[] a, int lo, int hi) {
        for (int i = lo + 1; i <= hi; i++) {
            int v = a[i];
            int j = i - 1;
            while (j >= lo && a[j] > v) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
    }

    /** Column sums of an n×n matrix stored row-major, blocked by 16 rows. */
    public static long blocked(int[] m) {
        int n = (int) Math.sqrt(m.length);
        long s = 0;
        for (int ii = 0; ii < n; ii += 16) {
            for (int i = ii; i < Math.min(ii + 16, n); i++) {
                for (int j = 0; j < n; j++) {
                    s += (long) m[i * n + j] * (j + 1);
                }
            }
        }
        return s;
    }
}
