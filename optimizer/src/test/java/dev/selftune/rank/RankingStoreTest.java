package dev.selftune.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.MethodRef;
import dev.selftune.api.RankSummary;
import dev.selftune.api.Variant;
import dev.selftune.api.specimens.Kernels;
import dev.selftune.generate.RankPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model on disk: round trip, too little data, corrupt files and another machine's model. */
class RankingStoreTest {
    static final RankPolicy ON = new RankPolicy(true, 0.25, 2, 1);
    static final MethodRef M = FeaturesTest.MULTIPLY;

    @TempDir
    Path dir;

    private final byte[] original = FeaturesTest.bytes(Kernels.class);
    private final List<Variant> variants = FeaturesTest.variants(M, original);
    private final List<String> warnings = new ArrayList<>();

    /* A planted speedup per variant: the longer its class file, the faster (any fixed function of the bytes will do). */
    private List<Ranking.Observed> observed() {
        List<Ranking.Observed> out = new ArrayList<>();
        for (Variant v : variants) {
            out.add(new Ranking.Observed(v, v.classBytes().length / 1000.0));
        }
        return out;
    }

    /** Records the planted speedups under {@code inputs} seeds 1..rounds, each a distinct example set. */
    private void train(String env, int rounds) {
        for (int i = 1; i <= rounds; i++) {
            Ranking.open(dir, env, RankPolicy.defaults(), warnings::add).record(M, "seed" + i, original, observed());
        }
    }

    private int roundsFor(int examples) {
        return (examples + variants.size() - 1) / variants.size();
    }

    @Test
    void ranking_enoughExamples_roundTripsAndCutsToTheBest() {
        train("envA", roundsFor(RankModel.MIN_EXAMPLES));
        Ranking r = Ranking.open(dir, "envA", ON, warnings::add);
        assertTrue(r.fitted(), "examples " + r.examples());
        assertEquals(roundsFor(RankModel.MIN_EXAMPLES) * variants.size(), r.examples(), "one example per variant and inputs");
        Selection s = r.select(variants, M, original, 1);
        assertTrue(s.ranked());
        assertTrue(s.limit() < variants.size(), "some variants ranked out: " + s.limit() + " of " + variants.size());
        Variant largest = variants.stream().max(java.util.Comparator.comparingInt(v -> v.classBytes().length)).orElseThrow();
        assertEquals(largest.classBytes().length, s.ordered().get(0).classBytes().length, "the planted best comes first");
        assertEquals(List.of(), warnings);
    }

    @Test
    void ranking_sameVariantRecordedAgain_replacesItsExample() {
        train("envA", 1);
        train("envA", 1);
        assertEquals(variants.size(), Ranking.open(dir, "envA", ON, warnings::add).examples());
    }

    @Test
    void ranking_fewerExamplesThanNeeded_screensEverythingInOrder() {
        Ranking.open(dir, "envA", RankPolicy.defaults(), warnings::add).record(M, "seed1", original, observed().subList(0, 3));
        Ranking r = Ranking.open(dir, "envA", ON, warnings::add);
        Selection s = r.select(variants, M, original, 1);
        assertFalse(s.ranked());
        assertEquals(Integer.MAX_VALUE, s.limit());
        assertEquals(variants, s.ordered());
        RankSummary sum = r.summary(variants.size(), 0, 0, 0, 5, 12);
        assertTrue(sum.enabled());
        assertFalse(sum.fitted());
        assertEquals(3, sum.examples());
        assertTrue(sum.note().contains("fewer than the " + RankModel.MIN_EXAMPLES), sum.note());
        assertFalse(sum.note().contains("halving"), "nothing ranked: halving keeps the policy's keepFraction, and the note says nothing of it");
    }

    @Test
    void ranking_modelOff_screensEverythingButStillLearns() {
        train("envA", roundsFor(RankModel.MIN_EXAMPLES));
        Ranking off = Ranking.open(dir, "envA", RankPolicy.defaults(), warnings::add);
        assertTrue(off.fitted());
        assertEquals(variants, off.select(variants, M, original, 1).ordered());
        assertEquals(Integer.MAX_VALUE, off.select(variants, M, original, 1).limit());
    }

