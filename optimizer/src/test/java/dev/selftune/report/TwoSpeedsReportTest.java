package dev.selftune.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.TuneResult;
import dev.selftune.util.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A confirmation side whose forks ran at two speeds is named in report.json and report.html; one speed is not. */
class TwoSpeedsReportTest {
    @Test
    @SuppressWarnings("unchecked")
    void json_twoSpeedOriginal_hasTwoSpeedsOnTheBaselineOnly() {
        Map<String, Object> j = (Map<String, Object>) Json.parse(JsonReport.render(ReportFixtures.swapTwoSpeedOriginal(), 1.05));
        Map<String, Object> conf = (Map<String, Object>) ((Map<String, Object>) j.get("winner")).get("confirmation");
        Map<String, Object> two = (Map<String, Object>) ((Map<String, Object>) conf.get("baseline")).get("twoSpeeds");
        assertEquals(3, ((Number) two.get("fastForks")).intValue());
        assertEquals(301.0, ((Number) two.get("fastScore")).doubleValue(), 1e-9);
        assertEquals(420.0, ((Number) two.get("slowScore")).doubleValue(), 1e-9);
        assertNull(((Map<String, Object>) conf.get("winner")).get("twoSpeeds"));
    }

    @Test
    void html_twoSpeedOriginal_saysSoInTheDecision_andNotForOneSpeed() {
        String h = HtmlReport.render(ReportFixtures.swapTwoSpeedOriginal(), 1.05);
        assertTrue(h.contains("The original ran at two speeds across its 6 forks: 301 ns/op in 3, 420 ns/op in 3"), h);
        TuneResult plain = ReportFixtures.swapWithinTolerance();
        assertTrue(!HtmlReport.render(plain, 1.05).contains("two speeds"));
    }

    @Test
    void notes_onlyWithAConfirmation() {
        assertEquals(List.of(), dev.selftune.measure.ForkModes.notes(ReportFixtures.swap()));
        assertEquals(1, dev.selftune.measure.ForkModes.notes(ReportFixtures.swapTwoSpeedOriginal()).size());
    }
}
