package dev.selftune.measure;

import dev.selftune.api.Speedup;
import java.util.List;
import java.util.Locale;

/**
 * The outcome of an A/A check: how many comparisons of the original against a byte-identical copy
 * were wrongly decided {@code swap}, with every speedup and decision reason.
 */
public record AaResult(int pairs, int falseSwaps, List<Speedup> speedups, List<String> reasons, double seconds) {
    public AaResult {
        speedups = List.copyOf(speedups);
        reasons = List.copyOf(reasons);
        if (falseSwaps < 0 || falseSwaps > pairs) {
            throw new IllegalArgumentException("falseSwaps must be within [0, " + pairs + "], got " + falseSwaps);
        }
    }

    /** One line for a console or a script: the count the issue asks for, then the spread seen. */
    public String summary() {
        double lo = speedups.stream().mapToDouble(Speedup::ratio).min().orElse(Double.NaN);
        double hi = speedups.stream().mapToDouble(Speedup::ratio).max().orElse(Double.NaN);
        return String.format(Locale.ROOT, "A/A: %d of %d identical pairs wrongly decided swap; point speedups %.3f..%.3f; %.0f s",
                falseSwaps, pairs, lo, hi, seconds);
    }

    @Override
    public String toString() {
        return summary();
    }
}
