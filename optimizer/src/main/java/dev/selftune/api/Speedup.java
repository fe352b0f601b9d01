package dev.selftune.api;

/** Baseline time over variant time (above 1 is faster), with its confidence interval [low, high]. */
public record Speedup(double ratio, double low, double high) {
    public Speedup {
        if (!(ratio > 0) || !(low > 0) || !(high >= low) || ratio < low || ratio > high) {
            throw new IllegalArgumentException("speedup needs 0 < low <= ratio <= high, got "
                    + ratio + " [" + low + ", " + high + "]");
        }
    }

    public boolean excludesOne() {
        return low > 1.0 || high < 1.0;
    }

    @Override
    public String toString() {
        return String.format("%.2fx [%.2f, %.2f]", ratio, low, high);
    }
}
