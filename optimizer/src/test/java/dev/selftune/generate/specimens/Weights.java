package dev.selftune.generate.specimens;

/** Instance methods: loops that read fields of the receiver and call a private instance helper. */
public final class Weights {
    private final int scale = 3;
    private long calls;

    public long weighted(int[] a) {
        calls++;
        long s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (long) a[i] * scale;
        }
        return s + tail(a);
    }

    private int tail(int[] a) {
        int h = scale;
        for (int i = 0; i < a.length; i++) {
            h = 17 * h + a[i];
        }
        return h;
    }

    public long calls() {
        return calls;
    }
}
