package dev.selftune.mutate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The suite's numbers: per method, per operator, the kill rate and the list of survivors with their reasons. */
final class SuiteReport {
    private final List<MutantResult> results;

    SuiteReport(List<MutantResult> results) {
        this.results = List.copyOf(results);
    }

    long count(MutantResult.Status s) {
        return results.stream().filter(r -> r.status() == s).count();
    }

    /** killed / (killed + non-equivalent survivors); 1 when there is nothing to kill. */
    double killRate() {
        long k = count(MutantResult.Status.KILLED);
        long s = count(MutantResult.Status.SURVIVED);
        return k + s == 0 ? 1 : (double) k / (k + s);
    }

    List<MutantResult> survivors() {
        return results.stream().filter(r -> r.status() == MutantResult.Status.SURVIVED).toList();
    }

    /** Mutants per operator. */
    Map<String, Long> perOperator() {
        Map<String, Long> m = new TreeMap<>();
        results.forEach(r -> m.merge(r.edit().operator(), 1L, Long::sum));
        return m;
    }

    String table() {
        StringBuilder sb = new StringBuilder();
        String fmt = "%-34s %7s %7s %7s %7s %7s %8s%n";
        sb.append(String.format(fmt, "method", "mutants", "invalid", "killed", "equiv", "surv", "kill"));
        Map<String, List<MutantResult>> by = new LinkedHashMap<>();
        results.forEach(r -> by.computeIfAbsent(r.subject(), k -> new java.util.ArrayList<>()).add(r));
        by.forEach((name, rs) -> sb.append(row(fmt, name, new SuiteReport(rs))));
        sb.append(row(fmt, "TOTAL", this));
        sb.append(String.format("%nmutants per operator (killed / all):%n"));
        Map<String, long[]> ops = new TreeMap<>();
        for (MutantResult r : results) {
            long[] c = ops.computeIfAbsent(r.edit().operator(), k -> new long[2]);
            c[1]++;
            c[0] += r.status() == MutantResult.Status.KILLED ? 1 : 0;
        }
        ops.forEach((op, c) -> sb.append(String.format("  %-24s %5d / %5d%n", op, c[0], c[1])));
        List<MutantResult> surv = survivors();
        sb.append(String.format("%nsurviving non-equivalent mutants: %d%n", surv.size()));
        surv.forEach(r -> sb.append("  ").append(r.subject()).append(" ").append(r.edit()).append("\n    ").append(r.note()).append('\n'));
        List<MutantResult> eq = results.stream().filter(r -> r.status() == MutantResult.Status.EQUIVALENT).toList();
        long short_ = eq.stream().filter(r -> r.note().contains("time limit")).count();
        sb.append(String.format("%nlikely equivalent mutants: %d (%d of them hit the time limit before 100x the verifier's rows)%n",
                eq.size(), short_));
        eq.forEach(r -> sb.append("  ").append(r.subject()).append(" ").append(r.edit()).append(": ").append(r.note()).append('\n'));
        results.stream().filter(r -> r.status() == MutantResult.Status.NON_VIABLE).forEach(r -> sb.append("  non-viable ")
                .append(r.subject()).append(" ").append(r.edit()).append(": ").append(r.note()).append('\n'));
        return sb.toString();
    }

    private static String row(String fmt, String name, SuiteReport r) {
        return String.format(fmt, name, r.results.size(), r.count(MutantResult.Status.NON_VIABLE),
                r.count(MutantResult.Status.KILLED), r.count(MutantResult.Status.EQUIVALENT),
                r.count(MutantResult.Status.SURVIVED), String.format("%.1f%%", 100 * r.killRate()));
    }
}
