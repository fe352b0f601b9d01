package dev.selftune.generate.specimens;

/**
 * {@link Delegating}'s shape with a planted wrong sibling: {@code reverseSort} has the descriptor and
 * name family of the selection sort the range method calls but sorts descending, so the variant
 * that calls it must be rejected by verification. A chain of delegations deeper than the unit's
 * bound, and a huge callee, test the bounds.
 */
public final class DelegatingPlanted {
    private DelegatingPlanted() { }

    public static void sort(int[] x) {
        sort(x, 0, x.length);
    }

    public static void sort(int[] x, int from, int to) {
        if (to - from < 12) {
            selectionSort(x, from, to);
            return;
        }
        int v = x[(from + to) >>> 1];
        int i = from;
        int j = to - 1;
        while (i <= j) {
            while (x[i] < v) {
                i++;
            }
            while (x[j] > v) {
                j--;
            }
            if (i <= j) {
                int t = x[i];
                x[i++] = x[j];
                x[j--] = t;
            }
        }
        sort(x, from, j + 1);
        sort(x, i, to);
    }

    private static void selectionSort(int[] a, int from, int to) {
        for (int i = from; i < to - 1; i++) {
            int m = i;
            for (int j = i + 1; j < to; j++) {
                if (a[j] < a[m]) {
                    m = j;
                }
            }
            int u = a[i];
            a[i] = a[m];
            a[m] = u;
        }
    }

    static void reverseSort(int[] a, int from, int to) {
        for (int i = from; i < to - 1; i++) {
            int m = i;
            for (int j = i + 1; j < to; j++) {
                if (a[j] > a[m]) {
                    m = j;
                }
            }
            int u = a[i];
            a[i] = a[m];
            a[m] = u;
        }
    }

    /** Five calls deep: only the first three levels below it join the unit. */
    public static int chain(int[] a) {
        return level1(a, 1);
    }

    public static int level1(int[] a, int k) {
        return level2(a, k + 1) + 1;
    }

    public static int level2(int[] a, int k) {
        return level3(a, k + 1) + 2;
    }

    public static int level3(int[] a, int k) {
        return level4(a, k + 1) + 3;
    }

    public static int level4(int[] a, int k) {
        return a.length * k + 40;
    }
}
