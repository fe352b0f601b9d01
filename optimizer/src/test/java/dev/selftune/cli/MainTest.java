package dev.selftune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void help_printsCommandsOnStdout() {
        for (String h : new String[] {"help", "--help", "-h"}) {
            CliRun run = CliRun.of(h);
            assertEquals(0, run.code);
            assertTrue(run.out.contains("tune") && run.out.contains("attach") && run.out.contains("aa"), run.out);
            assertEquals("", run.err);
        }
    }

    @Test
    void helpTune_printsTuneUsage() {
        CliRun run = CliRun.of("help", "tune");
        assertEquals(0, run.code);
        assertTrue(run.out.startsWith("usage: selftune tune"), run.out);
    }

    @Test
    void version_printsOneLine() {
        CliRun run = CliRun.of("--version");
        assertEquals(0, run.code);
        assertTrue(run.out.startsWith("selftune "), run.out);
        assertEquals(1, run.out.split("\\R").length);
    }

    @Test
    void noArguments_printsUsageOnStderrAndExits2() {
        CliRun run = CliRun.of();
        assertEquals(2, run.code);
        assertTrue(run.err.contains("usage: selftune <command>"), run.err);
    }

    @Test
    void table_withoutDirectories_exits2() {
        CliRun run = CliRun.of("table");
        assertEquals(2, run.code);
        assertTrue(run.errLine().contains("table needs tune --out directories"), run.err);
    }

    @Test
    void table_missingReport_saysFailedAndExits0(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        CliRun run = CliRun.of("table", dir.resolve("nothing").toString());
        assertEquals(0, run.code, run.err);
        assertTrue(run.out.contains("nothing") && run.out.contains("failed"), run.out);
    }

    @Test
    void aa_withoutTarget_exits2WithOneLine() {
        CliRun run = CliRun.of("aa", "--classpath", ".");
        assertEquals(2, run.code, run.err);
        assertTrue(run.errLine().contains("missing --target"), run.err);
    }

    @Test
    void aa_badComparisons_exits2() {
        CliRun run = CliRun.of("aa", "--comparisons", "many");
        assertEquals(2, run.code, run.err);
        assertTrue(run.errLine().contains("--comparisons 'many' is not a whole number"), run.err);
    }
}
