package dev.selftune.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.generate.RankPolicy;
import dev.selftune.rank.ReplayPriors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        return planted(true);
    }

    /* With others false the model file holds this method's examples only, and otherExamples() the other method's. */
    private Path planted(boolean others) throws Exception {
        StringBuilder ex = new StringBuilder(others ? otherExamples() : "");
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

    /* Another method's 24 examples, each followed by a comma: "fast" pays (log 1.0), "slow" does not (log -0.1). */
    private static String otherExamples() {
        StringBuilder ex = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            String t = i % 2 == 0 ? "fast" : "slow";
            ex.append(String.format("{\"id\": \"o%d\", \"target\": \"a.Other#m()V\", \"logSpeedup\": %s, \"features\": "
                    + "{\"steps\": 1, \"transform.%s\": 1, \"code.insns\": %d}},", i, t.equals("fast") ? "1.0" : "-0.1", t, 10 + i));
        }
        return ex.toString();
    }

    private Path history(String environment, String examples) throws Exception {
        Path f = dir.resolve("history-" + environment + ".json");
        Files.writeString(f, "{\"format\": \"selftune-rank-model-v1\", \"environment\": \"" + environment + "\", \"examples\": ["
                + examples.replaceAll(",$", "") + "]}");
        return f;
    }

    @Test
    void replay_history_isLearnedFrom_butNeverTheMethodsOwnExamples() throws Exception {
        Path report = planted(false);
        RankPolicy cutOfOne = new RankPolicy(true, 0.05, 1, 0, true, 0);
        ScreeningReplay.Outcome alone = ScreeningReplay.replay("mine", report, dir.resolve("model.json"), cutOfOne, 1, new Random(1), 0);
        assertTrue(alone.found() < alone.best(), "no other method to learn from: the cut misses fast, " + alone);

        // the history holds the other method, and this method's own examples told the other way round (slow pays)
        String misleading = "{\"id\": \"x\", \"target\": \"a.Mine#m(I)V\", \"logSpeedup\": 5.0, \"features\": "
                + "{\"steps\": 1, \"transform.slow\": 1, \"code.insns\": 12}},";
        Path history = history("replay", otherExamples() + misleading.repeat(30));
        ScreeningReplay.Outcome learned = ScreeningReplay.replay("mine", report, dir.resolve("model.json"), List.of(history),
                Integer.MAX_VALUE, cutOfOne, 1, new Random(1), 0);
        assertEquals(Math.exp(1.2), learned.found(), 1e-9, "learned from the history's other method only: " + learned);
        assertEquals(8, ReplayPriors.leaveOneOut(dir.resolve("model.json"), List.of(history), "a.Mine#m()V", Integer.MAX_VALUE,
                new Random(1)).size(), "the rows are the model file's examples of the method, not the history's");

        ScreeningReplay.Outcome none = ScreeningReplay.replay("mine", report, dir.resolve("model.json"), List.of(history), 0,
                cutOfOne, 1, new Random(1), 0);
        assertEquals(alone.found(), none.found(), 1e-12, "methods=0 learns from no other method: " + none);
    }

    @Test
    void replay_historyFromAnotherEnvironment_isRefusedByName() throws Exception {
        Path report = planted(false);
        Path history = history("another-jvm", otherExamples());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScreeningReplay.replay("mine", report,
                dir.resolve("model.json"), List.of(history), Integer.MAX_VALUE, new RankPolicy(true, 0.05, 1, 0, true, 0), 1,
                new Random(1), 0));
        assertTrue(e.getMessage().contains(history.toString()) && e.getMessage().contains("another-jvm"), e.getMessage());
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
                new RankPolicy(true, 1.0, 1, 0, true, 0, 0), 1, new Random(1), 0);
        assertEquals(8, o.screened());
        assertEquals(o.offForks(), o.forks(), "the same race over the same variants (rankFinalists 0: the same halving too)");
        assertEquals(Math.exp(1.2), o.best(), 1e-9);
        ScreeningReplay.Outcome capped = ScreeningReplay.replay("mine", report, dir.resolve("model.json"),
                new RankPolicy(true, 1.0, 1, 0, true, 0, 2), 1, new Random(1), 0);
        assertEquals(8, capped.screened(), "the cap changes no first round");
        assertEquals(o.forks() - 5, capped.forks(), "halving 8 -> 4 -> 2 (4 + 1, then 2 + 1 forks) becomes one round of two (2 + 1)");
        assertEquals(o.pickedSpeedup(), capped.pickedSpeedup(), 1e-9, "without noise the same pick");
    }
}
