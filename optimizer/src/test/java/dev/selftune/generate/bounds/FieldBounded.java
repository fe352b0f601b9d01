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
}
