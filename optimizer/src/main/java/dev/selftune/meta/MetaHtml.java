package dev.selftune.meta;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code report.html} of a self-improve run: the training and held-out curves (geometric-mean
 * speedup per generation with its bounds), the lineage of every archived policy, and the generation
 * table with each parent's own score and clade metaproductivity. Inline SVG, no scripts, in the
 * colours of the tune report's speedup chart.
 */
final class MetaHtml {
    private static final String GREEN = "#1a7f37";
    private static final String RED = "#cf222e";
    private static final String GREY = "#6e7781";
    private static final String AMBER = "#9a6700";
    private static final String BLUE = "#0969da";
    private static final int WIDTH = 900;

    private MetaHtml() { }

    static String render(MetaRun run) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>selftune self-improve</title>")
                .append("<style>body{font:14px system-ui,sans-serif;margin:2em;max-width:960px}")
                .append("table{border-collapse:collapse}td,th{border:1px solid #d0d7de;padding:4px 8px;text-align:left}")
                .append(".verdict{font-weight:bold}</style></head><body>")
                .append("<h1>selftune self-improve</h1>")
                .append("<p class=\"verdict\">").append(esc(run.verdict())).append("</p>")
                .append("<h2>Training and held-out utility</h2>").append(curves(run))
                .append("<h2>Lineage</h2>").append(lineage(run))
                .append("<h2>Generations</h2>").append(table(run));
        if (run.request().tuneSelf()) {
            sb.append("<h2>selftune on selftune</h2>").append(SelfTuningHtml.render(run));
        }
        sb.append("</body></html>\n");
        return sb.toString();
    }

    static String curves(MetaRun run) {
        List<GenerationRow> rows = run.generations();
        double lo = 1;
        double hi = 1;
        for (GenerationRow r : rows) {
            for (Utility u : new Utility[] {r.trainUtility(), r.holdoutUtility()}) {
                if (u != null) {
                    lo = Math.min(lo, u.low());
                    hi = Math.max(hi, u.high());
                }
            }
        }
        lo /= 1.05;
        hi *= 1.05;
        int h = 260;
        int left = 60;
        int top = 20;
        int plot = h - 60;
        int n = Math.max(1, rows.size() - 1);
        StringBuilder sb = new StringBuilder("<svg class=\"chart\" role=\"img\" viewBox=\"0 0 " + WIDTH + " " + h + "\" width=\"100%\">");
        double[] ticks = {lo, 1.0, (lo + hi) / 2, hi};
        for (double t : ticks) {
            double y = top + plot - (t - lo) / (hi - lo) * plot;
            sb.append(line(left, y, WIDTH - 20, y, t == 1.0 ? GREY : "#d0d7de"))
                    .append(text(left - 6, y + 4, "end", fmt(t) + "x", GREY));
        }
        String[] colours = {BLUE, AMBER};
        String[] names = {"training", "held-out"};
        for (int s = 0; s < 2; s++) {
            StringBuilder path = new StringBuilder();
            for (GenerationRow r : rows) {
                Utility u = s == 0 ? r.trainUtility() : r.holdoutUtility();
                if (u == null) {
                    continue;
                }
                double x = left + 20 + (double) r.generation() / n * (WIDTH - left - 60) + s * 6;
                double y = top + plot - (u.speedup() - lo) / (hi - lo) * plot;
                sb.append(line(x, top + plot - (u.low() - lo) / (hi - lo) * plot, x, top + plot - (u.high() - lo) / (hi - lo) * plot, colours[s]))
                        .append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"><title>%s g%d: %s</title></circle>",
                                x, y, r.adopted() ? colours[s] : "white", names[s], r.generation(), esc(u.toString())));
                path.append(path.length() == 0 ? "M" : "L").append(String.format(Locale.ROOT, "%.1f %.1f ", x, y));
            }
            sb.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(colours[s]).append("\"/>")
                    .append(text(WIDTH - 130, top + 14 + s * 16, "start", "● " + names[s], colours[s]));
        }
        for (GenerationRow r : rows) {
            double x = left + 20 + (double) r.generation() / n * (WIDTH - left - 60);
            sb.append(text(x, h - 20, "middle", "g" + r.generation(), GREY));
        }
        sb.append(text(WIDTH / 2.0, h - 4, "middle", "generation (filled: adopted; whiskers: geometric means of the per-target bounds)", GREY));
        return sb.append("</svg>").toString();
    }

    static String lineage(MetaRun run) {
        Map<Integer, List<Node>> byGen = new LinkedHashMap<>();
        for (Node n : run.nodes()) {
            byGen.computeIfAbsent(n.generation, k -> new ArrayList<>()).add(n);
        }
        int maxRow = byGen.values().stream().mapToInt(List::size).max().orElse(1);
        int h = 40 + maxRow * 50;
        int cols = Math.max(1, byGen.size() - 1);
        Map<Node, double[]> at = new LinkedHashMap<>();
        byGen.forEach((g, list) -> {
            for (int i = 0; i < list.size(); i++) {
                at.put(list.get(i), new double[] {60 + (double) g / cols * (WIDTH - 160), 30 + i * 50});
            }
        });
        StringBuilder sb = new StringBuilder("<svg class=\"lineage\" role=\"img\" viewBox=\"0 0 " + WIDTH + " " + h + "\" width=\"100%\">");
        at.forEach((n, p) -> {
            if (n.parent != null && at.containsKey(n.parent)) {
                double[] q = at.get(n.parent);
                sb.append(line(q[0], q[1], p[0], p[1], n.adopted ? GREEN : "#d0d7de"));
            }
        });
        at.forEach((n, p) -> {
            String colour = n.adopted ? GREEN : n.status.startsWith("vetoed") ? RED : n.rerun != null ? AMBER : GREY;
            sb.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"7\" fill=\"%s\"><title>%s: %s</title></circle>",
                    p[0], p[1], colour, esc(n.id), esc(n.status)));
            sb.append(text(p[0] + 10, p[1] + 4, "start", n.id + (Double.isNaN(n.ownScore()) ? "" : " " + fmt(n.ownScore()) + "x"
                    + " / cmp " + fmt(run.archive().metaproductivity(n)) + "x"), GREY));
        });
        return sb.append("</svg><p>Green: adopted; amber: re-run but not adopted; red: vetoed on held-out; grey: scored."
                + " Each label: own training speedup / clade metaproductivity.</p>").toString();
    }

    static String table(MetaRun run) {
        StringBuilder sb = new StringBuilder("<table><tr><th>gen</th><th>parent (own / clade)</th><th>best candidate</th>"
                + "<th>policy change</th><th>training</th><th>held-out</th><th>adopted</th><th>why</th><th>wall</th></tr>");
        for (GenerationRow r : run.generations()) {
            sb.append("<tr><td>").append(r.generation()).append("</td><td>")
                    .append(r.parent() == null ? "—" : esc(r.parent()) + " (" + fmt(r.parentOwnScore()) + "x / " + fmt(r.parentMetaproductivity()) + "x)")
                    .append("</td><td>").append(esc(r.candidate())).append("</td><td>").append(esc(PolicyDiff.text(r.policyDiff())))
                    .append("</td><td>").append(r.trainUtility() == null ? "—" : esc(r.trainUtility().toString()))
                    .append("</td><td>").append(r.holdoutUtility() == null ? "not scored" : esc(r.holdoutUtility().toString()))
                    .append("</td><td>").append(r.adopted() ? "yes" : "no").append("</td><td>").append(esc(r.reason()))
                    .append("</td><td>").append(String.format(Locale.ROOT, "%.0fs", r.wallSeconds())).append("</td></tr>");
        }
        return sb.append("</table>").toString();
    }

    private static String line(double x1, double y1, double x2, double y2, String colour) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>", x1, y1, x2, y2, colour);
    }

    private static String text(double x, double y, String anchor, String s, String colour) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" fill=\"%s\" font-size=\"12\">%s</text>",
                x, y, anchor, colour, esc(s));
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.3f", d);
    }

    static String esc(Object o) {
        return dev.selftune.util.Utf16.escapeLoneSurrogates(String.valueOf(o)).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
