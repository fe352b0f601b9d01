package dev.selftune.report;

import static dev.selftune.report.Html.esc;

import dev.selftune.api.Speedup;
import dev.selftune.api.VariantResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An inline SVG forest plot: one row per measured variant, a dot at its speedup with a whisker over
 * its confidence interval, on a log axis with reference lines at 1.0 and at the minimum effect.
 */
final class SpeedupChart {
    static final String GREEN = "#1a7f37";
    static final String RED = "#cf222e";
    static final String GREY = "#6e7781";
    static final String AMBER = "#9a6700";

    private static final int WIDTH = 1100;
    private static final int LABEL = 250;
    private static final int VALUE = 190;
    private static final int ROW = 26;
    private static final int TOP = 34;
    private static final int BOTTOM = 46;
    private static final double[] TICKS = {0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5, 0.75, 0.9, 1, 1.1, 1.25, 1.5, 2, 3, 4,
        5, 8, 10, 16, 20, 32, 50, 64, 100, 200, 500, 1000};

    private final double lo;
    private final double hi;

    private SpeedupChart(double lo, double hi) {
        this.lo = Math.log(lo);
        this.hi = Math.log(hi);
    }

    /** The chart of every variant in {@code rows} that carries a speedup, best first; {@code winnerId} may be null. */
    static String render(List<VariantResult> rows, String winnerId, double minSpeedup) {
        List<VariantResult> measured = new ArrayList<>();
        for (VariantResult v : rows) {
            if (v.speedup() != null) {
                measured.add(v);
            }
        }
        if (measured.isEmpty()) {
            return "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 " + WIDTH + " 60\" width=\"100%\">"
                    + "<text x=\"" + WIDTH / 2 + "\" y=\"35\" text-anchor=\"middle\" fill=\"" + GREY + "\">"
                    + "No variant was measured: nothing passed verification, or the budget ran out first.</text></svg>";
        }
        measured.sort(Comparator.comparingDouble((VariantResult v) -> v.speedup().ratio()).reversed());
        double min = Math.min(1, minSpeedup);
        double max = Math.max(1, minSpeedup);
        for (VariantResult v : measured) {
            min = Math.min(min, v.speedup().low());
            max = Math.max(max, v.speedup().high());
        }
        double pad = Math.pow(max / min, 0.06) * 1.02;
        return new SpeedupChart(min / pad, max * pad).draw(measured, winnerId, minSpeedup);
    }

    private double x(double ratio) {
        return LABEL + (Math.log(ratio) - lo) / (hi - lo) * (WIDTH - LABEL - VALUE);
    }

    private String draw(List<VariantResult> measured, String winnerId, double minSpeedup) {
        int plotBottom = TOP + measured.size() * ROW;
        int height = plotBottom + BOTTOM;
        StringBuilder s = new StringBuilder();
        s.append("<svg class=\"chart\" role=\"img\" aria-label=\"speedup of each measured variant\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(height).append("\" width=\"100%\" font-size=\"12\">\n");
        for (int i = 0; i < measured.size(); i += 2) {
            s.append(rect(0, TOP + i * ROW, WIDTH, ROW, "#f6f8fa"));
        }
        List<Double> kept = new ArrayList<>(List.of(x(1)));
        for (double t : TICKS) {
            double tx = x(t);
            if (t < Math.exp(lo) || t > Math.exp(hi) || (t != 1 && kept.stream().anyMatch(k -> Math.abs(k - tx) < 48))) {
                continue;
            }
            kept.add(tx);
            s.append(line(tx, TOP, tx, plotBottom, "#d0d7de", 1, null));
            s.append(text(tx, plotBottom + 16, "middle", GREY, trim(t) + "\u00d7"));
        }
        s.append(text(LABEL + (WIDTH - LABEL - VALUE) / 2.0, plotBottom + 36, "middle", "#57606a",
                "speedup over the original (log scale; higher is faster)"));
        s.append(line(x(1), TOP - 8, x(1), plotBottom, "#24292f", 1.5, null));
        s.append(text(x(1) - 4, TOP - 12, "end", "#24292f", "original 1.0\u00d7"));
        if (minSpeedup > 1) {
            s.append(line(x(minSpeedup), TOP - 8, x(minSpeedup), plotBottom, GREEN, 1.2, "5 4"));
            s.append(text(x(minSpeedup) + 4, TOP - 12, "start", GREEN, "min " + trim(minSpeedup) + "\u00d7"));
        }
        for (int i = 0; i < measured.size(); i++) {
            row(s, measured.get(i), TOP + i * ROW + ROW / 2.0, measured.get(i).variant().id().equals(winnerId), minSpeedup);
        }
        return s.append("</svg>").toString();
    }

