package dev.selftune.cli;

import dev.selftune.measure.ForkModes;
import dev.selftune.api.Measurement;

import dev.selftune.api.Decision;
import dev.selftune.api.Speedup;
import dev.selftune.api.TuneResult;
import dev.selftune.api.VariantResult;
import dev.selftune.measure.ForkModes;
import dev.selftune.report.ChangedMethods;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The end-of-run summary printed on stdout: target, decision with the speedup of the variant it is
 * about, the best screening estimate (labelled as such), why transforms did not apply, counts, time,
 * files written.
 */
final class Summary {
    /** Console lines stay readable; report.json and report.html keep every reason whole. */
    static final int MAX_REASON = 200;

    private Summary() { }

    /*
     * The decision is about the confirmed variant; a screening estimate (one short fork a side, wide
     * intervals, wall time) only ranked. Printing the best screening number as "best" next to a keep
     * made readers take v3's 1.07x [0.23, 4.88] for the decision's evidence when v1 was confirmed.
     */
    static String format(TuneResult r, List<Path> written, double minSpeedup) {
        StringBuilder sb = new StringBuilder();
        row(sb, "target", r.target().toString());
        if (r.decision() instanceof Decision.Swap s) {
            row(sb, "decision", "swap " + s.variant().id() + ": " + speedup(s.speedup()) + " (" + evidence(s.speedup(),
                    s.winner() == null ? null : s.winner().forks()) + ")"
                    + String.format(Locale.ROOT, ", clears the %.2fx minimum", minSpeedup));
            row(sb, "transforms", s.variant().transforms().isEmpty() ? "none" : s.variant().transforms().toString());
            if (r.originalClassBytes() != null) {
                List<String> changed = ChangedMethods.of(r.originalClassBytes(), s.variant().classBytes());
                row(sb, "changed", changed.isEmpty() ? "none" : String.join(", ", changed));
            }
        } else {
            row(sb, "decision", "keep-original: " + ((Decision.Keep) r.decision()).reason());
            VariantResult c = r.confirmedResult();
            if (c != null && c.speedup() != null) {
                row(sb, "confirmed", c.variant().id() + ": " + speedup(c.speedup()) + " (" + evidence(c.speedup(),
                        c.measurement() == null ? null : c.measurement().forks()) + "): the variant this decision is about");
            }
        }
        boolean firstSpeed = true;
        for (String note : ForkModes.notes(r)) {
            row(sb, firstSpeed ? "forks" : "", note);
            firstSpeed = false;
        }
        if (r.setup() != null && r.setup().toleranceBased()) {
            row(sb, "exactness", String.format(Locale.ROOT, "results had to agree within a relative %.3g "
                    + "(--allow-fp-reassociation), not bit for bit", r.setup().fpTolerance()));
        }
        r.screened().stream().max(Comparator.comparingDouble((VariantResult v) -> v.speedup().ratio()))
                .ifPresent(v -> row(sb, "screening", "best estimate " + v.variant().id() + ": " + speedup(v.speedup())
                        + " (" + v.speedup().basis().label() + " time; screening only ranks, it never decides)"));
        boolean first = true;
        for (Map.Entry<String, String> e : r.notApplied().entrySet()) {
            row(sb, first ? "not applied" : "", e.getKey() + ": " + clip(e.getValue()));
            first = false;
        }
        first = true;
        for (Map.Entry<String, String> e : r.skipped().entrySet()) {
            row(sb, first ? "left alone" : "", e.getKey() + ": " + clip(e.getValue()));
            first = false;
        }
        if (r.ranking() != null && r.ranking().enabled()) {
            row(sb, "ranking", r.ranking().rankedOut() + " of " + r.ranking().candidates() + " ranked out of screening; "
                    + r.ranking().note() + "; JMH forks: " + r.ranking().screeningForks() + " screening, "
                    + r.ranking().confirmationForks() + " confirmation");
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

    private static String speedup(Speedup s) {
        return speedup(s.ratio(), s.low(), s.high());
    }

    /** {@code cpu time, confirmed in 6 fork pairs}. */
    private static String evidence(Speedup s, Integer pairs) {
        return s.basis().label() + " time" + (pairs == null ? "" : ", confirmed in " + pairs + " fork pairs");
    }

    private static String clip(String s) {
        return s.length() <= MAX_REASON ? s : s.substring(0, MAX_REASON) + "... (whole in report.json)";
    }

    private static void row(StringBuilder sb, String key, String value) {
        sb.append(String.format("%-11s %s%n", key, value));
    }
}
