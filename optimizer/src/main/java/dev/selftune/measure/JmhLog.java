package dev.selftune.measure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** Reads what a JMH run left behind: the tail of its log, the fork's exception, the CPU-share side file. */
final class JmhLog {
    private static final Pattern EXCEPTION_LINE = Pattern.compile("^(Caused by: )?[\\w$.]+(Exception|Error)(: .*)?$");

    private JmhLog() { }

    /** The last 30 lines of the log, or a note that there is none. */
    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "(no JMH log at " + log + ")";
        }
    }

    /** Mean of the per-iteration CPU shares GenericBenchmark appended, or NaN. */
    static double cpuShare(Path cpuLog) {
        try {
            return Files.readAllLines(cpuLog, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank())
                    .mapToDouble(Double::parseDouble).average().orElse(Double.NaN);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /**
     * Per fork, the mean CPU share over its measured iterations: the side file has one line per
     * iteration, warm-up first, fork after fork. NaN for every fork when the count does not match.
     */
    static double[] cpuSharesPerFork(Path cpuLog, ForkPlan plan) {
        double[] out = new double[plan.forks()];
        Arrays.fill(out, Double.NaN);
        try {
            double[] v = Files.readAllLines(cpuLog, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank())
                    .mapToDouble(Double::parseDouble).toArray();
            int per = plan.warmupIterations() + plan.measurementIterations();
            if (v.length != per * plan.forks()) {
                return out;
            }
            for (int f = 0; f < plan.forks(); f++) {
                double sum = 0;
                for (int i = plan.warmupIterations(); i < per; i++) {
                    sum += v[f * per + i];
                }
                out[f] = sum / plan.measurementIterations();
            }
        } catch (IOException | RuntimeException e) {
            return out;
        }
        return out;
    }

    /** The first exception line the fork printed, like {@code ": java.lang.ClassFormatError: Truncated class file"}. */
    static String forkException(Path log) {
        try {
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                if (EXCEPTION_LINE.matcher(line).matches()) {
                    return ": " + line.trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            return "";
        }
        return "";
    }
}
