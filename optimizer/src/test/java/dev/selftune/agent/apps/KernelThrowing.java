package dev.selftune.agent.apps;

/** Renamed to {@link Kernel} by the scripted tuner: a "winner" that throws, which the guard must roll back. */
public final class KernelThrowing {
    private KernelThrowing() { }

    public static long work(int seed) {
        long h = seed;
        for (int i = 0; i < 20_000; i++) {
            h = h * 31 + (i ^ seed);
        }
        if (seed % 2 == 0) {
            throw new IllegalStateException("variant fault");
        }
        return h;
    }
}
