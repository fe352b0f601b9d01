package dev.selftune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.meta.SelfTuneRow;
import dev.selftune.meta.SelfTuning;
import dev.selftune.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code self-improve --tune-self}: its options, their bad combinations, and a run with a planted self-tuner. */
class SelfImproveTuneSelfTest {
    @TempDir
    Path dir;
    private final BiFunction<dev.selftune.meta.SelfImproveRequest, Consumer<String>, SelfTuning> real = SelfImproveCommand.selfTuner;

    @AfterEach
    void restore() {
        SelfImproveCommand.selfTuner = real;
    }

    private CliRun run(String budget, String... extra) throws Exception {
        Path t = dir.resolve("train.txt");
        Path h = dir.resolve("holdout.txt");
        Files.writeString(t, "a.B#c\n");
        Files.writeString(h, "x.Y#z\n");
        List<String> args = new ArrayList<>(List.of("self-improve", "--classpath", dir.toString(), "--train", t.toString(),
                "--holdout", h.toString(), "--generations", "1", "--candidates", "1", "--budget", budget,
                "--cache", dir.resolve("c").toString(), "--quiet", "--out", dir.resolve("out").toString()));
        args.addAll(List.of(extra));
        return CliRun.of(req -> dev.selftune.meta.TuneScorerTest.result(new dev.selftune.api.Decision.Keep("no gain"),
                new dev.selftune.api.CacheCounts(0, 4)), args.toArray(String[]::new));
    }

    @Test
    void selfImprove_tuneSelfMethodsWithoutTuneSelf_exits2SayingToAddIt() throws Exception {
        CliRun r = run("20m", "--tune-self-methods", "2");
        assertEquals(Main.BAD_INPUT, r.code);
        assertTrue(r.errLine().contains("--tune-self-methods only applies with --tune-self"), r.err);
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void selfImprove_tuneSelfBudgetWithoutTuneSelf_exits2() throws Exception {
        CliRun r = run("20m", "--tune-self-budget", "40s");
        assertEquals(Main.BAD_INPUT, r.code);
        assertTrue(r.errLine().contains("--tune-self-budget only applies with --tune-self"), r.err);
    }

    @Test
    void selfImprove_tuneSelfBadValues_exit2NamingTheOption() throws Exception {
        assertTrue(run("20m", "--tune-self", "--tune-self-methods", "0").errLine().contains("to tune none, drop --tune-self"));
        assertTrue(run("20m", "--tune-self", "--tune-self-methods", "9").errLine().contains("--tune-self-methods 9 must be 1..5"));
        assertTrue(run("20m", "--tune-self", "--tune-self-budget", "soon").errLine().contains("--tune-self-budget 'soon' is not a duration"));
        assertTrue(run("20m", "--tune-self", "--tune-self-budget", "10s").errLine().contains("below tune's 30s minimum"));
        assertTrue(run("20m", "--tune-self", "--tune-self").errLine().contains("--tune-self is given twice"));
    }

    @Test
    void selfImprove_tuneSelfBudgetLeavesTooLittle_exits2NamingTheBudget() throws Exception {
        // 1 candidate × 1 + 1 + 1 = 3 tunings of 30 s, plus 3 × 30 s of self-tuning
        CliRun r = run("120s", "--tune-self");
        assertEquals(Main.BAD_INPUT, r.code);
        assertTrue(r.errLine().contains("give --budget 180s or more"), r.err);
    }

    @Test
    void selfImprove_tuneSelfWithPlantedTuner_writesSelfTuningRowsPerGeneration() throws Exception {
        List<String> calls = new ArrayList<>();
        SelfImproveCommand.selfTuner = (req, progress) -> new SelfTuning() {
            @Override
            public void generationStarts(int g) {
                calls.add("start " + g);
            }

            @Override
            public List<SelfTuneRow> generationEnds(int g, int later) {
                calls.add("end " + g);
                if (g == 0) {
                    throw new IllegalStateException("planted");
                }
                return List.of(SelfTuneRow.notTuned("dev.selftune.x.Y#z()", 11, "not-tuned", "last generation"));
            }

            @Override
            public String note() {
                return null;
            }

            @Override
            public void close() { }
        };
        CliRun r = run("199s", "--tune-self", "--tune-self-methods", "2", "--tune-self-budget", "35s");
        assertEquals(Main.OK, r.code, r.err);
        assertEquals(List.of("start 0", "end 0", "start 1", "end 1"), calls);
        assertEquals(java.time.Duration.ofSeconds(43), r.request.budget(), "(199 s - 2 × 35 s) over 3 tunings");
        Map<String, Object> json = Json.parseObject(Files.readString(dir.resolve("out/report.json")));
        List<?> gens = (List<?>) json.get("generations");
        assertEquals("error", ((Map<?, ?>) ((List<?>) ((Map<?, ?>) gens.get(0)).get("selfTuning")).get(0)).get("decision"));
        assertEquals("not-tuned", ((Map<?, ?>) ((List<?>) ((Map<?, ?>) gens.get(1)).get("selfTuning")).get(0)).get("decision"));
    }

    @Test
    void help_selfImprove_documentsTuneSelf() throws Exception {
        CliRun r = CliRun.of("help", "self-improve");
        assertTrue(r.out.contains("--tune-self ") && r.out.contains("--tune-self-methods") && r.out.contains("--tune-self-budget"), r.out);
    }
}
