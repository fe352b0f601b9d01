package dev.selftune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** self-improve's bad input: one line on stderr, exit 2, no tuning run and nothing written. */
class SelfImproveCommandTest {
    @TempDir
    Path dir;

    private CliRun run(String train, String holdout, String budget, String... extra) throws Exception {
        Path t = dir.resolve("train.txt");
        Path h = dir.resolve("holdout.txt");
        Files.writeString(t, train);
        Files.writeString(h, holdout);
        String[] base = {"self-improve", "--classpath", dir.toString(), "--train", t.toString(), "--holdout", h.toString(),
            "--generations", "2", "--budget", budget, "--out", dir.resolve("out").toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRun.of(args);
    }

    @Test
    void selfImprove_badTargetsLine_exits2WithLineNumberAndRunsNothing() throws Exception {
        CliRun r = run("a.B#c\n# ok\na.B#d fp=lots\n", "x.Y#z\n", "20m");
        assertEquals(Main.BAD_INPUT, r.code);
        assertTrue(r.errLine().contains("train.txt:3: fp='lots'"), r.err);
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void selfImprove_budgetBelowTunesMinimum_exits2NamingTheBudgetNeeded() throws Exception {
        CliRun r = run("a.B#c\na.B#d\n", "x.Y#z\n", "3m");
        assertEquals(Main.BAD_INPUT, r.code, r.err);
        // 3 candidates × 2 + 2 + 1 = 9 tunings of 30 s
        assertTrue(r.errLine().contains("give --budget 270s or more"), r.err);
    }

    @Test
    void selfImprove_holdoutTargetAlsoInTraining_exits2() throws Exception {
        CliRun r = run("a.B#c\n", "a.B#c\n", "20m");
        assertEquals(Main.BAD_INPUT, r.code);
        assertTrue(r.errLine().contains("is also a training target"), r.err);
    }

    @Test
    void selfImprove_unknownOption_exits2() throws Exception {
        CliRun r = run("a.B#c\n", "x.Y#z\n", "20m", "--min-speedup", "1.0");
        assertEquals(Main.BAD_INPUT, r.code);
        assertTrue(r.errLine().contains("unknown option '--min-speedup'"), r.err);
    }

    @Test
    void selfImprove_fakeTuner_writesReportAndPoliciesAndPrintsTheVerdict() throws Exception {
        Path t = dir.resolve("train.txt");
        Path h = dir.resolve("holdout.txt");
        Files.writeString(t, "a.B#c\n");
        Files.writeString(h, "x.Y#z\n");
        int[] calls = {0};
        CliRun r = CliRun.of(req -> {
            calls[0]++;
            return dev.selftune.meta.TuneScorerTest.result(new dev.selftune.api.Decision.Keep("no gain"),
                    new dev.selftune.api.CacheCounts(0, 4));
        }, "self-improve", "--classpath", dir.toString(), "--train", t.toString(), "--holdout", h.toString(),
                "--generations", "1", "--candidates", "1", "--budget", "90s", "--cache", dir.resolve("c").toString(),
                "--quiet", "--out", dir.resolve("out").toString());
        assertEquals(Main.OK, r.code, r.err);
        assertEquals(3, calls[0], "g0 train + g0 held-out + one candidate (no re-run: it did not beat g0)");
        assertEquals(java.time.Duration.ofSeconds(30), r.request.budget(), "90s over 3 tunings");
        assertTrue(r.out.startsWith("no generation beat generation 0"), r.out);
        assertTrue(Files.exists(dir.resolve("out/report.json")) && Files.exists(dir.resolve("out/report.html"))
                && Files.exists(dir.resolve("out/policy-0.json")));
    }

    @Test
    void help_selfImprove_listsItsOptions() {
        CliRun r = CliRun.of("help", "self-improve");
        assertEquals(Main.OK, r.code);
        assertTrue(r.out.contains("--holdout"), r.out);
    }
}
