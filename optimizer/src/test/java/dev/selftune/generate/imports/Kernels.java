package dev.selftune.generate.imports;

/** A public kernel class with no static initialiser. */
public final class Kernels {
    private Kernels() { }

    public static long sum(int[] a, int from, int to) {
        long s = 0;
        for (int i = from; i < to; i++) {
            s += a[i];
        }
        return s;
    }

    public static long count(int n) {
        return Math.max(0, n);
    }

    public static long triangle(int n) {
        return n <= 0 ? 0 : n + triangle(n - 1);
    }

    /** Reads a private field of this class: cannot be copied out. */
    public static int secret() {
        return secretCount;
    }

    private static int secretCount;   // no initialiser, so the class has no <clinit>
}
