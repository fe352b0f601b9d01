package dev.selftune.target.specimens;

/** For the allocation profile: one method returns a new array per call, the other allocates nothing. */
public final class Allocating {
    private Allocating() { }

    public static int[] doubled(int[] a) {
        int[] out = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] * 2;
        }
        return out;
    }

    public static int total(int[] a) {
        int s = 0;
        for (int x : a) {
            s += x;
        }
        return s;
    }
}
