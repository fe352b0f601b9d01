package dev.selftune.agent.apps;

/** A hot instance method on a receiver without a no-arg constructor, whose state it updates. */
public final class Tally {
    private final int salt;
    private long calls;

    public Tally(int salt) {
        this.salt = salt;
    }

    public long count(int seed) {
        calls++;
        long h = seed + salt;
        for (int i = 0; i < 20_000; i++) {
            h = h * 31 + (i ^ seed);
        }
        return h;
    }
}
