package dev.selftune.agent;

import dev.selftune.util.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The parts of {@code report.json} the agent acts on: the decision, the winner and its speedup interval. */
record TuneReport(String decision, String winnerId, double speedup, double speedupLow, double speedupHigh,
                  String reason, Path winnerClass, Map<String, Object> raw) {

    boolean swap() {
        return "swap".equals(decision) && winnerId != null && winnerClass != null;
    }

    /** Reads {@code dir/report.json}; the winner class is {@code dir/winner/<internal name>.class}. */
    static TuneReport read(Path dir, String internalOwner) throws IOException {
        Map<String, Object> r = Json.parseObject(Files.readString(dir.resolve("report.json")));
        String decision = String.valueOf(r.get("decision"));
        Object w = r.get("winner");
        String id = null;
        double s = Double.NaN;
        double lo = Double.NaN;
        double hi = Double.NaN;
        if (w instanceof Map<?, ?> winner) {
            id = winner.get("id") == null ? null : String.valueOf(winner.get("id"));
            s = number(winner.get("speedup"));
            lo = number(winner.get("speedupLow"));
            hi = number(winner.get("speedupHigh"));
        }
        Path cls = dir.resolve("winner").resolve(internalOwner + ".class");
        String reason = r.get("reason") == null ? null : String.valueOf(r.get("reason"));
        return new TuneReport(decision, id, s, lo, hi, reason, Files.isRegularFile(cls) ? cls : null, r);
    }

    private static double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
