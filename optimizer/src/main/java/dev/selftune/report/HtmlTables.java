package dev.selftune.report;

import static dev.selftune.report.Html.esc;

import dev.selftune.api.Speedup;
import dev.selftune.api.TuneResult;
import dev.selftune.api.VariantResult;
import dev.selftune.api.Verdict;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The report page's tabular sections: all variants, the rejections, and bytecode side by side. */
final class HtmlTables {
    private HtmlTables() { }

    static void variants(StringBuilder h, TuneResult r) {
        h.append("<section>\n<h2>All variants</h2>\n<div class=\"scroll\"><table>\n<thead><tr><th>Variant</th><th>Parent</th>"
                + "<th>Transforms</th><th>Verdict</th><th class=\"num\">Inputs checked</th><th class=\"num\">Score \u00b1 error</th>"
                + "<th class=\"num\">Speedup [interval]</th><th>Note</th></tr></thead>\n<tbody>\n");
        for (VariantResult v : r.variants()) {
            Speedup sp = v.speedup();
            boolean passed = v.verdict().passed();
            h.append("<tr><td class=\"id\">").append(esc(v.variant().id())).append("</td><td class=\"id\">")
                    .append(esc(v.variant().parent() == null ? "\u2014" : v.variant().parent())).append("</td><td class=\"tf\">")
                    .append(esc(HtmlReport.steps(v.variant().transforms()))).append("</td><td><span class=\"badge ")
                    .append(passed ? "ok\">passed" : "bad\">rejected").append("</span></td><td class=\"num\">")
                    .append(v.verdict().inputsChecked()).append("</td><td class=\"num\">").append(esc(HtmlReport.score(v.measurement())))
                    .append("</td><td class=\"num\">");
            if (sp == null) {
                h.append("\u2014");
            } else {
                h.append("<b>").append(Html.ratio(sp.ratio())).append("</b> [").append(Html.fmt(sp.low(), 2)).append(", ")
                        .append(Html.fmt(sp.high(), 2)).append("] <span class=\"note\">")
                        .append(v.variant().id().equals(r.decidedVariant()) ? "confirmed, " : "screening, ")
                        .append(sp.basis().label()).append("</span>");
            }
            h.append("</td><td class=\"note\">").append(esc(v.note())).append("</td></tr>\n");
        }
        h.append("</tbody></table></div>\n</section>\n");
    }

    static void rejected(StringBuilder h, TuneResult r) {
        h.append("<section>\n<h2>Rejected variants</h2>\n");
        if (r.rejected() == 0) {
            h.append("<p class=\"hint\">None: every generated variant behaved exactly like the original on every checked input.</p>\n");
        }
        for (VariantResult v : r.variants()) {
            if (v.verdict() instanceof Verdict.Rejected rj) {
                h.append("<div class=\"reject\"><div class=\"rhead\"><span class=\"id\">").append(esc(v.variant().id()))
                        .append("</span><span class=\"tf\">").append(esc(HtmlReport.steps(v.variant().transforms())))
                        .append("</span><span class=\"hint\">after ").append(rj.inputsChecked()).append(" inputs</span></div>\n")
                        .append("<p class=\"reason\">").append(esc(rj.reason())).append("</p>\n");
                if (rj.counterexample() != null) {
                    h.append("<pre class=\"cx\">").append(esc(clip(rj.counterexample()))).append("</pre>\n");
                }
                h.append("</div>\n");
            }
        }
        h.append("</section>\n");
    }

    /* A counterexample over a 65536-element array would make the page unreadable; report.json keeps it whole. */
    static String clip(String s) {
        int max = 3000;
        return s.length() <= max ? s : s.substring(0, max) + "\u2026 (" + (s.length() - max) + " more characters in report.json)";
    }

    static void bytecode(StringBuilder h, TuneResult r, VariantResult other) {
        String title = other == null ? "Bytecode of the original"
                : r.winnerClassBytes() != null ? "Bytecode: original vs winner " + other.variant().id()
                : other.variant().id().equals(r.decidedVariant()) ? "Bytecode: original vs confirmed variant "
                        + other.variant().id() + " (not swapped)"
                : "Bytecode: original vs best measured variant " + other.variant().id() + " (not swapped)";
        h.append("<section>\n<h2>").append(esc(title)).append("</h2>\n");
        if (r.originalClassBytes() == null) {
            h.append("<p class=\"hint\">The original class bytes were not recorded.</p>\n</section>\n");
            return;
        }
        Map<String, String> orig;
        Map<String, String> var;
        try {
            orig = BytecodeText.methods(r.originalClassBytes());
            var = other == null ? orig : BytecodeText.methods(other.variant().classBytes());
        } catch (RuntimeException e) {
            h.append("<p class=\"hint\">Could not disassemble: ").append(esc(e)).append("</p>\n</section>\n");
            return;
        }
        List<String> keys = BytecodeText.shown(orig, var, r.target());
        if (other != null) {
            h.append("<p class=\"hint\">Lines only on the left are struck through in red, lines only on the right are "
                    + "green (label numbers ignored). Methods the variant left unchanged are not shown.</p>\n");
        }
        for (String key : keys) {
            h.append("<h3><code>").append(esc(key)).append("</code></h3>\n<div class=\"code").append(other == null ? " one" : "")
                    .append("\">\n");
            column(h, "original", orig.get(key), other == null ? null : var.get(key), "del");
            if (other != null) {
                column(h, other.variant().id(), var.get(key), orig.get(key), "add");
            }
            h.append("</div>\n");
        }
        h.append("</section>\n");
    }

    private static void column(StringBuilder h, String caption, String listing, String otherListing, String mark) {
        h.append("<div><div class=\"caption\">").append(esc(caption)).append("</div><pre>");
        if (listing == null) {
            h.append("<span class=\"hint\">(no such method in this class)</span>");
        } else {
            Set<String> otherLines = otherListing == null ? null : BytecodeText.lineSet(otherListing);
            for (String line : listing.split("\n")) {
                boolean differs = otherLines != null && !otherLines.contains(BytecodeText.normalize(line));
                h.append(differs ? "<span class=\"" + mark + "\">" : "<span>").append(esc(line)).append("</span>");
            }
        }
        h.append("</pre></div>\n");
    }
}
