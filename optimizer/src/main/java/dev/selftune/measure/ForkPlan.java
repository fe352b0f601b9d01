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

    /*
     * The judge's two plans (tune and the agent use these; the policy cannot change them). A fork here
     * costs about 1.3 s: ~0.6 s of JVM start-up and JMH set-up plus the iterations. Warm-up is sized
     * from compilation logs (scripts/compile-timing.sh, docs/measuring.md): C2 compiles the target
     * in the first 100 ms warm-up iteration, but the harness around it (GenericBenchmark.run) reached
     * tier 4 only in the third, and in a cold first fork on a loaded machine after measuring began.
     * Screening only ranks, so it gets one iteration of margin; confirmation, which decides, three.
     */

    /** Screening: one fork, 4 x 100 ms warm-up, 4 x 100 ms measured; it only ranks. */
    public static ForkPlan screening() {
        return new ForkPlan(1, 4, 4, Duration.ofMillis(100));
    }

    /** One confirmation fork (pairs run one fork per JMH call): 6 x 100 ms warm-up, 5 x 100 ms measured. */
    public static ForkPlan confirmation() {
        return new ForkPlan(1, 6, 5, Duration.ofMillis(100));
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
