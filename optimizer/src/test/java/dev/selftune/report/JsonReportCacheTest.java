package dev.selftune.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.selftune.api.CacheCounts;
import dev.selftune.api.TuneResult;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** report.json carries the measurement cache's hits and misses when the run used the cache, and no cache field otherwise. */
class JsonReportCacheTest {
    @Test
    void report_runWithCache_hasHitsAndMisses() {
        TuneResult r = ReportFixtures.keep();
        TuneResult cached = new TuneResult(r.target(), r.jvmVersion(), r.jvmVendor(), r.cpu(), r.seed(), r.budgetSeconds(),
                r.elapsedSeconds(), r.baseline(), r.variants(), r.decision(), r.originalClassBytes(), r.unexplored(),
                r.setup(), r.confirmed(), r.notApplied(), new CacheCounts(7, 3));
        assertEquals(Map.of("hits", 7, "misses", 3), JsonReport.toMap(cached, 1.05).get("cache"));
    }

    @Test
    void report_runWithoutCache_hasNoCacheField() {
        assertFalse(JsonReport.toMap(ReportFixtures.keep(), 1.05).containsKey("cache"));
    }
}
