package dev.selftune.generate.specimens;

/** An instance entry that delegates to a public final method of a class that is not final. */
public class Windows {
    private final int threshold;

    private Windows() {
        threshold = 40;
    }

    public int count(int[] a) {
        return countFrom(a, 0);
    }

    public final int countFrom(int[] a, int from) {
        int c = 0;
        for (int i = from; i < a.length; i++) {
            c += a[i] > threshold ? 1 : 0;
        }
        return c;
    }
}
