package dev.selftune.api;

/**
 * Baseline time over variant time (above 1 is faster), with its confidence interval [low, high],
 * and the {@link Basis} both times were on.
 */
public record Speedup(double ratio, double low, double high, Basis basis) {
    public Speedup {
        java.util.Objects.requireNonNull(basis, "basis");
        if (!(ratio > 0) || !(low > 0) || !(high >= low) || ratio < low || ratio > high) {
            throw new IllegalArgumentException("speedup needs 0 < low <= ratio <= high, got "
                    + ratio + " [" + low + ", " + high + "]");
        }
    }

    /** A speedup of wall-clock times (JMH's own scores). */
    public Speedup(double ratio, double low, double high) {
        this(ratio, low, high, Basis.WALL);
    }

    /** The same interval, stated on {@code b}. */
    public Speedup withBasis(Basis b) {
        return new Speedup(ratio, low, high, b);
    }

    public boolean excludesOne() {
        return low > 1.0 || high < 1.0;
    }

    @Override
    public String toString() {
        return String.format("%.2fx [%.2f, %.2f]", ratio, low, high);
    }
}
