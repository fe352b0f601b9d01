package dev.selftune.api;

import java.util.List;

/**
 * The outcome of an A/A check: {@code comparisons} decisions of the original against a
 * byte-identical copy, of which {@code falseSwaps} were wrongly decided swap, with every speedup.
 */
public record AaSummary(int comparisons, int falseSwaps, List<Speedup> speedups, double seconds) {
    public AaSummary {
        speedups = List.copyOf(speedups);
        if (falseSwaps < 0 || falseSwaps > comparisons) {
            throw new IllegalArgumentException("falseSwaps must be within [0, " + comparisons + "], got " + falseSwaps);
        }
    }
}
