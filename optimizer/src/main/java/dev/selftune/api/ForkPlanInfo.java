package dev.selftune.api;

/**
 * How one stage measured: JMH forks per run, warm-up and measured iterations per fork, and the
 * length of one iteration in milliseconds (a report-side copy of the measuring plan).
 */
public record ForkPlanInfo(int forks, int warmupIterations, int measurementIterations, long iterationMillis) {
    public ForkPlanInfo {
        if (forks < 1 || warmupIterations < 0 || measurementIterations < 1 || iterationMillis < 1) {
            throw new IllegalArgumentException("a fork plan needs forks >= 1, warm-up >= 0, measured iterations >= 1 and "
                    + "an iteration of >= 1 ms, got " + forks + ", " + warmupIterations + ", " + measurementIterations
                    + ", " + iterationMillis + " ms");
        }
    }
}
