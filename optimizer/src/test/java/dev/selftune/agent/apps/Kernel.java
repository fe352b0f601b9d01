package dev.selftune.agent.apps;

/** The hot method the scripted tuner "improves": {@link #work} returns a checksum of its argument. */
public final class Kernel {
    private Kernel() { }

    public static long work(int seed) {
        long h = seed;
        for (int i = 0; i < 20_000; i++) {
            h = h * 31 + (i ^ seed);
        }
        return h;
    }
}
