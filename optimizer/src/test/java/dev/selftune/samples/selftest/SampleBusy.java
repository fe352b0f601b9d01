package dev.selftune.samples.selftest;

/** Stands for the sample code self-improve tunes (dev.selftune.samples.*), loaded in selftune's JVM by verification. */
public final class SampleBusy {
    private SampleBusy() { }

    public static long spin(long[] a, int rounds) {
        long s = 0;
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < a.length; i++) {
                s += a[i] * (r + 1) ^ (s >>> 7);
            }
        }
        return s;
    }
}
