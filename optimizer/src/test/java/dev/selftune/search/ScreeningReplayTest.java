package dev.selftune.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.generate.RankPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline screening replay (a tool, scripts/screening-replay.sh): it must cut, screen and count as a run would. */
class ScreeningReplayTest {
    @TempDir
    Path dir;

    /*
     * Another method's 24 examples teach that "fast" pays (log 1.0) and "slow" does not (log -0.1); this method's
     * eight variants are seven "slow" ones (log -0.05 each) and one "fast" (log 1.2), eighth in the generator's order.
     */
    private Path planted() throws Exception {
        StringBuilder ex = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            String t = i % 2 == 0 ? "fast" : "slow";
            ex.append(String.format("{\"id\": \"o%d\", \"target\": \"a.Other#m()V\", \"logSpeedup\": %s, \"features\": "
                    + "{\"steps\": 1, \"transform.%s\": 1, \"code.insns\": %d}},", i, t.equals("fast") ? "1.0" : "-0.1", t, 10 + i));
        }
        StringBuilder vs = new StringBuilder();
        for (int i = 1; i <= 8; i++) {
            String t = i == 8 ? "fast" : "slow";
            double log = i == 8 ? 1.2 : -0.05;
            ex.append(String.format("{\"id\": \"m%d\", \"target\": \"a.Mine#m()V\", \"logSpeedup\": %s, \"features\": "
                    + "{\"steps\": 1, \"transform.%s\": 1, \"transform.%s.p\": %s, \"code.insns\": 12}}%s",
                    i, log, t, t, Math.log1p(i), i == 8 ? "" : ","));
            vs.append(String.format("{\"id\": \"v%d\", \"parent\": \"original\", \"transforms\": [{\"name\": \"%s\", \"params\": {\"p\": %d}}]}%s",
                    i, t, i, i == 8 ? "" : ","));
        }
        Files.writeString(dir.resolve("model.json"),
                "{\"format\": \"selftune-rank-model-v1\", \"environment\": \"replay\", \"examples\": [" + ex + "]}");
        Path report = dir.resolve("mine/report.json");
        Files.createDirectories(report.getParent());
        Files.writeString(report, "{\"target\": \"a.Mine#m()V\", \"variants\": [" + vs + "]}");
        return report;
    }

    @Test
    void replay_aCutOfOne_screensThePriorsBestFirstAndFewerForks() throws Exception {
        Path report = planted();
        ScreeningReplay.Outcome o = ScreeningReplay.replay("mine", report, dir.resolve("model.json"),
                new RankPolicy(true, 0.05, 1, 0, true, 0), 1, new Random(1), 0);
        assertEquals(1, o.screened(), o.toString());
        assertEquals(Math.exp(1.2), o.found(), 1e-9, "the other method's examples rank fast first: " + o);
        assertEquals(o.best(), o.found(), 1e-12);
        assertTrue(o.picked().startsWith("v8"), o.picked());
        assertTrue(o.forks() < o.offForks(), o.forks() + " forks against " + o.offForks() + " screening everything");
    }

    @Test
    void replay_noCut_screensEveryVariantAsTheOffPassDid() throws Exception {
        Path report = planted();
        ScreeningReplay.Outcome o = ScreeningReplay.replay("mine", report, dir.resolve("model.json"),
                new RankPolicy(true, 1.0, 1, 0, true, 0), 1, new Random(1), 0);
        assertEquals(8, o.screened());
        assertEquals(o.offForks(), o.forks(), "the same race over the same variants");
        assertEquals(Math.exp(1.2), o.best(), 1e-9);
    }
}
