package dev.selftune.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.RankSummary;
import dev.selftune.api.TuneResult;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** report.json says what the ranking model did (ranked out, its examples, fitted) and the forks the run spent. */
class JsonReportRankingTest {
    private static TuneResult with(RankSummary k) {
        TuneResult r = ReportFixtures.keep();
        return new TuneResult(r.target(), r.jvmVersion(), r.jvmVendor(), r.cpu(), r.seed(), r.budgetSeconds(),
                r.elapsedSeconds(), r.baseline(), r.variants(), r.decision(), r.originalClassBytes(), r.unexplored(),
                r.setup(), r.confirmed(), r.notApplied(), r.cache(), r.skipped(), k);
    }

    @Test
    @SuppressWarnings("unchecked")
    void report_rankedRun_hasRankingAndForksSpent() {
        RankSummary k = new RankSummary(true, "/c/rank-models/ab.json", 72, true, 24, 17, 1, 2, 16, 12, "model on");
        Map<String, Object> m = JsonReport.toMap(with(k), 1.05);
        Map<String, Object> ranking = (Map<String, Object>) m.get("ranking");
        assertEquals(true, ranking.get("enabled"));
        assertEquals(72, ranking.get("examples"));
        assertEquals(true, ranking.get("fitted"));
        assertEquals(24, ranking.get("candidates"));
        assertEquals(17, ranking.get("rankedOut"));
        assertEquals(1, ranking.get("explored"));
        assertEquals(2, ranking.get("extended"));
        assertEquals("/c/rank-models/ab.json", ranking.get("modelFile"));
        assertEquals(Map.of("screening", 16, "confirmation", 12, "total", 28), m.get("forksSpent"));
    }

    @Test
    void report_resultWithoutRanking_hasNeitherField() {
        Map<String, Object> m = JsonReport.toMap(ReportFixtures.keep(), 1.05);
        assertFalse(m.containsKey("ranking"));
        assertFalse(m.containsKey("forksSpent"));
    }

    @Test
    void rankSummary_moreRankedOutThanCandidates_refused() {
        assertThrows(IllegalArgumentException.class, () -> new RankSummary(true, null, 0, false, 3, 4, 0, 0, 0, 0, "x"));
    }

    @Test
    void html_rankedRun_namesWhatWasRankedOutAndTheForks() {
        String html = HtmlReport.render(with(new RankSummary(true, null, 72, true, 24, 17, 1, 2, 16, 12, "model on with 72 examples")), 1.05);
        assertTrue(html.contains("17 of 24 variants ranked out of screening; model on with 72 examples"), "no ranking line");
        assertTrue(html.contains("16 screening \u00b7 12 confirmation"), "no forks line");
        assertFalse(HtmlReport.render(with(new RankSummary(false, null, 0, false, 24, 0, 0, 0, 30, 12, "off")), 1.05).contains("ranked out"));
    }
}
