package dev.selftune.generate.specimens;

/**
 * Shaped like a published primitive-collections library's int quicksort: a public entry that
 * delegates to a public recursive range method, where the cut-offs live (a selection-sort cut-off
 * of 16, median-of-9 above 128, both inlined as constants), with private helpers and an insertion
 * sort the class carries but does not call.
 */
public final class Delegating {
    private static final int NO_REC = 16;
    private static final int MEDIAN_OF_9 = 128;

    private Delegating() { }

    public static void quickSort(int[] x) {
        quickSort(x, 0, x.length);
    }

    public static void quickSort(int[] x, int from, int to) {
        int len = to - from;
        if (len < NO_REC) {
            selectionSort(x, from, to);
            return;
        }
        int m = from + len / 2;
        int l = from;
        int n = to - 1;
        if (len > MEDIAN_OF_9) {
            int s = len / 8;
            l = med3(x, l, l + s, l + 2 * s);
            m = med3(x, m - s, m, m + s);
            n = med3(x, n - 2 * s, n - s, n);
        }
        m = med3(x, l, m, n);
        int v = x[m];
        int a = from;
        int b = a;
        int c = to - 1;
        int d = c;
        while (true) {
            int comparison;
            while (b <= c && (comparison = Integer.compare(x[b], v)) <= 0) {
                if (comparison == 0) {
                    swap(x, a++, b);
                }
                b++;
            }
            while (c >= b && (comparison = Integer.compare(x[c], v)) >= 0) {
                if (comparison == 0) {
                    swap(x, c, d--);
                }
                c--;
            }
            if (b > c) {
                break;
            }
            swap(x, b++, c--);
        }
        int s = Math.min(a - from, b - a);
        swap(x, from, b - s, s);
        s = Math.min(d - c, to - d - 1);
        swap(x, b, to - s, s);
        if ((s = b - a) > 1) {
            quickSort(x, from, from + s);
        }
        if ((s = d - c) > 1) {
            quickSort(x, to - s, to);
        }
    }

    public static void swap(int[] x, int a, int b) {
        int t = x[a];
        x[a] = x[b];
        x[b] = t;
    }

    public static void swap(int[] x, int a, int b, int n) {
        for (int i = 0; i < n; i++, a++, b++) {
            swap(x, a, b);
        }
    }

    private static int med3(int[] x, int a, int b, int c) {
        int ab = Integer.compare(x[a], x[b]);
        int ac = Integer.compare(x[a], x[c]);
        int bc = Integer.compare(x[b], x[c]);
        return ab < 0 ? (bc < 0 ? b : ac < 0 ? c : a) : (bc > 0 ? b : ac > 0 ? c : a);
    }

    private static void selectionSort(int[] a, int from, int to) {
        for (int i = from; i < to - 1; i++) {
            int m = i;
            for (int j = i + 1; j < to; j++) {
                if (a[j] < a[m]) {
                    m = j;
                }
            }
            if (m != i) {
                int u = a[i];
                a[i] = a[m];
                a[m] = u;
            }
        }
    }

    private static void insertionSort(int[] a, int from, int to) {
        for (int i = from; ++i < to; ) {
            int t = a[i];
            int j = i;
            for (int u = a[j - 1]; t < u; u = a[--j - 1]) {
                a[j] = u;
                if (from == j - 1) {
                    --j;
                    break;
                }
            }
            a[j] = t;
        }
    }
}
