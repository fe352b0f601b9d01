package dev.selftune.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
    @Test
    void render_swap_hasChartWithEveryMeasuredVariantAndReferenceLines() {
        String html = HtmlReport.render(ReportFixtures.swap());
        int svg = html.indexOf("<svg class=\"chart\"");
        assertTrue(svg > 0, "no inline SVG chart");
        String chart = html.substring(svg, html.indexOf("</svg>", svg));
        assertEquals(6, count(chart, "<circle"), "one dot per measured variant (v3, v4 rejected; v8 not measured)");
        assertTrue(chart.contains("original 1.0"));
        assertTrue(chart.contains("min 1.05"));
        assertTrue(chart.contains("stroke-dasharray"));
        assertTrue(chart.contains("v2  \u2605 winner"));
    }

    @Test
    void render_swap_namesTheMethodsTheWinnerChanged() {
        assertTrue(HtmlReport.render(ReportFixtures.swap()).contains("Methods changed: dot([D[D)D."));
    }

    @Test
    void render_counterexampleWithMarkup_isEscaped() {
        String html = HtmlReport.render(ReportFixtures.swap());
        assertFalse(html.contains("<script>"), "markup from a counterexample reached the page unescaped");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(html.contains("timed out after 2000 ms"));
    }

    @Test
    void render_swap_showsOriginalAndWinnerBytecodeSideBySide() {
        String html = HtmlReport.render(ReportFixtures.swap());
        assertTrue(html.contains("Bytecode: original vs winner v2"));
        assertTrue(html.contains("<div class=\"caption\">original</div>"));
        assertTrue(html.contains("<div class=\"caption\">v2</div>"));
        assertTrue(html.contains("dot([D[D)D"));
        assertTrue(html.contains("DALOAD"));
        assertTrue(html.contains("class=\"add\""), "the winner's extra lines are not marked");
        assertFalse(html.contains("&lt;init&gt;()V</code>"), "an unchanged constructor was shown");
    }

    @Test
    void render_keep_saysWhyAndComparesBestMeasured() {
        String html = HtmlReport.render(ReportFixtures.keep());
        assertTrue(html.contains("Decision: keep the original"));
        assertTrue(html.contains("no variant&#39;s speedup interval excluded 1.0"));
        assertTrue(html.contains("best measured variant v2 (not swapped)"));
    }

    @Test
    void render_keepAfterConfirmation_namesTheConfirmedVariantAndLabelsScreening() {
        String html = HtmlReport.render(ReportFixtures.keepConfirmed());
        assertTrue(html.contains("The decision is about <b>v1</b>, confirmed at 1.03x [0.97, 1.10] (CPU time)"), html);
        assertTrue(html.contains("Best screening estimate: v2 at 1.68x [1.58, 1.79] (wall time)"), html);
        assertTrue(html.contains("screening (one short fork a side) only ranks; it never decides"));
        assertTrue(html.contains("Bytecode: original vs confirmed variant v1 (not swapped)"));
        assertTrue(html.contains("confirmed, cpu"), "the variants table does not mark the confirmed interval's basis");
    }

    @Test
    void render_setupAndNotApplied_areShown() {
        String html = HtmlReport.render(ReportFixtures.swapWithinTolerance());
        assertTrue(html.contains("<dt>Exactness</dt><dd>within a relative 1.0E-9 (--allow-fp-reassociation), not bit for bit</dd>"), html);
        assertTrue(html.contains("<dt>Inputs</dt><dd>generated, sizes [16, 1024]</dd>"));
        assertTrue(html.contains("<dt>Fork JVM flags</dt><dd>-Xmx1g</dd>"));
        assertTrue(html.contains("<dt>Screening plan</dt><dd>1 fork \u00d7 (3 warm-up + 4 measured) \u00d7 100 ms</dd>"));
        assertTrue(html.contains("A tolerance-based win"));
        assertTrue(html.contains("(CPU time), confirmed interval [1.59, 1.78]"));
        assertTrue(html.contains("Transforms that produced no variant"));
        assertTrue(html.contains("<td class=\"tf\">interchange</td><td class=\"note\">needs two nested counted loops"), html);
    }

    @Test
    void render_selfContained_noScriptsOrExternalAssets() {
        String html = HtmlReport.render(ReportFixtures.swap());
        assertFalse(html.contains("<script"));
        assertFalse(html.contains("<link"));
        assertFalse(html.contains("src=\"http"));
        assertFalse(html.contains("url("));
    }

    @Test
    void render_nothingMeasuredAndNoClassBytes_stillRendersAndSaysSo() {
        dev.selftune.api.TuneResult k = ReportFixtures.keep();
        java.util.List<dev.selftune.api.VariantResult> rejectedOnly = k.variants().stream().filter(v -> !v.verdict().passed()).toList();
        dev.selftune.api.TuneResult r = new dev.selftune.api.TuneResult(k.target(), k.jvmVersion(), k.jvmVendor(), k.cpu(), k.seed(),
                k.budgetSeconds(), k.elapsedSeconds(), k.baseline(), rejectedOnly, k.decision(), null);
        String html = HtmlReport.render(r);
        assertTrue(html.contains("<svg class=\"chart\""));
        assertTrue(html.contains("No variant was measured"));
        assertTrue(html.contains("The original class bytes were not recorded."));
    }

    /** Writes preview pages when -Dselftune.report.preview=<dir> is given, for looking at in a browser. */
    @Test
    void preview_whenAsked_writesBothPages() {
        String dir = System.getProperty("selftune.report.preview");
        if (dir != null) {
            OutputWriter.write(ReportFixtures.swap(), Path.of(dir, "swap"));
            OutputWriter.write(ReportFixtures.keep(), Path.of(dir, "keep"));
        }
    }

    private static int count(String s, String sub) {
        int n = 0;
        for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + 1)) {
            n++;
        }
        return n;
    }
}
