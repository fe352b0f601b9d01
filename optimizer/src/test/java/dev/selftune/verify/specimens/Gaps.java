package dev.selftune.verify.specimens;

import java.util.List;

/** Specimens for the verifier's former gaps (issue 8 §1): each pairs a method with a wrong variant body. */
public final class Gaps {
    static long total;
    static final int[] HIST = new int[8];
    static int calls;

    private Gaps() { }

    /** Static state: a running total. */
    public static int record(int x) {
        total += x;
        return x * 3;
    }

    public static int recordTwice(int x) {
        total += 2L * x;
        return x * 3;
    }

    /** Static state: a write into a static array. */
    public static int histogram(int x) {
        HIST[x & 7]++;
        return x;
    }

    public static int histogramShifted(int x) {
        HIST[(x + 1) & 7]++;
        return x;
    }

    /** Static state written in a private helper; the variant skips the call. */
    public static int counted(int x) {
        bump();
        return x + 1;
    }

    public static int uncounted(int x) {
        return x + 1;
    }

    private static void bump() {
        calls++;
    }

    /** Static state of another class, written through a call into it; the variant adds twice as much. */
    public static int tallied(int x) {
        Tally.add(x);
        return x;
    }

    public static int talliedTwice(int x) {
        Tally.add(2L * x);
        return x;
    }

    /** Aliasing: with a == b the write is seen by the read. */
    public static int writeThenRead(int[] a, int[] b) {
        if (a == null || b == null || a.length == 0 || b.length == 0) {
            return 0;
        }
        a[0] = 12345;
        return b[0];
    }

    public static int readThenWrite(int[] a, int[] b) {
        if (a == null || b == null || a.length == 0 || b.length == 0) {
            return 0;
        }
        int r = b[0];
        a[0] = 12345;
        return r;
    }

    /** Aliasing within a matrix: with two rows one array, row 0's write shows in row 1. */
    public static long rowsInOrder(int[][] m) {
        if (m == null || m.length < 2 || m[0] == null || m[1] == null || m[0].length == 0 || m[1].length == 0) {
            return 0;
        }
        m[0][0] += 7;
        return m[1][0];
    }

    public static long rowsCached(int[][] m) {
        if (m == null || m.length < 2 || m[0] == null || m[1] == null || m[0].length == 0 || m[1].length == 0) {
            return 0;
        }
        long r = m[1][0];
        m[0][0] += 7;
        return r;
    }

    /** Returned identity: the argument itself, or a copy of it. */
    public static int[] itself(int[] a) {
        return a;
    }

    public static int[] copyOf(int[] a) {
        return a == null ? null : a.clone();
    }

    /** Only three rows, from a provider: too few to judge a variant. */
    public static int size(List<Integer> xs) {
        return xs.size();
    }

    public static Object[][] threeLists() {
        return new Object[][] {{List.of()}, {List.of(1)}, {List.of(1, 2)}};
    }
}
