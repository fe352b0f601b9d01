package dev.selftune.measure;

import java.time.Duration;
import java.util.Objects;

/**
 * How much JMH to spend on one measurement: forked JVMs, warm-up and measured iterations per fork,
 * and the length of each iteration.
 */
public record ForkPlan(int forks, int warmupIterations, int measurementIterations, Duration iterationTime) {

    /* Forks are never 0: in-process runs share profiles between variants (DESIGN.md, "Measuring"),
     * so a plan without a fork is refused here rather than silently measured in the caller's JVM.
     * Two measured iterations is the floor because JMH's score error needs n >= 2. */
    public ForkPlan {
        Objects.requireNonNull(iterationTime, "iterationTime");
        if (forks < 1) {
            throw new IllegalArgumentException("ForkPlan.forks must be >= 1 (every speed decision comes from a forked JVM), got " + forks);
        }
        if (warmupIterations < 0) {
            throw new IllegalArgumentException("ForkPlan.warmupIterations must be >= 0, got " + warmupIterations);
        }
        if (measurementIterations < 2) {
            throw new IllegalArgumentException("ForkPlan.measurementIterations must be >= 2 (JMH needs two to state an error), got "
                    + measurementIterations);
        }
        if (iterationTime.toMillis() < 1) {
            throw new IllegalArgumentException("ForkPlan.iterationTime must be at least 1 ms, got " + iterationTime);
        }
    }

    /** The tiny plan tests use: one fork, one 100 ms warm-up, two 100 ms iterations. */
    public static ForkPlan tiny() {
        return new ForkPlan(1, 1, 2, Duration.ofMillis(100));
    }

    /** A first-round racing plan: one fork, 2 x 100 ms warm-up, 3 x 100 ms measured (about 1 s a fork here). */
    public static ForkPlan screening() {
        return new ForkPlan(1, 2, 3, Duration.ofMillis(100));
    }

    /** A per-fork plan for confirmation pairs: 3 x 200 ms warm-up, 4 x 200 ms measured (about 2 s a fork here). */
    public static ForkPlan confirmation() {
        return new ForkPlan(1, 3, 4, Duration.ofMillis(200));
    }

    /** The same plan with another number of forks (confirmation runs one fork per JMH call). */
    public ForkPlan withForks(int n) {
        return new ForkPlan(n, warmupIterations, measurementIterations, iterationTime);
    }

    /** Lower bound of the time one fork spends iterating, JVM start-up and set-up not included. */
    public Duration iteratingTimePerFork() {
        return iterationTime.multipliedBy((long) warmupIterations + measurementIterations);
    }
}
