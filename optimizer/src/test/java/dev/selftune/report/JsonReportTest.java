package dev.selftune.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonReportTest {
    private static final List<String> VARIANT_FIELDS = List.of("id", "parent", "transforms", "verdict", "inputsChecked",
            "rejectReason", "counterexample", "score", "error", "speedup", "speedupLow", "speedupHigh", "note");

    @Test
    void render_swap_parsesBackWithEveryField() {
        Map<String, Object> m = Json.parseObject(JsonReport.render(ReportFixtures.swap()));
        assertEquals("dev.selftune.report.Dot#dot([D[D)D", m.get("target"));
        assertEquals(Map.of("version", "17.0.15+6-Debian-1deb12u1", "vendor", "Debian"), m.get("jvm"));
        assertTrue(((String) m.get("cpu")).startsWith("Intel"));
        assertEquals(42L, m.get("seed"));
        assertEquals(120L, m.get("budgetSeconds"));
        assertEquals(113.4, m.get("elapsedSeconds"));
        Map<?, ?> baseline = (Map<?, ?>) m.get("baseline");
        assertEquals(410.5, baseline.get("score"));
        assertEquals(7.5, baseline.get("error"));
        assertEquals("ns/op", baseline.get("unit"));
        assertEquals(3L, baseline.get("forks"));
        assertEquals(5L, baseline.get("iterations"));
        assertEquals("swap", m.get("decision"));
        assertTrue(m.containsKey("reason"));
        assertNull(m.get("reason"));
        Map<?, ?> winner = (Map<?, ?>) m.get("winner");
        assertEquals("v2", winner.get("id"));
        assertEquals(1.68, winner.get("speedup"));
        assertEquals(1.59, winner.get("speedupLow"));
        assertEquals(1.78, winner.get("speedupHigh"));
        assertEquals("winner/dev/selftune/report/Dot.class", winner.get("classFile"));
        assertEquals(List.of("dot([D[D)D"), winner.get("changedMethods"), "the winner rewrote dot");
    }

    @Test
    void render_variants_carryEveryFieldWithNullWhereNotMeasured() {
        List<?> variants = (List<?>) Json.parseObject(JsonReport.render(ReportFixtures.swap())).get("variants");
        assertEquals(9, variants.size());
        for (Object o : variants) {
            Map<?, ?> v = (Map<?, ?>) o;
            for (String f : VARIANT_FIELDS) {
                assertTrue(v.containsKey(f), "variant " + v.get("id") + " lacks " + f);
            }
        }
        Map<?, ?> v2 = (Map<?, ?>) variants.get(2);
        assertEquals("passed", v2.get("verdict"));
        assertEquals("v1", v2.get("parent"));
        assertEquals(List.of(Map.of("name", "unroll", "params", Map.of("loop", 0L, "factor", 4L))), v2.get("transforms"));
        assertEquals(1240L, v2.get("inputsChecked"));
        assertEquals(1.68, v2.get("speedup"));
        Map<?, ?> v3 = (Map<?, ?>) variants.get(3);
        assertEquals("rejected", v3.get("verdict"));
        assertEquals(17L, v3.get("inputsChecked"));
        assertTrue(((String) v3.get("rejectReason")).contains("reassociation"));
        assertTrue(((String) v3.get("counterexample")).contains("original returned 0.0"));
        assertNull(v3.get("score"));
        assertNull(v3.get("speedup"));
        Map<?, ?> v8 = (Map<?, ?>) variants.get(8);
        assertEquals("passed", v8.get("verdict"));
        assertNull(v8.get("score"));
        assertNull(v8.get("speedupLow"));
        assertEquals("budget ran out before measuring", v8.get("note"));
    }

    @Test
    void render_keep_hasReasonAndNullWinner() {
        Map<String, Object> m = Json.parseObject(JsonReport.render(ReportFixtures.keep()));
        assertEquals("keep-original", m.get("decision"));
        assertTrue(((String) m.get("reason")).startsWith("no variant"));
        assertTrue(m.containsKey("winner"));
        assertNull(m.get("winner"));
    }

    @Test
    void readDecision_swapReport_pointsAtWinnerClass(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("report.json");
        Files.writeString(json, JsonReport.render(ReportFixtures.swap()));
        ReportedDecision d = JsonReport.readDecision(json);
        assertTrue(d.isSwap());
        assertEquals("v2", d.winnerId());
        assertEquals(1.68, d.speedup());
        assertEquals(dir.resolve("winner/dev/selftune/report/Dot.class").toAbsolutePath(), d.winnerClass());
        assertNotNull(d.originalClassSha256());
    }

    @Test
    void readDecision_keepReport_hasReasonAndNoClass(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("report.json");
        Files.writeString(json, JsonReport.render(ReportFixtures.keep()));
        ReportedDecision d = JsonReport.readDecision(json);
        assertFalse(d.isSwap());
        assertNull(d.winnerClass());
        assertTrue(d.reason().startsWith("no variant"));
    }

    @Test
    void render_keepConfirmed_recordsSetupBasesConfirmedAndNotApplied() {
        Map<String, Object> m = Json.parseObject(JsonReport.render(ReportFixtures.keepConfirmed()));
        assertTrue(m.containsKey("fpTolerance"));
        assertNull(m.get("fpTolerance"), "bit-exact runs record a null tolerance");
        assertEquals(List.of(16L, 1024L), m.get("sizes"));
        assertEquals("generated", m.get("inputs"));
        assertEquals(List.of("-Xmx1g"), m.get("forkJvmArgs"));
        Map<?, ?> plans = (Map<?, ?>) m.get("forkPlans");
        assertEquals(Map.of("forks", 1L, "warmupIterations", 3L, "measurementIterations", 4L, "iterationMillis", 100L),
                plans.get("screening"));
        assertEquals(Map.of("forks", 1L, "warmupIterations", 4L, "measurementIterations", 5L, "iterationMillis", 100L),
                plans.get("confirmation"));
        assertEquals("wall", ((Map<?, ?>) m.get("baseline")).get("basis"));
        Map<?, ?> confirmed = (Map<?, ?>) m.get("confirmed");
        assertEquals("v1", confirmed.get("id"));
        assertEquals(1.03, confirmed.get("speedup"));
        assertEquals(0.97, confirmed.get("speedupLow"));
        assertEquals("cpu", confirmed.get("speedupBasis"));
        assertEquals(6L, confirmed.get("pairs"));
        assertEquals(false, confirmed.get("toleranceBased"));
        List<?> variants = (List<?>) m.get("variants");
        Map<?, ?> v1 = (Map<?, ?>) variants.get(1);
        assertEquals("confirmation", v1.get("stage"));
        assertEquals("cpu", v1.get("speedupBasis"));
        assertEquals("wall", v1.get("scoreBasis"));
        Map<?, ?> v2 = (Map<?, ?>) variants.get(2);
        assertEquals("screening", v2.get("stage"));
        assertEquals("wall", v2.get("speedupBasis"));
        for (Object o : variants) {
            Map<?, ?> v = (Map<?, ?>) o;
            assertEquals(v.get("score") == null, v.get("scoreBasis") == null, "score without basis in " + v.get("id"));
            assertEquals(v.get("speedup") == null, v.get("speedupBasis") == null, "speedup without basis in " + v.get("id"));
        }
        assertEquals(ReportFixtures.notApplied(), m.get("notApplied"));
    }

    @Test
    void render_swapWithinTolerance_marksTheWinnerAndItsBasis() {
        Map<String, Object> m = Json.parseObject(JsonReport.render(ReportFixtures.swapWithinTolerance()));
        assertEquals(1e-9, m.get("fpTolerance"));
        Map<?, ?> winner = (Map<?, ?>) m.get("winner");
        assertEquals(true, winner.get("toleranceBased"));
        assertEquals("cpu", winner.get("speedupBasis"));
        Map<?, ?> confirmation = (Map<?, ?>) winner.get("confirmation");
        assertEquals("wall", ((Map<?, ?>) confirmation.get("winner")).get("basis"));
        assertEquals("v2", ((Map<?, ?>) m.get("confirmed")).get("id"));
    }

    @Test
    void render_resultWithoutSetup_writesNullsNotGuesses() {
        Map<String, Object> m = Json.parseObject(JsonReport.render(ReportFixtures.swap()));
        for (String f : List.of("fpTolerance", "sizes", "inputs", "forkJvmArgs", "forkPlans", "confirmed")) {
            assertTrue(m.containsKey(f), "missing " + f);
            assertNull(m.get(f), f);
        }
        assertEquals(Map.of(), m.get("notApplied"));
    }
}
