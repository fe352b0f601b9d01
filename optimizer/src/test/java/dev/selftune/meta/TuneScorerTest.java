package dev.selftune.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.Basis;
import dev.selftune.api.CacheCounts;
import dev.selftune.api.Decision;
import dev.selftune.api.Measurement;
import dev.selftune.api.MethodRef;
import dev.selftune.api.Speedup;
import dev.selftune.api.Step;
import dev.selftune.api.TuneRequest;
import dev.selftune.api.TuneResult;
import dev.selftune.api.Variant;
import dev.selftune.api.VariantResult;
import dev.selftune.api.Verdict;
import dev.selftune.generate.Policy;
import dev.selftune.search.PolicyFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class TuneScorerTest {
    private static final Measurement SCREEN = new Measurement(100, 1, "ns/op", 1, 4, new double[] {100});
    private static final Measurement CONFIRM = new Measurement(80, 1, "ns/op", 8, 4, new double[8]);
    private static final Variant V1 = new Variant("v1", "original", List.of(new Step("unroll", Map.of("factor", 4))), new byte[] {1});
    private static final Speedup S = new Speedup(1.25, 1.1, 1.4, Basis.CPU);

    @TempDir
    Path dir;

    /** A result of one confirmed variant (8 pairs) with decision {@code d}; shared with the CLI test. */
    public static TuneResult result(Decision d, CacheCounts cache) {
        VariantResult v = new VariantResult(V1, new Verdict.Passed(5), CONFIRM, S, "confirmed");
        return new TuneResult(MethodRef.parse("a.B#c"), "17", "v", "cpu", 1, 30, 30, SCREEN, List.of(v), d,
                new byte[] {1}, 0, null, "v1", Map.of(), cache);
    }

    @Test
    void score_swap_usesTheConfirmedIntervalAndCountsScreeningPlusBothSidesOfEachPair() {
        TargetScore t = TuneScorer.score("a.B#c", result(new Decision.Swap(V1, S, SCREEN, CONFIRM), new CacheCounts(3, 7)), 1);
        assertEquals(1.25, t.speedup());
        assertEquals(1.1, t.low());
        assertEquals(1.4, t.high());
        assertEquals(3 + 7 + 2 * 8, t.measurements(), "hits count: the policy asked for them");
        assertEquals(3, t.cacheHits());
        assertEquals(7, t.cacheMisses());
        assertEquals("swap", t.decision());
    }

    @Test
    void score_swap_recordsTheWinnersPlaceAmongTheMeasuredVariants() {
        Variant v2 = new Variant("v2", "original", List.of(new Step("unroll", Map.of("factor", 2))), new byte[] {2});
        Variant v3 = new Variant("v3", "original", List.of(new Step("unroll", Map.of("factor", 8))), new byte[] {3});
        List<VariantResult> vs = List.of(
                new VariantResult(v2, new Verdict.Passed(5), SCREEN, S, "screened"),
                new VariantResult(V1, new Verdict.Rejected("differs", null, 3), null, null, "rejected"),
                new VariantResult(v3, new Verdict.Passed(5), CONFIRM, S, "confirmed"));
        TuneResult r = new TuneResult(MethodRef.parse("a.B#c"), "17", "v", "cpu", 1, 30, 30, SCREEN, vs,
                new Decision.Swap(v3, S, SCREEN, CONFIRM), new byte[] {3}, 0, null, "v3", Map.of(), new CacheCounts(0, 2));
        TargetScore t = TuneScorer.score("a.B#c", r, 1);
        assertEquals(2, t.winnerAt(), "second of the measured variants; the rejected one is not counted");
        assertEquals(2, t.screened());
        assertEquals(0, TuneScorer.score("a.B#c", result(new Decision.Keep("k"), new CacheCounts(0, 2)), 1).winnerAt());
    }

    @Test
    void score_swap_screenedInLineageOrder_generatedAtIsThePlaceInTheGeneratorsOrder() {
        Variant v4 = new Variant("v4", "original", List.of(new Step("unroll", Map.of("factor", 2))), new byte[] {4});
        Variant v9 = new Variant("v9", "v4", List.of(new Step("unroll", Map.of("factor", 8))), new byte[] {9});
        Variant v6 = new Variant("v6", "original", List.of(new Step("unroll", Map.of("factor", 4))), new byte[] {6});
        Variant d = new Variant("v9-by-size", "v9", List.of(new Step("size-dispatch", Map.of())), new byte[] {10});
        List<VariantResult> vs = List.of(   // screened v4, then its child v9, then v6, then the dispatcher
                new VariantResult(v4, new Verdict.Passed(5), SCREEN, S, "screened"),
                new VariantResult(v9, new Verdict.Passed(5), CONFIRM, S, "confirmed"),
                new VariantResult(v6, new Verdict.Passed(5), SCREEN, S, "screened"),
                new VariantResult(d, new Verdict.Passed(5), SCREEN, S, "screened"));
        TuneResult r = new TuneResult(MethodRef.parse("a.B#c"), "17", "v", "cpu", 1, 30, 30, SCREEN, vs,
                new Decision.Swap(v9, S, SCREEN, CONFIRM), new byte[] {9}, 0, null, "v9", Map.of(), new CacheCounts(0, 5));
        TargetScore t = TuneScorer.score("a.B#c", r, 1);
        assertEquals(2, t.winnerAt(), "second screened");
        assertEquals(3, t.generatedAt(), "third generated of those screened: after v4 and v6, before its own dispatcher");
        TuneResult byDispatcher = new TuneResult(MethodRef.parse("a.B#c"), "17", "v", "cpu", 1, 30, 30, SCREEN, vs,
                new Decision.Swap(d, S, SCREEN, CONFIRM), new byte[] {10}, 0, null, "v9-by-size", Map.of(), new CacheCounts(0, 5));
        assertEquals(4, TuneScorer.score("a.B#c", byDispatcher, 1).generatedAt());
    }

    @Test
    void score_swap_recordsTheWinnersRankInTheFirstScreeningRoundAlone() {
        Variant v2 = new Variant("v2", "original", List.of(new Step("unroll", Map.of("factor", 2))), new byte[] {2});
        Variant v3 = new Variant("v3", "original", List.of(new Step("unroll", Map.of("factor", 8))), new byte[] {3});
        Measurement early = new Measurement(105, 1, "ns/op", 2, 4, new double[] {90, 120});
        Measurement late = new Measurement(99, 1, "ns/op", 2, 4, new double[] {100, 98});
        List<VariantResult> vs = List.of(
                new VariantResult(v2, new Verdict.Passed(5), early, S, "eliminated in round 2"),
                new VariantResult(v3, new Verdict.Passed(5), late, S, "confirmed"));
        TuneResult r = new TuneResult(MethodRef.parse("a.B#c"), "17", "v", "cpu", 1, 30, 30, SCREEN, vs,
                new Decision.Swap(v3, S, SCREEN, CONFIRM), new byte[] {3}, 0, null, "v3", Map.of(), new CacheCounts(0, 5));
        assertEquals(2, TuneScorer.score("a.B#c", r, 1).firstRoundRank(),
                "one fork a round: v3's first fork (100) trailed v2's (90) beyond v3's own 2% spread");
        assertEquals(1, TuneScorer.score("a.B#c", r, 2).firstRoundRank(),
                "two forks a round: the first round is both forks, 99 against 105");
        Measurement tied = new Measurement(105, 1, "ns/op", 2, 4, new double[] {99.5, 110});
        TuneResult tie = new TuneResult(MethodRef.parse("a.B#c"), "17", "v", "cpu", 1, 30, 30, SCREEN,
                List.of(new VariantResult(v2, new Verdict.Passed(5), tied, S, "eliminated in round 2"), vs.get(1)),
                new Decision.Swap(v3, S, SCREEN, CONFIRM), new byte[] {3}, 0, null, "v3", Map.of(), new CacheCounts(0, 5));
        assertEquals(1, TuneScorer.score("a.B#c", tie, 1).firstRoundRank(), "99.5 against 100 is a tie within the spread");
        assertEquals(0, TuneScorer.score("a.B#c", result(new Decision.Keep("k"), new CacheCounts(0, 2)), 1).firstRoundRank());
    }

    @Test
    void score_keep_isOneWhateverTheScreeningSaw() {
        TargetScore t = TuneScorer.score("a.B#c", result(new Decision.Keep("not confirmed"), new CacheCounts(0, 10)), 1);
        assertEquals(1.0, t.speedup());
        assertEquals(1.0, t.low());
        assertEquals(1.0, t.high());
        assertEquals(10 + 16, t.measurements());
        assertEquals("keep-original", t.decision());
    }

    @Test
    void score_keep_carriesTunesReason_intoTheScoreAndTheProgressLine_shortened() {
        String why = "budget left room for only 3 confirmation pairs of 6 needed; " + "x".repeat(400);
        TargetScore t = TuneScorer.score("a.B#c", result(new Decision.Keep(why), new CacheCounts(1, 0)), 1);
        assertEquals(why, t.reason(), "the whole reason, for report.json");
        assertEquals(null, TuneScorer.score("a.B#c", result(new Decision.Swap(V1, S, SCREEN, CONFIRM), new CacheCounts(1, 1)), 1).reason());
        List<String> lines = new ArrayList<>();
        Evaluator e = new Evaluator(List.of(dir), "java", 9, Duration.ofSeconds(40), dir.resolve("cache"));
        new TuneScorer(e, r -> result(new Decision.Keep(why), new CacheCounts(1, 0)), dir.resolve("work"), lines::add)
                .score(Policy.defaults(), List.of(new MetaTarget("a.B#c")), "g0-train");
        String line = lines.get(lines.size() - 1);
        assertTrue(line.contains("keep-original 1.000x in 17 measurements: budget left room for only 3 confirmation pairs"), line);
        assertTrue(line.endsWith("...") && line.length() < why.length(), "a long reason is cut in the progress line: " + line);
    }

    @Test
    void score_moreScreenForks_countsEachForkOfEachScreeningMeasurement() {
        TargetScore one = TuneScorer.score("a.B#c", result(new Decision.Keep("k"), new CacheCounts(2, 8)), 1);
        TargetScore three = TuneScorer.score("a.B#c", result(new Decision.Keep("k"), new CacheCounts(2, 8)), 3);
        assertEquals(10 + 16, one.measurements());
        assertEquals(30 + 16, three.measurements(), "a policy with screenForks 3 pays three forks per measurement");
    }

    @Test
    void score_eachTarget_tunedUnderTheSavedPolicyWithTheEvaluatorsSettings() {
        List<TuneRequest> seen = new ArrayList<>();
        Evaluator e = new Evaluator(List.of(dir), "java", 9, Duration.ofSeconds(40), dir.resolve("cache"));
        TuneScorer s = new TuneScorer(e, r -> {
            seen.add(r);
            return result(new Decision.Swap(V1, S, SCREEN, CONFIRM), new CacheCounts(1, 1));
        }, dir.resolve("work"), line -> { });
        Policy p = Policy.defaults().withOrder(Policy.Order.BY_TRANSFORM);
        Utility u = s.score(p, List.of(new MetaTarget("a.B#c"), new MetaTarget("a.B#d", null, 1e-9, new int[] {16}, 2)), "g1-c1-train");
        assertEquals(2, seen.size());
        assertEquals(p, PolicyFile.load(seen.get(0).policyFile()));
        assertEquals(Duration.ofSeconds(40), seen.get(0).budget());
        assertEquals(dir.resolve("cache"), seen.get(0).cacheDir(), "scoring runs with the measurement cache on");
        assertEquals(9, seen.get(0).seed());
        assertEquals(1e-9, seen.get(1).fpTolerance());
        assertEquals(1.25, u.speedup(), 1e-9);
        assertTrue(u.measurements() == 2 * (2 + 16), u.toString());
    }

    @Test
    void scoreHeldOut_rankingModelWithoutTheHeldOutMethods_andItsOwnCache() throws Exception {
        Path models = java.nio.file.Files.createDirectories(dir.resolve("cache/rank-models"));
        java.nio.file.Files.writeString(models.resolve("m.json"), "{\"format\": \"selftune-rank-model-v1\", \"environment\": \"e\", "
                + "\"examples\": [{\"id\": \"1\", \"target\": \"a.B#c([I)I\", \"logSpeedup\": 0.5, \"features\": {}}, "
                + "{\"id\": \"2\", \"target\": \"a.B#other([I)I\", \"logSpeedup\": 0.1, \"features\": {}}, "
                + "{\"id\": \"3\", \"target\": \"a.B#c([J)J\", \"logSpeedup\": 0.2, \"features\": {}}]}");
        Path stale = java.nio.file.Files.createDirectories(dir.resolve("cache/held-out-view/rank-models")).resolve("stale.json");
        java.nio.file.Files.writeString(stale, "{}");
        List<TuneRequest> seen = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        Evaluator e = new Evaluator(List.of(dir), "java", 9, Duration.ofSeconds(40), dir.resolve("cache"));
        TuneScorer s = new TuneScorer(e, r -> {
            seen.add(r);
            return result(new Decision.Keep("k"), new CacheCounts(1, 1));
        }, dir.resolve("work"), lines::add);
        s.scoreHeldOut(Policy.defaults(), List.of(new MetaTarget("a.B#c")), "g0-holdout");
        Path view = dir.resolve("cache/held-out-view");
        assertEquals(view, seen.get(0).cacheDir(), "held-out tunings learn and read only in the view");
        String copied = java.nio.file.Files.readString(view.resolve("rank-models/m.json"));
        assertTrue(copied.contains("a.B#other") && !copied.contains("a.B#c("), "every overload of the held-out method left out: " + copied);
        assertTrue(!java.nio.file.Files.exists(stale), "the view is re-made, not added to");
        assertTrue(lines.stream().anyMatch(l -> l.contains("2 of their examples left out")), lines.toString());
        String original = java.nio.file.Files.readString(models.resolve("m.json"));
        assertTrue(original.contains("a.B#c([I)I"), "the training side's model is untouched");
        s.score(Policy.defaults(), List.of(new MetaTarget("a.B#c")), "g0-train");
        assertEquals(dir.resolve("cache"), seen.get(1).cacheDir(), "training scoring keeps the shared cache");
    }
}
