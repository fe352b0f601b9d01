package dev.selftune.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.TuneRequest;
import dev.selftune.report.ReportFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TuneCommandTest {
    @TempDir
    Path dir;

    @Test
    void tune_everyOption_reachesTheRequest() throws Exception {
        Path a = Files.createDirectory(dir.resolve("a"));
        Path jar = Files.writeString(dir.resolve("b.jar"), "");
        Path policy = Files.writeString(dir.resolve("policy.json"), "{}");
        Path rows = Files.writeString(dir.resolve("rows.bin"), "");
        CliRun run = CliRun.of(r -> ReportFixtures.keep(), "tune", "--classpath", a + ":" + jar + ":", "--target",
                "com.acme.Foo#bar([II)J", "--inputs-file", rows.toString(), "--sizes", "8, 64,4096", "--budget", "1m30s",
                "--seed", "-7", "--allow-fp-reassociation", "1e-9", "--min-speedup=1.1", "--confidence", "99%",
                "--policy", policy.toString(), "--out", dir.resolve("out").toString(), "--quiet");
        assertEquals(0, run.code, run.err);
        TuneRequest r = run.request;
        assertEquals(List.of(a, jar), r.classpath());
        assertEquals("com.acme.Foo", r.target().owner());
        assertEquals("([II)J", r.target().descriptor());
        assertEquals(rows, r.inputsFile());
        assertArrayEquals(new int[] {8, 64, 4096}, r.sizes());
        assertEquals(Duration.ofSeconds(90), r.budget());
        assertEquals(-7, r.seed());
        assertEquals(1e-9, r.fpTolerance());
        assertEquals(1.1, r.minSpeedup());
        assertEquals(0.99, r.confidence(), 1e-12);
        assertEquals(policy, r.policyFile());
        assertEquals(dir.resolve("out"), r.out());
        assertEquals("", run.err, "--quiet printed progress");
    }

    @Test
    void tune_defaults_matchTheRequestDefaults() {
        CliRun run = CliRun.of(r -> ReportFixtures.keep(), "tune", "--classpath", dir.toString(), "--target", "a.B#c",
                "--inputs", "a.Inputs#rows", "--out", dir.resolve("out").toString(), "--quiet");
        assertEquals(0, run.code, run.err);
        assertEquals("a.Inputs#rows", run.request.inputsProvider());
        assertEquals(Duration.ofSeconds(120), run.request.budget());
        assertArrayEquals(TuneRequest.DEFAULT_SIZES, run.request.sizes());
        assertEquals(1.05, run.request.minSpeedup());
    }

    @Test
    void tune_swap_writesOutAndPrintsSummary() throws Exception {
        Path out = dir.resolve("out");
        CliRun run = CliRun.of(r -> {
            r.progress().update("verify", 3, 9, 100);
            r.progress().message("v3 rejected: return value differs");
            return ReportFixtures.swap();
        }, "tune", "--classpath", dir.toString(), "--target", "dev.selftune.report.Dot#dot", "--out", out.toString());
        assertEquals(0, run.code, run.err);
        assertTrue(Files.isRegularFile(out.resolve("report.json")));
        assertTrue(Files.isRegularFile(out.resolve("report.html")));
        assertTrue(Files.isRegularFile(out.resolve("winner/dev/selftune/report/Dot.class")));
        assertTrue(run.out.contains("decision    swap v2: 1.68x [1.59, 1.78]"), run.out);
        assertTrue(run.out.contains("changed     dot([D[D)D"), run.out);
        assertTrue(run.out.contains("variants    9 generated, 2 rejected, 6 measured"), run.out);
        assertTrue(run.out.contains("elapsed     113.4 s (budget 120 s)"), run.out);
        assertTrue(run.out.contains(out.resolve("winner/dev/selftune/report/Dot.class").toString()), run.out);
        assertTrue(run.err.contains("selftune: verify    3/9 variants, 1m40s left"), run.err);
        assertTrue(run.err.contains("selftune: v3 rejected: return value differs"), run.err);
    }

    @Test
    void tune_keep_exits0AndSaysWhy() throws Exception {
        Path out = dir.resolve("out");
        CliRun run = CliRun.of(r -> ReportFixtures.keep(), "tune", "--classpath", dir.toString(), "--target", "a.B#c",
                "--out", out.toString(), "--quiet");
        assertEquals(0, run.code, run.err);
        assertTrue(run.out.contains("decision    keep-original: no variant"), run.out);
        assertTrue(run.out.contains("screening   best estimate v2: 1.68x [1.58, 1.79] (wall time; screening only ranks"), run.out);
        assertFalse(run.out.contains("best        v2"), run.out);
        assertFalse(Files.exists(out.resolve("winner")));
    }

    @Test
    void tune_keepAfterConfirmation_namesTheConfirmedVariantNotTheScreeningLeader() {
        CliRun run = CliRun.of(r -> ReportFixtures.keepConfirmed(), "tune", "--classpath", dir.toString(), "--target", "a.B#c",
                "--out", dir.resolve("out").toString(), "--quiet");
        assertEquals(0, run.code, run.err);
        assertTrue(run.out.contains("confirmed   v1: 1.03x [0.97, 1.10] (cpu time, confirmed in 6 fork pairs): "
                + "the variant this decision is about"), run.out);
        assertTrue(run.out.contains("screening   best estimate v2: 1.68x [1.58, 1.79] (wall time; screening only ranks, "
                + "it never decides)"), run.out);
        assertTrue(run.out.contains("not applied interchange: needs two nested counted loops"), run.out);
        assertTrue(run.out.contains("            tune-constant: no integer constant"), run.out);
        assertFalse(run.out.contains("exactness"), run.out);
    }

    @Test
    void tune_swapWithinTolerance_saysSoAndNamesTheBasis() {
        CliRun run = CliRun.of(r -> ReportFixtures.swapWithinTolerance(), "tune", "--classpath", dir.toString(), "--target",
                "dev.selftune.report.Dot#dot", "--out", dir.resolve("out").toString(), "--quiet");
        assertEquals(0, run.code, run.err);
        assertTrue(run.out.contains("decision    swap v2: 1.68x [1.59, 1.78] (cpu time, confirmed in 6 fork pairs), "
                + "clears the 1.05x minimum"), run.out);
        assertTrue(run.out.contains("exactness   results had to agree within a relative 1.00e-09"), run.out);
        assertFalse(run.out.contains("best estimate v2"), run.out);
    }

    @Test
    void tune_pipelineCrash_exits1WithOneLineAndNoOut() {
        Path out = dir.resolve("out");
        CliRun run = CliRun.of(r -> {
            throw new IllegalStateException("fork died");
        }, "tune", "--classpath", dir.toString(), "--target", "a.B#c", "--out", out.toString(), "--quiet");
        assertEquals(1, run.code);
        assertEquals("selftune: error: internal error: java.lang.IllegalStateException: fork died "
                + "(run again with --debug for the stack trace)", run.errLine());
        assertFalse(Files.exists(out));
    }

    @Test
    void tune_pipelineCrashWithDebug_printsStackTrace() {
        CliRun run = CliRun.of(r -> {
            throw new IllegalStateException("fork died");
        }, "tune", "--classpath", dir.toString(), "--target", "a.B#c", "--out", dir.resolve("out").toString(), "--quiet", "--debug");
        assertEquals(1, run.code);
        assertTrue(run.err.startsWith("selftune: error: internal error: java.lang.IllegalStateException: fork died\n"), run.err);
        assertTrue(run.err.contains("\tat "), run.err);
    }

    @Test
    void tune_help_printsOptions() {
        CliRun run = CliRun.of("tune", "--help");
        assertEquals(0, run.code);
        for (String option : TuneOptions.VALUED) {
            assertTrue(run.out.contains(option), option + " missing from tune --help");
        }
    }
}
