package dev.selftune.agent.apps;

/** Renamed to {@link Tally} by the scripted tuner: the same state and loop, result negated, so a swap is visible. */
public final class TallyMarked {
    private final int salt;
    private long calls;

    public TallyMarked(int salt) {
        this.salt = salt;
    }

    public long count(int seed) {
        calls++;
        long h = seed + salt;
        for (int i = 0; i < 20_000; i++) {
            h = h * 31 + (i ^ seed);
        }
        return -h;
    }
}
