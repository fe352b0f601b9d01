package dev.selftune.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsTableTest {
    @Test
    void render_swapKeepAndFailed_oneRowEachAndTotals(@TempDir Path dir) throws Exception {
        OutputWriter.write(ReportFixtures.swap(), dir.resolve("dot"));
        OutputWriter.write(ReportFixtures.keep(), dir.resolve("hash"));
        Files.createDirectory(dir.resolve("broken"));
        String t = ResultsTable.render(List.of(dir.resolve("dot"), dir.resolve("hash"), dir.resolve("broken")));
        assertTrue(t.lines().anyMatch(l -> l.startsWith("dot") && l.contains("swap") && l.contains("1.68x [1.59, 1.78]")
                && l.contains("113.4")), t);
        assertTrue(t.lines().anyMatch(l -> l.startsWith("hash") && l.contains("keep-original")), t);
        assertTrue(t.lines().anyMatch(l -> l.startsWith("broken") && l.contains("failed")), t);
        assertTrue(t.contains("swaps: 1 of 2; geometric mean speedup: 1.68x over the winners, 1.30x over all samples"), t);
        assertTrue(t.contains("samples at >= 1.5x: 1; over budget + 10%: none"), t);
    }

    @Test
    void render_confirmedKeepAndToleranceWin_namesVariantsMarksToleranceAndBasis(@TempDir Path dir) {
        OutputWriter.write(ReportFixtures.swapWithinTolerance(), dir.resolve("dot"));
        OutputWriter.write(ReportFixtures.keepConfirmed(), dir.resolve("hash"));
        String t = ResultsTable.render(List.of(dir.resolve("dot"), dir.resolve("hash")));
        assertTrue(t.lines().anyMatch(l -> l.startsWith("dot") && l.matches(".*swap\\s+v2\\s+1\\.68x~ \\[1\\.59, 1\\.78\\]\\s+cpu.*")), t);
        assertTrue(t.lines().anyMatch(l -> l.startsWith("hash")
                && l.matches(".*keep-original\\s+v1\\s+\\(1\\.03x \\[0\\.97, 1\\.10\\]\\)\\s+cpu.*")), t);
        assertFalse(t.contains("1.68x [1.58"), "the keep row shows a screening number");
        assertTrue(t.contains("swaps: 1 of 2; geometric mean speedup: 1.68x over the winners, 1.30x over all samples"), t);
        assertTrue(t.contains(ResultsTable.LEGEND), t);
    }

    @Test
    void render_bitExactSwap_hasNoToleranceMark(@TempDir Path dir) {
        OutputWriter.write(ReportFixtures.swap(), dir.resolve("dot"));
        String t = ResultsTable.render(List.of(dir.resolve("dot")));
        assertTrue(t.lines().anyMatch(l -> l.startsWith("dot") && l.contains("1.68x [1.59, 1.78]") && l.contains(" wall ")), t);
        assertFalse(t.contains("x~"), t);
    }
}
