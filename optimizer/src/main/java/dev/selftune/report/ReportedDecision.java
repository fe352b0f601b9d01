package dev.selftune.report;

import java.nio.file.Path;
import java.util.Map;

/**
 * The decision part of a {@code report.json}, read back: what was tuned, where, and whether a winner
 * class waits in {@code winnerClass} (null on keep-original). The agent uses it to install a winner.
 */
public record ReportedDecision(
        String target,
        String jvmVersion,
        String cpu,
        String originalClassSha256,
        String decision,
        String reason,
        String winnerId,
        Double speedup,
        Double speedupLow,
        Double speedupHigh,
        String winnerClassSha256,
        Path winnerClass) {

    public boolean isSwap() {
        return "swap".equals(decision);
    }

    @SuppressWarnings("unchecked")
    static ReportedDecision of(Map<String, Object> json, Path reportJson) {
        String decision = string(json, "decision", reportJson);
        if (!"swap".equals(decision) && !"keep-original".equals(decision)) {
            throw new IllegalArgumentException(reportJson + ": decision '" + decision
                    + "' is neither swap nor keep-original: was the file written by selftune?");
        }
        Map<String, Object> jvm = json.get("jvm") instanceof Map<?, ?> j ? (Map<String, Object>) j : Map.of();
        Map<String, Object> winner = json.get("winner") instanceof Map<?, ?> w ? (Map<String, Object>) w : null;
        if ("swap".equals(decision) && winner == null) {
            throw new IllegalArgumentException(reportJson + ": decision is swap but 'winner' is null: the report is damaged, re-run tune");
        }
        Path dir = reportJson.toAbsolutePath().getParent();
        String classFile = winner == null ? null : (String) winner.get("classFile");
        return new ReportedDecision(
                string(json, "target", reportJson),
                (String) jvm.get("version"),
                (String) json.get("cpu"),
                (String) json.get("originalClassSha256"),
                decision,
                (String) json.get("reason"),
                winner == null ? null : (String) winner.get("id"),
                number(winner, "speedup"),
                number(winner, "speedupLow"),
                number(winner, "speedupHigh"),
                winner == null ? null : (String) winner.get("classSha256"),
                classFile == null ? null : dir.resolve(classFile));
    }

    private static String string(Map<String, Object> json, String key, Path file) {
        if (!(json.get(key) instanceof String s)) {
            throw new IllegalArgumentException(file + ": field '" + key + "' is missing or not a string: was the file written by selftune?");
        }
        return s;
    }

    /* Json writes integral doubles without a fraction (2.0 as 2), so they come back as Long. */
    private static Double number(Map<String, Object> json, String key) {
        return json != null && json.get(key) instanceof Number n ? n.doubleValue() : null;
    }
}