    @Test
    void ranking_corruptFile_warnsNamingItScreensEverythingAndIsReplaced() throws Exception {
        train("envA", 1);
        Path file = new ModelStore(dir, "envA", w -> { }).file();
        Files.writeString(file, "{\"format\": \"selftune-rank-model-v1\", \"environment\": \"envA\", \"examples\": [{\"id\": 3}");
        Ranking r = Ranking.open(dir, "envA", ON, warnings::add);
        assertEquals(0, r.examples());
        assertEquals(1, warnings.size(), "one warning: " + warnings);
        assertTrue(warnings.get(0).startsWith("[selftune] ranking model " + file), warnings.get(0));
        assertTrue(warnings.get(0).contains("corrupt") && warnings.get(0).contains("ignored"), warnings.get(0));
        assertFalse(r.select(variants, M, original, 1).ranked());
        r.record(M, "seed1", original, observed());
        assertEquals(variants.size(), Ranking.open(dir, "envA", ON, w -> { }).examples(), "the next record writes a valid file");
    }

    @Test
    void ranking_badExampleValues_treatedAsCorrupt() throws Exception {
        train("envA", 1);
        Path file = new ModelStore(dir, "envA", w -> { }).file();
        Files.writeString(file, Files.readString(file).replaceFirst("\"logSpeedup\":[^,]+", "\"logSpeedup\":\"fast\""));
        assertEquals(0, Ranking.open(dir, "envA", ON, warnings::add).examples());
        assertTrue(warnings.get(0).contains("corrupt"), warnings.toString());
    }

    @Test
    void ranking_anotherEnvironment_modelNotUsed() throws Exception {
        train("jvm 17 | cpu X", roundsFor(RankModel.MIN_EXAMPLES));
        assertEquals(0, Ranking.open(dir, "jvm 21 | cpu X", ON, warnings::add).examples(), "another JVM has its own file");
        assertEquals(List.of(), warnings);
        Path a = new ModelStore(dir, "jvm 17 | cpu X", w -> { }).file();
        Path b = new ModelStore(dir, "jvm 21 | cpu X", w -> { }).file();
        Files.copy(a, b);   // a model copied from another machine (or a hash collision)
        Ranking r = Ranking.open(dir, "jvm 21 | cpu X", ON, warnings::add);
        assertEquals(0, r.examples());
        assertFalse(r.select(variants, M, original, 1).ranked());
        assertTrue(warnings.get(0).contains("another JVM, CPU or fork flags"), warnings.toString());
    }

    @Test
    void ranking_preTouchedForks_shareTheModelOfTheSameMachine() {
        String plain = "jvm 17 | cpu X | -Xms1g -Xmx1g";
        train(plain, roundsFor(RankModel.MIN_EXAMPLES));
        Ranking touched = Ranking.open(dir, plain + " -XX:+AlwaysPreTouch", ON, warnings::add);
        assertEquals(roundsFor(RankModel.MIN_EXAMPLES) * variants.size(), touched.examples(),
                "a run whose budget affords pre-touch learns from, and adds to, the same examples");
        assertTrue(warnings.isEmpty(), warnings.toString());
        assertEquals(0, Ranking.open(dir, "jvm 17 | cpu X | -Xms2g -Xmx2g", ON, warnings::add).examples(),
                "another heap is another environment");
        assertEquals("jvm | cpu | -Xmx1g", ModelStore.modelEnvironment("jvm | cpu | -XX:+AlwaysPreTouch -Xmx1g"));
        assertEquals("jvm | cpu | -Xmx1g", ModelStore.modelEnvironment("jvm | cpu | -XX:+AlwaysPreTouch -XX:+UseTransparentHugePages -Xmx1g"));
    }

    @Test
    void ranking_noCacheDirectory_keepsNothingAndRanksNothing() {
        Ranking r = Ranking.open(null, "envA", ON, warnings::add);
        r.record(M, "seed1", original, observed());
        assertEquals(0, r.examples());
        assertFalse(r.select(variants, M, original, 1).ranked());
        assertEquals(null, r.summary(variants.size(), 0, 0, 0, 1, 0).modelFile());
    }

    /* A ranking on a model fitted from enough examples, with the model on. */
    private Ranking fitted() {
        train("envA", roundsFor(RankModel.MIN_EXAMPLES));
        return Ranking.open(dir, "envA", ON, warnings::add);
    }

    @Test
    void adapt_afterAResult_explorersStayFirstAndTheRestFollowTheUpdate() {
        Ranking r = fitted();
        Selection s = r.select(variants, M, original, 1);
        assertTrue(r.adapts());
        List<Variant> notStarted = new ArrayList<>(s.ordered().subList(1, s.ordered().size()));
        Variant explorer = s.ordered().get(s.kept());
        Variant worst = s.ordered().get(s.ordered().size() - 1);
        /* the first screened variant did far better than predicted: variants sharing its transforms move up */
        Variant first = s.ordered().get(0);
        List<Variant> next = r.adapt(notStarted, java.util.Map.of(first, 5.0));
        assertEquals(explorer, next.get(0), "the explorer not yet reached keeps its promised place first");
        assertEquals(new java.util.HashSet<>(notStarted), new java.util.HashSet<>(next), "the same variants, re-ordered");
        assertEquals(1, r.adaptations());
        String note = r.summary(variants.size(), 0, 1, 0, 5, 12).note();
        assertTrue(note.contains("(re-made 1 times); later halving rounds re-measured at most " + ON.rankFinalists() + " of the screened"),
                note);
        assertTrue(next.contains(worst));
    }

