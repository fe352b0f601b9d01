package dev.selftune.report;

import static dev.selftune.report.Html.esc;

import dev.selftune.api.ForkPlanInfo;
import dev.selftune.api.RunSetup;
import dev.selftune.api.Speedup;
import dev.selftune.api.TuneResult;
import java.util.Map;
import java.util.function.BiConsumer;

/** The report page's account of how the numbers were measured, and why transforms produced nothing. */
final class HtmlSetup {
    private HtmlSetup() { }

    /** Header entries: exactness, inputs, fork flags and both fork plans (nothing when the run recorded no setup). */
    static void meta(TuneResult r, BiConsumer<String, Object> meta) {
        RunSetup s = r.setup();
        if (s == null) {
            return;
        }
        meta.accept("Exactness", s.toleranceBased()
                ? "within a relative " + s.fpTolerance() + " (--allow-fp-reassociation), not bit for bit" : "bit for bit");
        meta.accept("Inputs", s.sizes() == null ? s.inputs() : "generated, sizes " + s.sizes());
        meta.accept("Fork JVM flags", (s.forkJvmArgs().isEmpty() ? "none" : String.join(" ", s.forkJvmArgs()))
                + (s.forkFlagsNote() == null ? "" : " (" + s.forkFlagsNote() + ")"));
        meta.accept("Screening plan", plan(s.screening()));
        meta.accept("Confirmation plan", plan(s.confirmation()) + " per side, pairs interleaved");
    }

    /** {@code 1 fork × (3 warm-up + 4 measured) × 100 ms}. */
    static String plan(ForkPlanInfo p) {
        return p.forks() + (p.forks() == 1 ? " fork" : " forks") + " \u00d7 (" + p.warmupIterations() + " warm-up + "
                + p.measurementIterations() + " measured) \u00d7 " + p.iterationMillis() + " ms";
    }

    /** {@code (CPU time)} or {@code (wall time)}: what a speedup's two times were. */
    static String basis(Speedup s) {
        return s == null ? "" : "(" + (s.basis() == dev.selftune.api.Basis.CPU ? "CPU" : "wall") + " time)";
    }

    static void notApplied(StringBuilder h, TuneResult r) {
        h.append("<section>\n<h2>Transforms that produced no variant</h2>\n");
        if (r.notApplied().isEmpty()) {
            h.append("<p class=\"hint\">").append(r.setup() == null ? "Not recorded for this run."
                    : "None: every registered transform produced at least one variant.").append("</p>\n</section>\n");
            return;
        }
        h.append("<p class=\"hint\">Each transform's own analysis says why it did not rewrite this method.</p>\n"
                + "<div class=\"scroll\"><table>\n<thead><tr><th>Transform</th><th>Why not</th></tr></thead>\n<tbody>\n");
        for (Map.Entry<String, String> e : r.notApplied().entrySet()) {
            h.append("<tr><td class=\"tf\">").append(esc(e.getKey())).append("</td><td class=\"note\">")
                    .append(esc(e.getValue())).append("</td></tr>\n");
        }
        h.append("</tbody></table></div>\n</section>\n");
        skipped(h, r);
    }

    /** What the transforms left alone on purpose (constants tied to the data layout), when anything. */
    static void skipped(StringBuilder h, TuneResult r) {
        if (r.skipped().isEmpty()) {
            return;
        }
        h.append("<section>\n<h2>Left alone on purpose</h2>\n<div class=\"scroll\"><table>\n"
                + "<thead><tr><th>What</th><th>Why</th></tr></thead>\n<tbody>\n");
        for (Map.Entry<String, String> e : r.skipped().entrySet()) {
            h.append("<tr><td class=\"tf\">").append(esc(e.getKey())).append("</td><td class=\"note\">")
                    .append(esc(e.getValue())).append("</td></tr>\n");
        }
        h.append("</tbody></table></div>\n</section>\n");
    }
}
