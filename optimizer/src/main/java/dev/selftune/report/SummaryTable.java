package dev.selftune.report;

import dev.selftune.util.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The main job's results table: one row per {@code tune --out} directory (sample, decision,
 * speedup [low, high], variants generated / rejected / measured, seconds), then the geometric
 * mean of the decided speedups (a kept original counts as 1.0).
 */
public final class SummaryTable {
    private SummaryTable() { }

    /** Prints the table for the given out directories; returns how many reports could not be read. */
    public static int print(List<Path> outDirs, PrintStream out) {
        out.printf("%-18s %-14s %-24s %9s %8s %8s %8s%n", "sample", "decision", "speedup [low, high]",
                "generated", "rejected", "measured", "seconds");
        double logSum = 0;
        int n = 0;
        int unreadable = 0;
        int over = 0;
        for (Path dir : outDirs) {
            Path report = dir.resolve("report.json");
            String name = dir.getFileName().toString();
            Map<String, Object> r;
            try {
                r = Json.parseObject(Files.readString(report));
            } catch (IOException | IllegalArgumentException e) {
                out.printf("%-18s %-14s %s%n", name, "no report", e.getMessage());
                unreadable++;
                continue;
            }
            String decision = String.valueOf(r.get("decision"));
            double speedup = 1.0;
            String interval = "-";
            if (r.get("winner") instanceof Map<?, ?> w) {
                speedup = num(w.get("speedup"));
                interval = String.format("%.2fx [%.2f, %.2f]", speedup, num(w.get("speedupLow")), num(w.get("speedupHigh")));
            }
            List<?> variants = r.get("variants") instanceof List<?> l ? l : List.of();
            long rejected = variants.stream().filter(v -> v instanceof Map<?, ?> m && "rejected".equals(m.get("verdict"))).count();
            long measured = variants.stream().filter(v -> v instanceof Map<?, ?> m && m.get("score") != null).count();
            double seconds = num(r.get("elapsedSeconds"));
            double budget = num(r.get("budgetSeconds"));
            if (seconds > budget * 1.1) {
                over++;
            }
            out.printf("%-18s %-14s %-24s %9d %8d %8d %8.1f%n", name, decision, interval, variants.size(), rejected, measured, seconds);
            logSum += Math.log(speedup);
            n++;
        }
        if (n > 0) {
            out.printf("geometric mean speedup over %d samples: %.2fx; runs over budget+10%%: %d%n", n, Math.exp(logSum / n), over);
        }
        return unreadable;
    }

    private static double num(Object o) {
        return o instanceof Number x ? x.doubleValue() : Double.NaN;
    }
}
