package dev.selftune.api;

/** Receives progress while tuning runs: the stage, items done of total, and the time left of the budget. */
public interface Progress {
    void update(String stage, int done, int total, double secondsLeft);

    default void message(String line) { }

    Progress NONE = (stage, done, total, left) -> { };
}
