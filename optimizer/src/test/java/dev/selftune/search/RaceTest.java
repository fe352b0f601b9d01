package dev.selftune.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.Progress;
import dev.selftune.api.Step;
import dev.selftune.api.Variant;
import dev.selftune.api.Verdict;
import dev.selftune.generate.Policy;
import dev.selftune.inputs.InputSource;
import dev.selftune.measure.BenchSpec;
import dev.selftune.measure.CachingMeasurer;
import dev.selftune.measure.FakeMeasurer;
import dev.selftune.measure.ForkPlan;
import dev.selftune.measure.ForwardingMeasurer;
import dev.selftune.measure.MeasurementCache;
import dev.selftune.measure.SlowForks;
import dev.selftune.measure.Measurer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Race through the Measurer interface: it reads the policy's screen forks and is not fooled by cache hits. */
class RaceTest {
    @TempDir
    Path dir;

    private final Variant original = new Variant(Variant.ORIGINAL_ID, null, List.of(), new byte[] {0});

    private List<Variant> variants(int n) {
        List<Variant> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(new Variant("v" + i, Variant.ORIGINAL_ID, List.of(new Step("unroll", Map.of("factor", i))), new byte[] {(byte) i}));
        }
        return out;
    }

    private Function<Variant, BenchSpec> specs() {
        return v -> {
            Path file = dir.resolve("classes").resolve(v.id() + ".class");
            try {
                Files.createDirectories(file.getParent());
                Files.write(file, v.classBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new BenchSpec(v.id(), List.of(dir), "a.B", "m", "()I", true, file, new InputSource(1, new int[] {16}, null, null), false);
        };
    }

    private Policy screenForks(int n) {
        Policy d = Policy.defaults();
        return new Policy(d.transforms(), d.ranges(), d.maxDepth(), d.maxVariants(), n, d.keepFraction());
    }

    private Race race(Measurer m, Policy p, Budget b) {
        return new Race(m, b, p, Progress.NONE, specs(), ForkPlan.tiny(), original);
    }

    @Test
    void race_policyScreenForks_setsTheForksOfEveryScreeningRun() {
        for (int forks : new int[] {1, 3}) {
            FakeMeasurer fake = new FakeMeasurer(dir, "env");
            race(fake, screenForks(forks), new Budget(Duration.ofSeconds(600), System.nanoTime()))
                    .run(variants(4), v -> new Verdict.Passed(10), () -> 120.0);
            assertTrue(fake.plans.size() >= 5, "baseline and four variants: " + fake.plans.size());
            assertTrue(fake.plans.stream().allMatch(p -> p.forks() == forks), "screenForks " + forks + ": " + fake.plans);
        }
    }

    /* The better half's round does not fit: the round goes to the best that fit (two at least), not to none. */
    @Test
    void race_nextRoundDoesNotFit_theLeadersThatFitGetAnotherFork() {
        FakeMeasurer fake = new FakeMeasurer(dir, "env");
        Budget b = new Budget(Duration.ofSeconds(600), System.nanoTime());
        race(fake, screenForks(1), b).run(variants(12), v -> new Verdict.Passed(10), () -> b.forkSeconds() * 5.5);
        assertTrue(fake.measured.size() >= 17, "a round 2 ran: " + fake.measured);
        assertEquals(List.of(Variant.ORIGINAL_ID, "v1", "v2", "v3"), fake.measured.subList(13, 17),
                "four forks fit (the baseline and three of the six in the better half), the three fastest got them");
        assertTrue(fake.measured.subList(17, fake.measured.size()).stream().noneMatch(l -> l.matches("v([4-9]|1[0-2])")),
                fake.measured.toString());
    }

    /*
     * After the model's cut (rankFinalists 2): six screened, one more round for the two leaders and the baseline,
     * then no more; without the cap the policy's keepFraction (0.5) halves 6 -> 3 -> 2, seven forks after round 1.
     */
    @Test
    void race_capFinalists_oneRoundOfTheTwoLeaders_insteadOfHalvingToTwo() {
        Map<String, Double> ns = Map.of("v1", 90.0, "v2", 80.0, "v3", 70.0, "v4", 60.0, "v5", 50.0, "v6", 40.0);
        List<String> capped = new ArrayList<>();
        race(scored(ns, capped), screenForks(1), new Budget(Duration.ofSeconds(600), System.nanoTime())).capFinalists(2)
                .run(variants(6), v -> new Verdict.Passed(10), () -> 120.0);
        assertEquals(List.of(Variant.ORIGINAL_ID, "v1", "v2", "v3", "v4", "v5", "v6", Variant.ORIGINAL_ID, "v6", "v5"), capped,
                "round 1, then the baseline and the two fastest once more, and halving stops at one leader");
        List<String> halved = new ArrayList<>();
        race(scored(ns, halved), screenForks(1), new Budget(Duration.ofSeconds(600), System.nanoTime()))
                .run(variants(6), v -> new Verdict.Passed(10), () -> 120.0);
        assertEquals(List.of(Variant.ORIGINAL_ID, "v6", "v5", "v4", Variant.ORIGINAL_ID, "v6", "v5"), halved.subList(7, halved.size()),
                "uncapped: three, then two");
        List<String> zero = new ArrayList<>();
        race(scored(ns, zero), screenForks(1), new Budget(Duration.ofSeconds(600), System.nanoTime())).capFinalists(0)
                .run(variants(6), v -> new Verdict.Passed(10), () -> 120.0);
        assertEquals(halved, zero, "0 leaves halving to keepFraction");
        assertThrows(IllegalArgumentException.class, () -> race(scored(ns, zero), screenForks(1),
                new Budget(Duration.ofSeconds(600), System.nanoTime())).capFinalists(-1));
    }

    /* Scores by label, fork after fork (the last one repeats); everything else as FakeMeasurer. */
    private static Measurer scripted(FakeMeasurer fake, Map<String, double[]> scores) {
        Map<String, Integer> seen = new java.util.HashMap<>();
        return new ForwardingMeasurer(fake) {
            @Override
            public dev.selftune.api.Measurement measure(BenchSpec spec, ForkPlan plan) {
                fake.measure(spec, plan);
                double[] s = scores.get(spec.label());
                int k = seen.merge(spec.label(), 1, Integer::sum) - 1;
                double v = s[Math.min(k, s.length - 1)];
                return new dev.selftune.api.Measurement(v, 0.01, "ns/op", 1, 4, new double[] {v});
            }

            @Override
            public double[] lastForkCpuShares() {
                return new double[] {1.0};
            }
        };
    }

    /* One variant, no second round: a baseline fork that ran fast is looked at again before "nothing beat it" is believed. */
    @Test
    void race_oneFastBaselineForkAndNoSecondRound_theBaselinesSecondForkLetsTheVariantLead() {
        FakeMeasurer fake = new FakeMeasurer(dir, "env");
        Measurer m = scripted(fake, Map.of(Variant.ORIGINAL_ID, new double[] {100, 300}, "v1", new double[] {150}));
        Race r = race(m, screenForks(1), new Budget(Duration.ofSeconds(600), System.nanoTime()));
        r.run(variants(1), v -> new Verdict.Passed(10), () -> 120.0);
        assertEquals(List.of(Variant.ORIGINAL_ID, "v1", Variant.ORIGINAL_ID), fake.measured);
        assertEquals("v1", r.best().variant.id(), "against one fork (100) v1 lost; against two (mean 200) it leads to confirmation");
    }

    @Test
    void race_leaderStillNotAhead_getsASecondForkOfItsOwn() {
        List<String> runs = scriptedRun(Map.of(Variant.ORIGINAL_ID, new double[] {100, 200}, "v1", new double[] {150}));
        assertEquals(List.of(Variant.ORIGINAL_ID, "v1", Variant.ORIGINAL_ID, "v1"), runs, "150 against a mean of 150: v1 is looked at again");
    }

    @Test
    void race_baselineSlowerThanTheVariant_secondBaselineForkOnlyAndNoSecondLookAtTheLeader() {
        List<String> runs = scriptedRun(Map.of(Variant.ORIGINAL_ID, new double[] {100, 100}, "v1", new double[] {50}));
        assertEquals(List.of(Variant.ORIGINAL_ID, "v1", Variant.ORIGINAL_ID), runs, "v1 beats the baseline: no second look at it");
    }

    @Test
    void race_noTimeLeftForASecondLook_noneIsTaken() {
        FakeMeasurer fake = new FakeMeasurer(dir, "env");
        Measurer m = scripted(fake, Map.of(Variant.ORIGINAL_ID, new double[] {100, 200}, "v1", new double[] {150}));
        Budget b = new Budget(Duration.ofSeconds(600), System.nanoTime());
        double[] left = {b.forkSeconds() * 10};
        race(m, screenForks(1), b).run(variants(1), v -> {
            left[0] = 0;   // verification used the time up
            return new Verdict.Passed(10);
        }, () -> left[0]);
        assertEquals(List.of(Variant.ORIGINAL_ID, "v1"), fake.measured);
    }

    private List<String> scriptedRun(Map<String, double[]> scores) {
        FakeMeasurer fake = new FakeMeasurer(dir, "env");
        Race r = race(scripted(fake, scores), screenForks(1), new Budget(Duration.ofSeconds(600), System.nanoTime()));
        r.run(variants(1), v -> new Verdict.Passed(10), () -> 120.0);
        return fake.measured;
    }

    @Test
    void race_seededBaseline_startsFromItWithoutMeasuringTheBaselineAgain() {
        FakeMeasurer fake = new FakeMeasurer(dir, "env");
        Race r = race(fake, screenForks(1), new Budget(Duration.ofSeconds(600), System.nanoTime()));
        r.seedBaseline(new dev.selftune.api.Measurement(0.5, 0.1, "ns/op", 1, 4, new double[] {0.5}), new double[] {0.9});
        r.run(variants(2), v -> new Verdict.Passed(10), () -> 120.0);
        assertEquals("v1", fake.measured.get(0), "the first fork the race ran is a variant's: " + fake.measured);
        assertEquals(0.5, r.baseline().forkScores.get(0), 1e-12);
        assertEquals(0.45, r.baseline().rankScores.get(0), 1e-12, "the seeded fork's CPU share is used as a measured one's");
    }

    @Test
    void race_servedFromTheCache_runsNoFork() {
        Path cache = dir.resolve("cache");
        FakeMeasurer first = new FakeMeasurer(dir, "env");
        Budget b1 = new Budget(Duration.ofSeconds(600), System.nanoTime());
        race(new CachingMeasurer(first, new MeasurementCache(cache)), screenForks(1), b1).run(variants(3), v -> new Verdict.Passed(10), () -> 120.0);
        assertTrue(b1.forkSeconds() < 1, "fresh (instant, fake) forks teach the budget: " + b1.forkSeconds());

        FakeMeasurer second = new FakeMeasurer(dir, "env");
        CachingMeasurer cached = new CachingMeasurer(second, new MeasurementCache(cache));
        Budget b2 = new Budget(Duration.ofSeconds(600), System.nanoTime());
        race(cached, screenForks(1), b2).run(variants(3), v -> new Verdict.Passed(10), () -> 120.0);
        assertEquals(0, second.measured.size(), "every screening fork of the same run was cached");
        assertEquals(first.measured.size(), cached.hits());
        assertTrue(b2.forkSeconds() < 1, "the hits taught the (instant, fake) fork times they recorded, not 'free': " + b2.forkSeconds());
        assertTrue(b2.forkSeconds() > 0, "a hit's recorded time is a fork's, never zero here: " + b2.forkSeconds());
    }

    /*
     * The meta loop re-scores policies from the cache. Until hits were charged, a run answered from the cache
     * spent no budget on them and screened and raced further than the same run fresh: more variants, more
     * "measurements" counted, a different winner. Charged what they took, the cached run makes the same choices.
     */
    @Test
    void race_servedFromTheCache_makesTheFreshRunsChoices_onlySooner() {
        Path cache = dir.resolve("cache");
        long[] now = {0};
        FakeMeasurer first = new FakeMeasurer(dir, "env");
        Budget b1 = new Budget(Duration.ofSeconds(60), 0, () -> now[0]);
        Race fresh = race(new CachingMeasurer(new SlowForks(first, now, 3_000_000_000L), new MeasurementCache(cache), () -> now[0]), screenForks(1), b1);
        fresh.run(variants(20), v -> new Verdict.Passed(10), () -> b1.left() - 20);
        assertTrue(first.measured.size() < 20, "the screening time (40 s of 3 s forks) is what stops the fresh run: " + first.measured);
        assertTrue(now[0] / 1e9 >= 30, "the fresh run waited for its forks: " + now[0] / 1e9);

        long[] later = {0};
        FakeMeasurer second = new FakeMeasurer(dir, "env");
        CachingMeasurer cached = new CachingMeasurer(new SlowForks(second, later, 3_000_000_000L), new MeasurementCache(cache), () -> later[0]);
        Budget b2 = new Budget(Duration.ofSeconds(60), 0, () -> later[0]);
        race(cached, screenForks(1), b2).run(variants(20), v -> new Verdict.Passed(10), () -> b2.left() - 20);
        assertEquals(List.of(), second.measured, "the cached run asked for nothing past what the fresh run measured");
        assertEquals(first.measured.size(), cached.hits(), "and for every measurement the fresh run took");
        assertEquals(0, later[0], "answered from the cache, it waited for no fork");
        assertEquals(b1.elapsed(), b2.elapsed(), 1e-6, "each hit was charged the seconds its fork took");
        assertEquals(b1.forkSeconds(), b2.forkSeconds(), 1e-9, "each hit taught the fork time it recorded");
    }

    @Test
    void race_screenLimit_countsOnlyVerifiedVariantsAndCutsTheRest() {
        FakeMeasurer fake = new FakeMeasurer(dir, "env");   // every fork slower than the last: nothing found, so rankExtend 0
        Race r = race(fake, extend(0), new Budget(Duration.ofSeconds(600), System.nanoTime()));
        List<Race.Entry> entries = r.run(variants(5), v -> v.id().equals("v1") ? new Verdict.Rejected("planted", null, 10)
                : new Verdict.Passed(10), () -> 120.0, 2);
        assertEquals(List.of("v1", "v2", "v3"), entries.stream().map(e -> e.variant.id()).toList(),
                "a rejected variant does not use up the limit: v2 and v3 stand in");
        assertEquals(2, r.cutByLimit(), "v4 and v5 were never verified");
        assertTrue(!fake.measured.contains("v1") && !fake.measured.contains("v4") && !fake.measured.contains("v5"), fake.measured.toString());
        assertEquals(fake.measured.size(), r.forksRun(), "one fork per measurement at screenForks 1");
    }

    /* A measurer whose every fork of a variant scores what {@code ns} says for its label (the original 100). */
    private Measurer scored(Map<String, Double> ns, List<String> asked) {
        return new ForwardingMeasurer(new FakeMeasurer(dir, "env")) {
            @Override
            public dev.selftune.api.Measurement measure(BenchSpec spec, ForkPlan plan) {
                asked.add(spec.label());
                double s = ns.getOrDefault(spec.label(), 100.0);
                double[] forks = new double[plan.forks()];
                java.util.Arrays.fill(forks, s);
                return new dev.selftune.api.Measurement(s, 0.5, "ns/op", plan.forks(), plan.measurementIterations(), forks);
            }
        };
    }

    private Policy extend(int n) {
        Policy p = screenForks(1);
        return p.withRank(p.rank().withModel(true).withExtend(n));
    }

    @Test
    void race_lastScreenedSetANewBest_screeningGoesOnPastTheCut_upToRankExtend() {
        /* v3, the last the cut lets through, is 2x ahead of everything before it; v4 (the composite next in line) 5x; v5 no better */
        Map<String, Double> ns = Map.of("v1", 95.0, "v2", 98.0, "v3", 50.0, "v4", 20.0, "v5", 21.0, "v6", 10.0);
        List<String> asked = new ArrayList<>();
        Race r = race(scored(ns, asked), extend(2), new Budget(Duration.ofSeconds(600), System.nanoTime()));
        List<Race.Entry> entries = r.run(variants(6), v -> new Verdict.Passed(10), () -> 120.0, 3);
        assertEquals(List.of("v1", "v2", "v3", "v4", "v5"), entries.stream().map(e -> e.variant.id()).toList(),
                "v3 set a new best, so v4 was screened; v4 did too, so v5; v5 did not, so screening stopped");
        assertEquals(2, r.extendedPastCut());
        assertEquals(1, r.cutByLimit(), "v6 was never verified");
        assertTrue(!asked.contains("v6"), asked.toString());
        assertEquals("v4", r.best().variant.id());
    }

    @Test
    void race_nothingScreenedBeatsTheOriginalByAFind_screeningGoesOnPastTheCut_untilSomethingDoes() {
        /* the model's three picks are all within 1.2x of the original (v3 ahead of v1 and v2, still slower than it) */
        Map<String, Double> ns = Map.of("v1", 400.0, "v2", 300.0, "v3", 150.0, "v4", 95.0, "v5", 40.0, "v6", 30.0, "v7", 20.0);
        Race r = race(scored(ns, new ArrayList<>()), extend(3), new Budget(Duration.ofSeconds(600), System.nanoTime()));
        List<Race.Entry> entries = r.run(variants(7), v -> new Verdict.Passed(10), () -> 120.0, 3);
        assertEquals(List.of("v1", "v2", "v3", "v4", "v5", "v6"), entries.stream().map(e -> e.variant.id()).toList(),
                "nothing found: v4; still nothing (95 is within 1.2x of 100): v5, a find 2.5x ahead: v6, the cap of 3");
        assertEquals(3, r.extendedPastCut());
        assertEquals(1, r.cutByLimit());
        Race capped = race(scored(ns, new ArrayList<>()), extend(1), new Budget(Duration.ofSeconds(600), System.nanoTime()));
        assertEquals(4, capped.run(variants(7), v -> new Verdict.Passed(10), () -> 120.0, 3).size(), "rankExtend 1: v4 only");
    }

    @Test
    void race_anExplorerAfterTheFind_doesNotEndItsClaim_butAnAdaptedPickDoes() {
        /* the cut is 4: v3 finds (2x), v4 comes next and finds nothing; v5 is the find's composite (5x) */
        Map<String, Double> ns = Map.of("v1", 95.0, "v2", 98.0, "v3", 50.0, "v4", 90.0, "v5", 10.0, "v6", 9.5);
        Race explored = race(scored(ns, new ArrayList<>()), extend(2), new Budget(Duration.ofSeconds(600), System.nanoTime()));
        List<Race.Entry> entries = explored.run(variants(6), v -> new Verdict.Passed(10), () -> 120.0, 4, null,
                v -> v.id().equals("v4"));
        assertEquals(List.of("v1", "v2", "v3", "v4", "v5", "v6"), entries.stream().map(e -> e.variant.id()).toList(),
                "v4, a random explorer, took the slot after the find: v5 is screened past the cut, and after its own find v6");
        assertEquals(2, explored.extendedPastCut());
        assertEquals("v6", explored.best().variant.id());
        Race adapted = race(scored(ns, new ArrayList<>()), extend(1), new Budget(Duration.ofSeconds(600), System.nanoTime()));
        assertEquals(5, adapted.run(variants(6), v -> new Verdict.Passed(10), () -> 120.0, 4, null, v -> false).size(),
                "when v4 was the model's own pick after the find, it was the find's first follow-up: v5, its second");
    }

    @Test
    void race_aFindsClaim_lastsTwoFollowUps_thenTheCutHolds() {
        /* the cut is 4: v2 finds (2x); v3 and v4, the adapted order's first two guesses at its partner, find nothing */
        Map<String, Double> ns = Map.of("v1", 95.0, "v2", 50.0, "v3", 60.0, "v4", 55.0, "v5", 10.0);
        Race twoLooks = race(scored(ns, new ArrayList<>()), extend(2), new Budget(Duration.ofSeconds(600), System.nanoTime()));
        assertEquals(4, twoLooks.run(variants(5), v -> new Verdict.Passed(10), () -> 120.0, 4).size(),
                "the find had its two follow-ups inside the cut: v5 is never screened");
        assertEquals(0, twoLooks.extendedPastCut());
        /* the cut is 4: v3 finds (2x), v4 (the model's pick, interchange + tile as it were) finds nothing; v5 (interchange + hoist) 7x */
        Map<String, Double> mm = Map.of("v1", 95.0, "v2", 98.0, "v3", 50.0, "v4", 88.0, "v5", 14.0, "v6", 60.0, "v7", 13.0);
        List<String> asked = new ArrayList<>();
        Race second = race(scored(mm, asked), extend(2), new Budget(Duration.ofSeconds(600), System.nanoTime()));
        List<Race.Entry> entries = second.run(variants(7), v -> new Verdict.Passed(10), () -> 120.0, 4);
        assertEquals(List.of("v1", "v2", "v3", "v4", "v5", "v6"), entries.stream().map(e -> e.variant.id()).toList(),
                "v5, the find's second follow-up, is screened past the cut and finds 7x; v6 follows up that find; the cap of 2 ends it");
        assertEquals("v5", second.best().variant.id());
        assertEquals(2, second.extendedPastCut());
        assertTrue(!asked.contains("v7"), asked.toString());
    }

    @Test
    void race_newBestPastTheCut_stopsAtRankExtend_andAtZeroNeverGoesOn() {
        Map<String, Double> ns = Map.of("v1", 95.0, "v2", 98.0, "v3", 50.0, "v4", 20.0, "v5", 10.0, "v6", 5.0);
        Race one = race(scored(ns, new ArrayList<>()), extend(1), new Budget(Duration.ofSeconds(600), System.nanoTime()));
        assertEquals(4, one.run(variants(6), v -> new Verdict.Passed(10), () -> 120.0, 3).size(), "rankExtend 1: v4 only");
        assertEquals(1, one.extendedPastCut());
        Race none = race(scored(ns, new ArrayList<>()), extend(0), new Budget(Duration.ofSeconds(600), System.nanoTime()));
        assertEquals(3, none.run(variants(6), v -> new Verdict.Passed(10), () -> 120.0, 3).size(), "rankExtend 0: the cut holds");
        assertEquals(0, none.extendedPastCut());
    }

    @Test
    void race_lastScreenedAheadByLessThanAFind_orNotTheNewBest_theCutHolds() {
        List<Variant> vs = variants(5);
        /* v3 is the best, but only 1.1x ahead of v1: one screening fork each cannot tell that from noise */
        Race small = race(scored(Map.of("v1", 55.0, "v2", 98.0, "v3", 50.0), new ArrayList<>()), extend(2),
                new Budget(Duration.ofSeconds(600), System.nanoTime()));
        assertEquals(3, small.run(vs, v -> new Verdict.Passed(10), () -> 120.0, 3).size());
        assertEquals(0, small.extendedPastCut());
        /* the best came earlier (v1); the last screened (v3) found nothing */
        Race early = race(scored(Map.of("v1", 20.0, "v2", 98.0, "v3", 90.0), new ArrayList<>()), extend(2),
                new Budget(Duration.ofSeconds(600), System.nanoTime()));
        assertEquals(3, early.run(vs, v -> new Verdict.Passed(10), () -> 120.0, 3).size());
        assertEquals(0, early.extendedPastCut());
    }

    @Test
    void race_reorder_screensInTheOrderItReturnsAndSeesEachResult() {
        FakeMeasurer fake = new FakeMeasurer(dir, "env");
        List<Variant> vs = variants(4);
        List<Integer> seenSizes = new ArrayList<>();
        race(fake, screenForks(1), new Budget(Duration.ofSeconds(600), System.nanoTime()))
                .run(vs, v -> new Verdict.Passed(10), () -> 120.0, Integer.MAX_VALUE, (rest, seen) -> {
                    seenSizes.add(seen.size());
                    assertTrue(seen.values().stream().allMatch(Double::isFinite), seen.toString());
                    List<Variant> reversed = new ArrayList<>(rest);
                    java.util.Collections.reverse(reversed);
                    return reversed;
                });
        /* v1 first; then [v2, v3, v4] reversed to v4 first; then [v3, v2] reversed to v2 first; then v3 */
        assertEquals(List.of("original", "v1", "v4", "v2", "v3"), fake.measured.subList(0, 5));
        assertEquals(List.of(1, 2), seenSizes, "asked after each result while two or more remain");
    }
}