    private void row(StringBuilder s, VariantResult v, double cy, boolean winner, double minSpeedup) {
        Speedup sp = v.speedup();
        String color = winner ? GREEN : color(sp, minSpeedup);
        String label = v.variant().id() + (winner ? "  \u2605 winner" : "");
        s.append("<g><title>").append(esc(v.variant().id() + ": " + sp + "  " + HtmlReport.steps(v.variant().transforms())))
                .append("</title>\n");
        s.append("<text x=\"").append(LABEL - 12).append("\" y=\"").append(cy + 4).append("\" text-anchor=\"end\" fill=\"#24292f\"")
                .append(winner ? " font-weight=\"700\"" : "").append(">").append(esc(shorten(label, 36))).append("</text>\n");
        double x1 = x(1);
        double xr = x(sp.ratio());
        s.append(rect(Math.min(x1, xr), cy - 7, Math.abs(xr - x1), 14, color + "\" fill-opacity=\"0.16"));
        s.append(line(x(sp.low()), cy, x(sp.high()), cy, color, 2, null));
        s.append(line(x(sp.low()), cy - 5, x(sp.low()), cy + 5, color, 2, null));
        s.append(line(x(sp.high()), cy - 5, x(sp.high()), cy + 5, color, 2, null));
        s.append("<circle cx=\"").append(Html.fmt(xr, 1)).append("\" cy=\"").append(Html.fmt(cy, 1))
                .append("\" r=\"4.5\" fill=\"").append(color).append("\"/>\n");
        s.append(text(WIDTH - VALUE + 14, cy + 4, "start", color, Html.ratio(sp.ratio()) + "  ["
                + Html.fmt(sp.low(), 2) + ", " + Html.fmt(sp.high(), 2) + "]"));
        s.append("</g>\n");
    }

    /** Green: faster beyond the minimum effect; amber: faster, but by less; red: slower; grey: undecided. */
    static String color(Speedup sp, double minSpeedup) {
        if (sp.low() > 1) {
            return sp.ratio() >= minSpeedup ? GREEN : AMBER;
        }
        return sp.high() < 1 ? RED : GREY;
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Html.fmt(v, 2).replaceAll("0+$", "");
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }

    private static String rect(double x, double y, double w, double h, String fill) {
        return "<rect x=\"" + Html.fmt(x, 1) + "\" y=\"" + Html.fmt(y, 1) + "\" width=\"" + Html.fmt(w, 1)
                + "\" height=\"" + Html.fmt(h, 1) + "\" fill=\"" + fill + "\"/>\n";
    }

    private static String line(double x1, double y1, double x2, double y2, String color, double width, String dash) {
        return "<line x1=\"" + Html.fmt(x1, 1) + "\" y1=\"" + Html.fmt(y1, 1) + "\" x2=\"" + Html.fmt(x2, 1) + "\" y2=\""
                + Html.fmt(y2, 1) + "\" stroke=\"" + color + "\" stroke-width=\"" + width + "\""
                + (dash == null ? "" : " stroke-dasharray=\"" + dash + "\"") + "/>\n";
    }

    private static String text(double x, double y, String anchor, String color, String body) {
        return "<text x=\"" + Html.fmt(x, 1) + "\" y=\"" + Html.fmt(y, 1) + "\" text-anchor=\"" + anchor + "\" fill=\""
                + color + "\">" + esc(body) + "</text>\n";
    }
}
