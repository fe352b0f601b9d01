package dev.selftune.verify.specimens;

/** Static state in another class than the target's, written through a call. */
public final class Tally {
    static long sum;

    private Tally() { }

    public static void add(long x) {
        sum += x;
    }
}
