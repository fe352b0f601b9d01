package dev.selftune.meta;

import java.util.Locale;

/** The report's small table of what {@code --tune-self} did after each generation with selftune's own hot methods. */
final class SelfTuningHtml {
    private SelfTuningHtml() { }

    static String render(MetaRun run) {
        SelfImproveRequest q = run.request();
        StringBuilder sb = new StringBuilder("<p>After each generation the ").append(q.tuneSelfMethods())
                .append(" hottest eligible methods of selftune itself (by JFR samples of that generation) are tuned out of")
                .append(" process, ").append(q.tuneSelfBudget().toSeconds()).append(" s each, carved from the generation's budget;")
                .append(" a confirmed winner is swapped into this JVM so later generations run on it.</p>");
        if (run.selfTuningNote() != null) {
            sb.append("<p><b>").append(MetaHtml.esc(run.selfTuningNote())).append("</b></p>");
        }
        sb.append("<table><tr><th>after gen</th><th>method</th><th>samples</th><th>decision</th><th>speedup</th>")
                .append("<th>swapped</th><th>why</th></tr>");
        int n = 0;
        for (GenerationRow r : run.generations()) {
            for (SelfTuneRow t : r.selfTuning()) {
                n++;
                sb.append("<tr><td>").append(r.generation()).append("</td><td>").append(MetaHtml.esc(t.method()))
                        .append("</td><td>").append(t.samples()).append("</td><td>").append(MetaHtml.esc(t.decision()))
                        .append("</td><td>").append(Double.isNaN(t.speedup()) ? "—" : String.format(Locale.ROOT,
                                "%.3fx [%.3f, %.3f]", t.speedup(), t.low(), t.high()))
                        .append("</td><td>").append(t.swapped() ? "yes" : "no").append("</td><td>")
                        .append(MetaHtml.esc(t.reason())).append("</td></tr>");
            }
        }
        if (n == 0) {
            sb.append("<tr><td colspan=\"7\">no own method was hot enough to tune</td></tr>");
        }
        return sb.append("</table>").toString();
    }
}
