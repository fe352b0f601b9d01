package dev.selftune.report;

import dev.selftune.util.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The results table over several {@code tune --out} directories, one row per directory: decision,
 * the variant it is about, its confirmed speedup [low, high] and basis (a {@code ~} marks a win
 * within an FP tolerance, parentheses a confirmed variant that was not swapped), variants generated /
 * rejected / measured, seconds; then the totals that matter.
 */
public final class ResultsTable {
    private static final String ROW = "%-22s %-14s %-7s %-25s %-5s %9s %8s %8s %8s %8s%n";
    static final String LEGEND = "~ = a tolerance-based win (--allow-fp-reassociation: results agree within fpTolerance, "
            + "not bit for bit); (...) = the confirmed variant of a keep, not swapped; basis: cpu or wall time";

    private ResultsTable() { }

    /** The table; a directory without a readable {@code report.json} gets a row saying so. */
    public static String render(List<Path> outDirs) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, ROW, "sample", "decision", "variant", "speedup [low, high]", "basis",
                "generated", "rejected", "measured", "seconds", "budget"));
        List<Double> winners = new ArrayList<>();
        double logAll = 0;
        int rows = 0;
        int atLeast15 = 0;
        List<String> overBudget = new ArrayList<>();
        for (Path dir : outDirs) {
            String name = dir.getFileName() == null ? dir.toString() : dir.getFileName().toString();
            Map<String, Object> r;
            try {
                r = Json.parseObject(Files.readString(dir.resolve(OutputWriter.REPORT_JSON), StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                sb.append(String.format(Locale.ROOT, "%-22s %s%n", name, "failed: no readable report.json (see the tune output)"));
                continue;
            }
            rows++;
            boolean swap = "swap".equals(r.get("decision"));
            Map<?, ?> w = r.get("winner") instanceof Map<?, ?> m ? m : null;
            Map<?, ?> c = r.get("confirmed") instanceof Map<?, ?> m ? m : null;
            Map<?, ?> about = swap ? w : c;
            String speedup = "-";
            if (about != null && about.get("speedup") instanceof Number s) {
                speedup = String.format(Locale.ROOT, "%.2fx%s [%.2f, %.2f]", s.doubleValue(),
                        Boolean.TRUE.equals(about.get("toleranceBased")) ? "~" : "", num(about.get("speedupLow")),
                        num(about.get("speedupHigh")));
                if (swap) {
                    winners.add(s.doubleValue());
                    logAll += Math.log(s.doubleValue());
                    atLeast15 += s.doubleValue() >= 1.5 ? 1 : 0;
                } else {
                    speedup = "(" + speedup + ")";
                }
            }
            String variant = about != null && about.get("id") instanceof String id ? id : "-";
            String basis = about != null && about.get("speedupBasis") instanceof String b ? b : "-";
            double elapsed = num(r.get("elapsedSeconds"));
            double budget = num(r.get("budgetSeconds"));
            if (elapsed > budget * 1.1) {
                overBudget.add(name);
            }
            sb.append(String.format(Locale.ROOT, ROW, name, r.get("decision"), variant, speedup, basis, r.get("generated"),
                    r.get("rejected"), r.get("measured"), String.format(Locale.ROOT, "%.1f", elapsed), String.format(Locale.ROOT, "%.0f", budget)));
        }
        double geoWinners = winners.stream().mapToDouble(Math::log).average().orElse(0);
        sb.append(String.format(Locale.ROOT, "%nswaps: %d of %d; geometric mean speedup: %.2fx over the winners, %.2fx over all "
                + "samples (keep = 1.00x); samples at >= 1.5x: %d; over budget + 10%%: %s%n",
                winners.size(), rows, Math.exp(geoWinners), rows == 0 ? 1.0 : Math.exp(logAll / rows), atLeast15,
                overBudget.isEmpty() ? "none" : String.join(", ", overBudget)));
        return sb.append(LEGEND).append(System.lineSeparator()).toString();
    }

    private static double num(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
