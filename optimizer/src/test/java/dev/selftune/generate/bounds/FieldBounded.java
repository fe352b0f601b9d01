package dev.selftune.generate.bounds;

/** Loops bounded by fields, as object-oriented code writes them (Jama's Matrix: i < this.m, k < B.n). */
public final class FieldBounded {
    public int n;
    public int m;
    public int[] data;
    public double[][] a;
    public volatile int vn;

    public FieldBounded(int n, int m, int[] data, double[][] a) {
        this.n = n;
        this.m = m;
        this.data = data;
        this.a = a;
        this.vn = n;
    }

    /** Bound this.n: data shorter than n throws part-way. */
    public long sumTo() {
        long s = 0;
        for (int i = 0; i < n; i++) {
            s += data[i] * 3L;
        }
        return s;
    }

    /** Bound this.data.length - 1: a null data throws at the first test. */
    public long sumButLast() {
        long s = 0;
        for (int i = 0; i < data.length - 1; i++) {
            s += data[i];
        }
        return s;
    }

    /** Bound f.n of a parameter that may be null. */
    public static long sumOf(FieldBounded f) {
        long s = 0;
        for (int i = 0; i < f.n; i++) {
            s += f.data[i];
        }
        return s;
    }

    /** A volatile bound: another thread may move it, so it is read every time. */
    public long sumVolatile() {
        long s = 0;
        for (int i = 0; i < vn; i++) {
            s += data[i];
        }
        return s;
    }

    /** The body writes the bound's field. */
    public long shrinking() {
        long s = 0;
        for (int i = 0; i < n; i++) {
            s += data[i];
            n = n - (data[i] & 1);
        }
        return s;
    }

    /** A nest: the inner bound this.n is read once ahead of the outer loop, which stays perfectly nested. */
    public void scaleInto(double[][] out) {
        for (int j = 0; j < m; j++) {
            for (int i = 0; i < n; i++) {
                out[i][j] = a[i][j] * 2.0;
            }
        }
    }

    /** A stencil into a caller's grid: the inner bound reads a row (aaload) that the body's dastore cannot change. */
    public static void stencil(double[][] in, double[][] out) {
        for (int i = 1; i < in.length - 1; i++) {
            for (int j = 1; j < in[i].length - 1; j++) {
                out[i][j] = 0.5 * (in[i][j - 1] + in[i][j + 1]);
            }
        }
    }

    /** The body stores rows (aastore) into the array whose row bounds the loop: the bound may change. */
    public static int rowSwap(int[][] rows) {
        int s = 0;
        for (int j = 0; j < rows[0].length - 1; j++) {
            s += rows[0][j];
            rows[0] = rows[1];
        }
        return s;
    }

    /** The body stores ints (iastore) where the int bound lens[0] may live: the bound may change. */
    public static int intElementBound(int[] lens, int[] data) {
        int s = 0;
        for (int i = 0; i < lens[0] - 1; i++) {
            s += data[i];
            data[i] = s;
        }
        return s;
    }
}
