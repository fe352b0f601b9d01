package dev.selftune.selftest;

/** A stand-in for one of selftune's own hot methods (a non-plumbing dev.selftune package): static, and an instance one without a no-arg constructor. */
public final class OwnHot {
    private final int k;

    public OwnHot(int k) {
        this.k = k;
    }

    public static int twice(int x) {
        return 2 * x;
    }

    public static long sum(int[] a) {
        long s = 0;
        for (int v : a) {
            s += v;
        }
        return s;
    }

    public int times(int x) {
        return k * x;
    }
}
