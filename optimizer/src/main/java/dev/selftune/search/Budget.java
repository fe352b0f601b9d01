package dev.selftune.search;

import dev.selftune.api.TuneException;
import dev.selftune.measure.Decider;
import dev.selftune.measure.Measurer;
import dev.selftune.measure.SequentialTest;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The wall-clock budget of one tuning run and a running estimate of what one JMH fork costs
 * here, so each stage can ask "how many forks still fit?" before it starts them.
 */
final class Budget {
    /**
     * Forks a swap needs at the least: one baseline plus the first look of the sequential test at
     * the default confidence (6 pairs). A budget below that could measure, but never decide swap.
     */
    static final int MIN_FORKS = 1 + 2 * new SequentialTest(Decider.DEFAULT_CONFIDENCE).firstPairs();
    /** A cautious first guess for one short fork (JVM start, JMH set-up, warm-up, measurement). */
    static final double INITIAL_FORK_SECONDS = 2.0;

    private final double seconds;
    private final long start;
    private double forkSeconds = INITIAL_FORK_SECONDS;
    private int forksSeen;
    private double confirmForkSeconds;
    private double spentForking;
    private int confirmForksSeen;
    private double charged;

    private final LongSupplier clock;

    Budget(Duration budget, long startNanos) {
        this(budget, startNanos, System::nanoTime);
    }

    /** With another clock (tests simulate whole runs on it). */
    Budget(Duration budget, long startNanos, LongSupplier clock) {
        this.seconds = budget.toMillis() / 1000.0;
        this.start = startNanos;
        this.clock = clock;
    }

    /** Refuses, before any work, a budget in which not even a minimal decision fits. */
    void requireFeasible() {
        double needed = MIN_FORKS * INITIAL_FORK_SECONDS + 4;
        if (seconds < needed) {
            throw new TuneException("--budget", String.format(
                    "budget %.0fs is too small to measure anything: one JMH fork takes about %.0f s here and a decision needs at least %d; give --budget %.0fs or more",
                    seconds, INITIAL_FORK_SECONDS, MIN_FORKS, Math.ceil(needed / 10) * 10));
        }
    }

    double total() {
        return seconds;
    }

    /** Seconds of the budget used: wall time since the start plus what cache hits were charged ({@link #account}). */
    double elapsed() {
        return wallElapsed() + charged;
    }

    /** Wall seconds since the start: what the user waited. */
    double wallElapsed() {
        return (clock.getAsLong() - start) / 1e9;
    }

    double left() {
        return Math.max(0, seconds - elapsed());
    }

    /*
     * Why a cache hit is charged: until 2026-12-02 it cost the budget nothing, so a run answered partly from the
     * cache screened more than the same run fresh (hits are free, the time they saved went to more variants and
     * rounds). The meta loop scores candidate policies with the cache on and generation 0 mostly fresh: a
     * candidate limited to 12 variants was counted 36 measurements on matrix-multiply against generation 0's 22
     * for 24 variants, because its hits let it screen and race all twelve where generation 0's time ran out
     * after ten. Charged what its forks took when they ran, a hit changes when the run ends, not what it does.
     */

    /**
     * Accounts for one screening measurement started at {@code t0} (this budget's {@link #elapsed}) through
     * {@code measurer}: forks that ran refine the per-fork estimate; a cache hit ran none and is charged the
     * seconds its forks took when they ran, which refine the estimate as those forks did then (an entry without
     * them is charged the current estimate and teaches nothing). So a run answered from the cache makes the
     * choices the same run would make fresh, only sooner. Returns the forks that ran.
     */
    int account(Measurer measurer, int forks, double t0) {
        if (measurer.lastWasCached()) {
            double s = measurer.lastCachedSeconds();
            if (Double.isFinite(s) && s >= 0) {
                charged += s;
                recordForks(forks, s);   // what forks took here when they ran (the key holds JVM, CPU and flags)
            } else {
                charged += forks * forkSeconds;
                spentForking += forks * forkSeconds;
            }
            return 0;
        }
        recordForks(forks, elapsed() - t0);
        return forks;
    }

    /** Records that {@code forks} forks took {@code wallSeconds}, refining the per-fork estimate. */
    void recordForks(int forks, double wallSeconds) {
        if (forks <= 0) {
            return;
        }
        spentForking += wallSeconds;
        double per = wallSeconds / forks;
        forkSeconds = forksSeen == 0 ? per : (forkSeconds * forksSeen + per * forks) / (forksSeen + forks);
        forksSeen += forks;
    }

    double forkSeconds() {
        return forkSeconds;
    }

    /** Records that {@code forks} confirmation forks took {@code wallSeconds} (they iterate longer than screening forks). */
    void recordConfirmForks(int forks, double wallSeconds) {
        if (forks <= 0) {
            return;
        }
        spentForking += wallSeconds;
        confirmForkSeconds = (confirmForkSeconds * confirmForksSeen + wallSeconds) / (confirmForksSeen + forks);
        confirmForksSeen += forks;
    }

    /**
     * The cost of one confirmation fork: measured once confirmation forks ran, before that the
     * screening estimate plus the extra iterating time a confirmation fork has.
     */
    double confirmForkSeconds(double extraIteratingSeconds) {
        return confirmForksSeen > 0 ? confirmForkSeconds : forkSeconds + extraIteratingSeconds;
    }

    /** Wall seconds spent in forks so far (screening and confirmation). */
    double spentForking() {
        return spentForking;
    }

    /** How many more forks fit in {@code seconds}, keeping a safety margin of one fork. */
    int forksFitting(double secondsAvailable) {
        return (int) Math.max(0, Math.floor(secondsAvailable / forkSeconds) - 1);
    }
}
