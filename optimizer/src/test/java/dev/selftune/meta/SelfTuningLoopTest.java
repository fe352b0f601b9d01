package dev.selftune.meta;

import static dev.selftune.meta.Fakes.u;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.TuneException;
import dev.selftune.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The meta loop with {@code --tune-self}: a planted self-tuner's rows land in the report; its failures never stop the run. */
class SelfTuningLoopTest {
    private static final Utility BASE = u(1.20, 1.10, 1.30, 100);

    @TempDir
    Path out;

    static SelfImproveRequest request(int generations, Path out, int methods) {
        return new SelfImproveRequest(Fakes.TRAIN, Fakes.HOLDOUT, generations, Duration.ofMinutes(20), 2, 7, out,
                List.of(out), "java", out.resolve("cache"), methods, Duration.ofSeconds(30));
    }

    /** Records the calls it gets; answers one row per generation, or throws where told. */
    static final class Planted implements SelfTuning {
        final List<String> calls = new ArrayList<>();
        int throwAtEnd = -1;
        int throwAtStart = -1;
        boolean closed;

        @Override
        public void generationStarts(int g) {
            calls.add("start " + g);
            if (g == throwAtStart) {
                throw new IllegalStateException("planted start failure");
            }
        }

        @Override
        public List<SelfTuneRow> generationEnds(int g, int later) {
            calls.add("end " + g + (later > 0 ? "" : " last"));
            if (g == throwAtEnd) {
                throw new OutOfMemoryError("planted failure inside self-tuning");
            }
            return List.of(new SelfTuneRow("dev.selftune.verify.Differ#diff(g" + g + ")", 40 + g, "swap", 1.3, 1.2, 1.4, true,
                            "confirmed winner v2 swapped into this JVM"),
                    SelfTuneRow.notTuned("dev.selftune.inputs.Gen#next()", 12, "refused", "instance method without a receiver"));
        }

        @Override
        public String note() {
            return "planted note";
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private MetaRun run(SelfImproveRequest q, SelfTuning t) {
        return new SelfImprove(q, new Fakes.Scoring((p, label) -> BASE), line -> { }, t).run();
    }

    @Test
    void run_tuneSelf_toldAroundEveryGenerationAndRowsRecordedWithReasons() throws Exception {
        Planted t = new Planted();
        MetaRun r = run(request(2, out, 3), t);
        assertEquals(List.of("start 0", "end 0", "start 1", "end 1", "start 2", "end 2 last"), t.calls);
        assertTrue(t.closed);
        for (GenerationRow g : r.generations()) {
            assertEquals(2, g.selfTuning().size(), "generation " + g.generation());
        }
        MetaReport.write(r, out);
        Map<String, Object> json = Json.parseObject(Files.readString(out.resolve("report.json")));
        Map<?, ?> self = (Map<?, ?>) json.get("tuneSelf");
        assertEquals(3L, ((Number) self.get("methodsPerGeneration")).longValue());
        assertEquals(90.0, ((Number) self.get("carvedFromEachGenerationSeconds")).doubleValue());
        assertEquals("planted note", self.get("note"));
        List<?> gens = (List<?>) json.get("generations");
        List<?> rows = (List<?>) ((Map<?, ?>) gens.get(1)).get("selfTuning");
        Map<?, ?> swap = (Map<?, ?>) rows.get(0);
        assertEquals("dev.selftune.verify.Differ#diff(g1)", swap.get("method"));
        assertEquals(41L, ((Number) swap.get("samples")).longValue());
        assertEquals("swap", swap.get("decision"));
        assertEquals(List.of(1.2, 1.4), swap.get("speedup"));
        assertEquals(true, swap.get("swapped"));
        Map<?, ?> refused = (Map<?, ?>) rows.get(1);
        assertEquals("refused", refused.get("decision"));
        assertNull(refused.get("speedup"));
        assertEquals("instance method without a receiver", refused.get("reason"));
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("selftune on selftune") && html.contains("Differ#diff(g1)")
                && html.contains("1.300x [1.200, 1.400]") && html.contains("planted note"), html);
    }

    @Test
    void run_selfTuningThrowsAtStartAndEnd_runCompletesWithAnErrorRow() {
        Planted t = new Planted();
        t.throwAtStart = 1;
        t.throwAtEnd = 1;
        MetaRun r = run(request(2, out, 1), t);
        assertEquals(3, r.generations().size(), "every generation ran");
        List<SelfTuneRow> g1 = r.generations().get(1).selfTuning();
        assertEquals(1, g1.size());
        assertEquals("error", g1.get(0).decision());
        assertFalse(g1.get(0).swapped());
        assertTrue(g1.get(0).reason().contains("planted failure inside self-tuning"), g1.get(0).reason());
        assertEquals(2, r.generations().get(2).selfTuning().size(), "generation 2 self-tunes again");
        assertTrue(t.closed);
    }

    @Test
    void run_withoutTuneSelf_reportHasNoSelfTuningFields() throws Exception {
        MetaRun r = new SelfImprove(Fakes.request(1, 1, out), new Fakes.Scoring((p, label) -> BASE), line -> { }).run();
        MetaReport.write(r, out);
        String json = Files.readString(out.resolve("report.json"));
        assertFalse(json.contains("selfTuning") || json.contains("tuneSelf"), json);
        assertFalse(Files.readString(out.resolve("report.html")).contains("selftune on selftune"));
    }

    @Test
    void request_tuneSelf_carvesItsBudgetFromEachGeneration() {
        // 20 min per generation, 2 candidates × 2 train + 2 + 1 = 7 tunings; 3 × 30 s carved for self-tuning
        assertEquals(Duration.ofMinutes(20).dividedBy(7), Fakes.request(1, 2, out).perTarget());
        assertEquals(Duration.ofMinutes(20).minusSeconds(90).dividedBy(7), request(1, out, 3).perTarget());
    }

    @Test
    void request_tuneSelfLeavesTooLittle_refusedNamingTheBudgetThatWould() {
        TuneException e = assertThrows(TuneException.class, () -> new SelfImproveRequest(Fakes.TRAIN, Fakes.HOLDOUT, 1,
                Duration.ofSeconds(200), 1, 7, out, List.of(out), "java", null, 3, Duration.ofSeconds(30)));
        // 1 × 2 + 2 + 1 = 5 tunings of 30 s, plus 90 s of self-tuning
        assertTrue(e.getMessage().contains("once --tune-self takes 90s") && e.getMessage().contains("give --budget 240s or more"),
                e.getMessage());
        assertEquals("--budget", e.element());
    }

    @Test
    void request_badSelfTuningValues_refused() {
        assertThrows(TuneException.class, () -> request(1, out, 6));
        TuneException e = assertThrows(TuneException.class, () -> new SelfImproveRequest(Fakes.TRAIN, Fakes.HOLDOUT, 1,
                Duration.ofMinutes(20), 1, 7, out, List.of(out), "java", null, 2, Duration.ofSeconds(10)));
        assertTrue(e.getMessage().contains("--tune-self-budget 10s"), e.getMessage());
    }
}
