package dev.selftune.api;

/**
 * A JMH result: mean score with its 99.9% error (JMH's convention), unit, how many forks and
 * iterations, the per-fork means (the unit of independent evidence) and the {@link Basis} all of
 * them are on. Lower score is faster.
 */
public record Measurement(double score, double error, String unit, int forks, int iterations, double[] forkScores,
                          Basis basis) {
    public Measurement {
        java.util.Objects.requireNonNull(basis, "basis");
        if (!(score > 0) || Double.isInfinite(score)) {
            throw new IllegalArgumentException("score must be positive and finite, got " + score);
        }
        if (forks < 1 || iterations < 1) {
            throw new IllegalArgumentException("forks and iterations must be >= 1, got " + forks + ", " + iterations);
        }
        forkScores = forkScores.clone();
    }

    /** JMH's own numbers: wall-clock time per operation. */
    public Measurement(double score, double error, String unit, int forks, int iterations, double[] forkScores) {
        this(score, error, unit, forks, iterations, forkScores, Basis.WALL);
    }

    @Override
    public String toString() {
        return String.format("%.3f ± %.3f %s (%d forks × %d it)", score, error, unit, forks, iterations);
    }
}
