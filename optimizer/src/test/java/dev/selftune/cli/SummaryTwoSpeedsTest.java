package dev.selftune.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.report.ReportFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The console summary names a confirmation side that ran at two speeds, under "forks". */
class SummaryTwoSpeedsTest {
    @Test
    void format_twoSpeedOriginal_hasAForksRow() {
        String s = Summary.format(ReportFixtures.swapTwoSpeedOriginal(), List.of(), 1.05);
        assertTrue(s.contains("forks       the original ran at two speeds across its 6 forks: 301 ns/op in 3, 420 ns/op in 3;"), s);
        assertFalse(s.contains("the confirmed variant ran at two speeds"), s);
    }

    @Test
    void format_oneSpeed_hasNoForksRow() {
        assertFalse(Summary.format(ReportFixtures.swapWithinTolerance(), List.of(), 1.05).contains("two speeds"));
    }
}
