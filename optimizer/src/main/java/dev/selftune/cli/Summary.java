package dev.selftune.cli;

import dev.selftune.api.Decision;
import dev.selftune.api.TuneResult;
import dev.selftune.api.VariantResult;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The end-of-run summary printed on stdout: target, decision with its speedup, counts, time, files written. */
final class Summary {
    private Summary() { }

    static String format(TuneResult r, List<Path> written, double minSpeedup) {
        StringBuilder sb = new StringBuilder();
        row(sb, "target", r.target().toString());
        if (r.decision() instanceof Decision.Swap s) {
            row(sb, "decision", "swap " + s.variant().id() + ": " + speedup(s.speedup().ratio(), s.speedup().low(), s.speedup().high())
                    + String.format(Locale.ROOT, ", clears the %.2fx minimum", minSpeedup));
            row(sb, "transforms", s.variant().transforms().isEmpty() ? "none" : s.variant().transforms().toString());
        } else {
            row(sb, "decision", "keep-original: " + ((Decision.Keep) r.decision()).reason());
            r.variants().stream().filter(v -> v.speedup() != null && !v.variant().isOriginal())
                    .max(Comparator.comparingDouble((VariantResult v) -> v.speedup().ratio()))
                    .ifPresent(v -> row(sb, "best", v.variant().id() + ": "
                            + speedup(v.speedup().ratio(), v.speedup().low(), v.speedup().high())));
        }
        row(sb, "variants", r.generated() + " generated, " + r.rejected() + " rejected, " + r.measured() + " measured");
        row(sb, "elapsed", String.format(Locale.ROOT, "%.1f s (budget %.0f s)", r.elapsedSeconds(), r.budgetSeconds()));
        for (int i = 0; i < written.size(); i++) {
            row(sb, i == 0 ? "wrote" : "", written.get(i).toString());
        }
        return sb.toString();
    }

    /** {@code 1.84x [1.71, 1.98]}. */
    static String speedup(double ratio, double low, double high) {
        return String.format(Locale.ROOT, "%.2fx [%.2f, %.2f]", ratio, low, high);
    }

    private static void row(StringBuilder sb, String key, String value) {
        sb.append(String.format("%-11s %s%n", key, value));
    }
}
