package dev.selftune.verify.specimens;

import java.util.List;

/** Specimens for input checks: parameters that cannot be generated, providers of every wrong shape. */
public final class Shapes {
    private Shapes() { }

    public static int size(List<?> list) {
        return list.size();
    }

    public static int pick(int[] a, int k) {
        return a.length == 0 ? k : a[Math.floorMod(k, a.length)];
    }

    /** Sums a[lo..hi] inclusive: (0, n) throws, (0, n - 1) does not. */
    public static long rangeSum(int[] a, int lo, int hi) {
        long s = 0;
        for (int i = lo; i <= hi; i++) {
            s += a[i];
        }
        return s;
    }

    /** Counts values into bins: throws for negative or large values, so full-range arrays fail. */
    public static int[] histogram(int[] data, int bins) {
        int[] h = new int[bins];
        for (int x : data) {
            h[x]++;
        }
        return h;
    }

    public static int refuses(int[] a) {
        throw new UnsupportedOperationException("no input is good enough");
    }

    public static Object[][] good() {
        return new Object[][] {{new int[] {1, 2, 3}, 1}, {new int[0], 7}};
    }

    public Object[][] notStatic() {
        return good();
    }

    public static Object[][] takesArgs(int n) {
        return good();
    }

    public static int[][] wrongReturn() {
        return new int[0][];
    }

    public static Object[][] returnsNull() {
        return null;
    }

    public static Object[][] empty() {
        return new Object[0][];
    }

    public static Object[][] wrongArity() {
        return new Object[][] {{new int[] {1}, 2}, {new int[] {1}}};
    }

    public static Object[][] wrongType() {
        return new Object[][] {{"text", 2}};
    }

    public static Object[][] boxedLong() {
        return new Object[][] {{new int[] {1}, 2L}};
    }

    public static Object[][] counters() {
        return new Object[][] {{new Counter(), new int[] {1, 2, 3}}, {new Counter(), new int[0]}};
    }

    /** Calls of {@code Loops.sumTo} as a caller makes them: five small counts. */
    public static Object[][] sumToRows() {
        return new Object[][] {{0}, {1}, {5}, {100}, {1000}};
    }

    public static Object[][] nondeterministic() {
        return new Object[][] {{new int[] {(int) System.nanoTime(), (int) (Math.random() * 1000)}, 1}};
    }
}
