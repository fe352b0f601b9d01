package dev.selftune.agent.apps;

/** Renamed to {@link Kernel} by the scripted tuner: the same loop, result negated, so a swap is visible in the output. */
public final class KernelMarked {
    private KernelMarked() { }

    public static long work(int seed) {
        long h = seed;
        for (int i = 0; i < 20_000; i++) {
            h = h * 31 + (i ^ seed);
        }
        return -h;
    }
}
