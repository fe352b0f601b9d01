package dev.selftune.generate.imports;

/** A kernel class with a static initialiser (a lookup table). */
public final class Tables {
    public static final int[] SCALE = {1, 2, 3};

    private Tables() { }

    public static long scaled(int[] a) {
        long s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (long) a[i] * 2;
        }
        return s;
    }
}