    @Test
    void adapt_twoScreenedShareATransform_theBestWithoutItGoesNext_afterTheExplorers() {
        Ranking r = fitted();
        Selection s = r.select(variants, M, original, 1);
        Variant explorer = s.ordered().get(s.kept());
        List<Variant> notStarted = new ArrayList<>(s.ordered());
        /* two screened variants, both applying the transform of the model's first pick, both far ahead of their prior:
         * the update alone would put that transform's composites first */
        String shared = s.ordered().get(0).transforms().get(0).transform();
        Variant a = AdaptiveTest.variant(shared, "unroll");
        Variant b = AdaptiveTest.variant(shared);
        assertTrue(notStarted.stream().anyMatch(v -> !v.transforms().stream().anyMatch(t -> t.transform().equals(shared))),
                "the fixture has variants without " + shared);
        List<Variant> next = r.adapt(notStarted, java.util.Map.of(a, 3.0, b, 3.0));
        assertEquals(explorer, next.get(0), "the explorer keeps its promised place");
        assertEquals(new java.util.HashSet<>(notStarted), new java.util.HashSet<>(next));
        assertTrue(next.get(1).transforms().stream().noneMatch(t -> t.transform().equals(shared)),
                "the first after the explorer leaves " + shared + " out: " + next.get(1).transforms());
        List<Variant> oneSeen = r.adapt(notStarted, java.util.Map.of(b, 3.0));
        assertTrue(oneSeen.get(1).transforms().stream().anyMatch(t -> t.transform().equals(shared)),
                "with one result the update alone orders: " + shared + "'s composites first: " + oneSeen.get(1).transforms());
    }

    @Test
    void adapt_theBestCarriesAStepSeenToHurt_theBestWithoutItGoesNext_afterTheExplorers() {
        Ranking r = fitted();
        Selection s = r.select(variants, M, original, 1);
        Variant explorer = s.ordered().get(s.kept());
        List<Variant> notStarted = new ArrayList<>(s.ordered());
        Variant last = notStarted.get(notStarted.size() - 1);   // the model's last pick
        assertTrue(last != explorer);
        dev.selftune.api.Step p = new dev.selftune.api.Step("probe", java.util.Map.of("k", 1));
        dev.selftune.api.Step q = new dev.selftune.api.Step("other", java.util.Map.of());
        List<dev.selftune.api.Step> withP = new ArrayList<>(last.transforms());
        withP.add(p);
        Variant best = new Variant("b", Variant.ORIGINAL_ID, withP, new byte[] {1});
        Variant qp = new Variant("qp", Variant.ORIGINAL_ID, List.of(q, p), new byte[] {2});
        Variant qOnly = new Variant("q", Variant.ORIGINAL_ID, List.of(q), new byte[] {3});
        List<Variant> next = r.adapt(notStarted, java.util.Map.of(best, 3.0, qp, 0.1, qOnly, 0.4));
        assertEquals(explorer, next.get(0), "the explorer keeps its promised place");
        assertEquals(last.transforms(), next.get(1).transforms(),
                "the best without the step that slowed 'other' down goes next, though the model ranked it last");
        List<Variant> noHarm = r.adapt(notStarted, java.util.Map.of(best, 3.0, qp, 0.5, qOnly, 0.4));
        assertTrue(noHarm.indexOf(last) > 1, "without the harm seen the update orders alone, and not it first: " + noHarm.indexOf(last));
    }

    @Test
    void adapt_policyOff_orModelNotRanking_changesNothing() {
        train("envA", roundsFor(RankModel.MIN_EXAMPLES));
        Ranking off = Ranking.open(dir, "envA", ON.withAdapt(false), warnings::add);
        Selection s = off.select(variants, M, original, 1);
        assertFalse(off.adapts());
        List<Variant> rest = s.ordered().subList(1, s.ordered().size());
        assertEquals(rest, off.adapt(rest, java.util.Map.of(s.ordered().get(0), 5.0)));
        Ranking modelOff = Ranking.open(dir, "envA", RankPolicy.defaults(), warnings::add);
        modelOff.select(variants, M, original, 1);
        assertFalse(modelOff.adapts(), "the model off: the generator's order stands");
    }
}
