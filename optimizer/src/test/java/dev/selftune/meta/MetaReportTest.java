package dev.selftune.meta;

import static dev.selftune.meta.Fakes.u;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.search.PolicyFile;
import dev.selftune.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetaReportTest {
    @TempDir
    Path out;

    private MetaRun adoptedInGeneration1() {
        Fakes.Scoring s = new Fakes.Scoring((p, label) -> label.startsWith("g1-c1") ? u(1.6, 1.4, 1.8, 100)
                : u(1.2, 1.1, 1.3, 100));
        return new SelfImprove(Fakes.request(2, 2, out), s, line -> { }).run();
    }

    @Test
    void write_reportJson_hasGenerationsArchiveCacheAndVerdict() throws Exception {
        MetaRun run = adoptedInGeneration1();
        MetaReport.write(run, out);
        Map<String, Object> m = Json.parseObject(Files.readString(out.resolve("report.json")));
        List<?> gens = (List<?>) m.get("generations");
        assertEquals(3, gens.size());
        Map<?, ?> g1 = (Map<?, ?>) gens.get(1);
        for (String k : List.of("generation", "parent", "policyFile", "policyDiff", "trainUtility", "holdoutUtility",
                "adopted", "wallSeconds", "parentOwnScore", "parentMetaproductivity")) {
            assertTrue(g1.containsKey(k), "generation entry lacks " + k);
        }
        assertEquals("policy-1.json", g1.get("policyFile"));
        assertEquals(true, g1.get("adopted"));
        Map<?, ?> train = (Map<?, ?>) g1.get("trainUtility");
        for (String k : List.of("speedup", "low", "high", "measurements")) {
            assertTrue(train.containsKey(k), "utility lacks " + k);
        }
        assertEquals(1.6, ((Number) train.get("speedup")).doubleValue(), 1e-9);
        List<?> archive = (List<?>) m.get("archive");
        assertEquals(1 + 2 * 2, archive.size());
        Map<?, ?> c = (Map<?, ?>) archive.get(1);
        assertEquals("g0", c.get("parent"));
        assertTrue(c.containsKey("ownScore") && c.containsKey("metaproductivity"), c.toString());
        Map<?, ?> cache = (Map<?, ?>) m.get("cache");
        // every scoring of one target reports 2 hits and 98 misses in Fakes.u
        long scorings = archive.stream().map(a -> (Map<?, ?>) a)
                .mapToLong(a -> List.of("trainUtility", "rerunUtility", "holdoutUtility").stream().filter(k -> a.get(k) != null).count()).sum();
        assertEquals(2 * scorings, ((Number) cache.get("hits")).longValue());
        assertEquals(98 * scorings, ((Number) cache.get("misses")).longValue());
        assertTrue(String.valueOf(m.get("verdict")).contains("stopped helping"), String.valueOf(m.get("verdict")));
    }

    @Test
    void write_keptTarget_hasTunesReason_aSwapHasNone() throws Exception {
        Utility kept = Utility.of(List.of(TargetScore.keep("a.B#c", 1, 1, 0, "budget left room for only 3 confirmation pairs"),
                new TargetScore("a.B#d", 1.5, 1.4, 1.6, 20, 0, 8, "swap")));
        Fakes.Scoring s = new Fakes.Scoring((p, label) -> kept);
        MetaRun run = new SelfImprove(Fakes.request(1, 1, out), s, line -> { }).run();
        MetaReport.write(run, out);
        Map<String, Object> m = Json.parseObject(Files.readString(out.resolve("report.json")));
        Map<?, ?> g0 = (Map<?, ?>) ((List<?>) m.get("generations")).get(0);
        List<?> targets = (List<?>) ((Map<?, ?>) g0.get("trainUtility")).get("targets");
        assertEquals("budget left room for only 3 confirmation pairs", ((Map<?, ?>) targets.get(0)).get("reason"));
        assertTrue(!((Map<?, ?>) targets.get(1)).containsKey("reason"), targets.toString());
    }

    @Test
    void write_policyFiles_onlyForAdoptedGenerationsAndLoadableByTune() throws Exception {
        MetaRun run = adoptedInGeneration1();
        MetaReport.write(run, out);
        assertEquals(dev.selftune.generate.Policy.defaults(), PolicyFile.load(out.resolve("policy-0.json")));
        Node adopted = run.nodes().stream().filter(n -> n.id.equals("g1-c1")).findFirst().orElseThrow();
        assertEquals(adopted.policy, PolicyFile.load(out.resolve("policy-1.json")));
        assertFalse(Files.exists(out.resolve("policy-2.json")));
        assertNull(run.generations().get(2).policyFile());
    }

    @Test
    void write_reportHtml_drawsCurvesAndLineageAndSaysWhenGenerationsStopHelping() throws Exception {
        MetaRun run = adoptedInGeneration1();
        MetaReport.write(run, out);
        String html = Files.readString(out.resolve("report.html"));
        assertEquals(2, html.split("<svg", -1).length - 1, "a curve chart and a lineage drawing");
        assertTrue(html.contains("held-out") && html.contains("training"), "both curves are labelled");
        assertTrue(html.contains("g1-c1") && html.contains("cmp"), "lineage names nodes with own score and clade");
        assertTrue(html.contains("stopped helping"));
        assertFalse(html.contains("<script"));
    }
}
