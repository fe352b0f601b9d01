package dev.selftune.meta;

import static dev.selftune.meta.Fakes.u;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.generate.Policy;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelfImproveTest {
    private static final Utility BASE = u(1.20, 1.10, 1.30, 100);
    private static final Utility BETTER = u(1.60, 1.40, 1.80, 100);

    @TempDir
    Path out;

    private MetaRun run(int generations, int candidates, Fakes.Scoring s) {
        return new SelfImprove(Fakes.request(generations, candidates, out), s, line -> { }).run();
    }

    @Test
    void run_generationZero_isTheDefaultPolicyOnTrainAndHoldout() {
        Fakes.Scoring s = new Fakes.Scoring((p, label) -> BASE);
        MetaRun r = run(1, 2, s);
        assertEquals(List.of("g0-train", "g0-holdout"), s.labels.subList(0, 2));
        assertEquals(Policy.defaults(), s.policies.get(0));
        assertEquals(Policy.defaults(), s.policies.get(1));
        assertTrue(r.generations().get(0).adopted());
        assertEquals("policy-0.json", r.generations().get(0).policyFile());
    }

    @Test
    void run_winnersFoundEarly_firstCandidateCapsMaxVariantsFromTheEvidenceAndIsAdoptedWhenCheaper() {
        // generation 0 found both winners within the first 6 of 24 measured variants
        Utility evidence = Utility.of(List.of(new TargetScore("a", 2.0, 1.9, 2.1, 36, 0, 24, "swap", 5, 24),
                new TargetScore("b", 1.5, 1.4, 1.6, 36, 0, 24, "swap", 6, 24)));
        Utility cheaper = Utility.of(List.of(new TargetScore("a", 2.0, 1.9, 2.1, 21, 0, 9, "swap", 5, 9),
                new TargetScore("b", 1.5, 1.4, 1.6, 21, 0, 9, "swap", 6, 9)));
        Fakes.Scoring s = new Fakes.Scoring((p, label) -> p.maxVariants() == 9 ? cheaper : evidence);
        MetaRun r = run(1, 2, s);
        Node c1 = r.nodes().get(1);
        assertEquals(9, c1.policy.maxVariants(), "1.5 x the latest winner (6)");
        assertTrue(c1.proposal.startsWith("from evidence"), c1.proposal);
        assertEquals("random mutation", r.nodes().get(2).proposal);
        GenerationRow g1 = r.generations().get(1);
        assertTrue(g1.adopted(), g1.reason());
        assertTrue(g1.reason().startsWith("cheaper"), g1.reason());
    }

    @Test
    void run_lineOfEvidence_goesOnFromAScoredStepThatWasNotAdopted() {
        // g0 (model off) screened 24 each; the model on (g1-c1) reaches the same speedup in 80% of the forks
        // (not adopted) and its winners led the first round; generation 2 follows that line: fewer rounds
        Utility g0 = Utility.of(List.of(new TargetScore("a", 3.0, 2.8, 3.2, 74, 0, 50, "swap", 20, 24, 2)));
        Utility modelOn = Utility.of(List.of(new TargetScore("a", 2.95, 2.8, 3.1, 59, 0, 35, "swap", 4, 6, 1)));
        Utility fewer = Utility.of(List.of(new TargetScore("a", 3.0, 2.8, 3.2, 50, 0, 26, "swap", 4, 6, 1)));
        Fakes.Scoring s = new Fakes.Scoring((p, label) -> !p.rank().rankModel() ? g0 : p.keepFraction() < 0.5 ? fewer : modelOn);
        MetaRun r = run(2, 1, s);
        Node c1 = r.nodes().get(1);
        assertTrue(c1.policy.rank().rankModel() && c1.proposal.startsWith("from evidence"), c1.proposal);
        assertFalse(r.generations().get(1).adopted(), "59 of 74 is not 30% fewer");
        Node c2 = r.nodes().get(2);
        assertEquals(0.25, c2.policy.keepFraction());
        assertTrue(c2.policy.rank().rankModel());
        assertSame(c1, c2.parent, "the node whose evidence proposed it");
        assertTrue(c2.proposal.contains("ranked 1 of 6") && c2.proposal.contains("following g1-c1"), c2.proposal);
        assertTrue(r.generations().get(2).adopted(), r.generations().get(2).reason());
    }

    @Test
    void run_noEvidenceOfWhereWinnersWere_everyCandidateIsARandomMutation() {
        Fakes.Scoring s = new Fakes.Scoring((p, label) -> BASE);
        MetaRun r = run(1, 2, s);
        assertTrue(r.nodes().subList(1, 3).stream().allMatch(n -> n.proposal.equals("random mutation")));
    }

    @Test
    void run_eachGeneration_proposesCandidatesMutatedFromTheChosenParent() {
        Fakes.Scoring s = new Fakes.Scoring((p, label) -> BASE);
        MetaRun r = run(2, 3, s);
        assertEquals(1 + 2 * 3, r.nodes().size());
        for (Node n : r.nodes().subList(1, 4)) {
            assertSame(r.nodes().get(0), n.parent, n.id);
            assertNotEquals(Policy.defaults(), n.policy, n.id + " must differ from its parent");
        }
        assertEquals(7, r.nodes().stream().map(n -> n.policy).distinct().count(),
                "no candidate repeats a policy already in the archive");
    }

    @Test
    void run_candidateBeyondNoise_confirmedAndHeldOutOk_isAdoptedAndBecomesTheIncumbent() {
        Fakes.Scoring s = new Fakes.Scoring((p, label) -> label.startsWith("g1-c2") ? BETTER : BASE);
        MetaRun r = run(2, 2, s);
        GenerationRow g1 = r.generations().get(1);
        assertTrue(g1.adopted(), g1.reason());
        assertEquals("g1-c2", g1.candidate());
        assertEquals("policy-1.json", g1.policyFile());
        assertTrue(s.labels.contains("g1-c2-rerun") && s.labels.contains("g1-c2-holdout"), s.labels.toString());
        assertFalse(g1.policyDiff().isEmpty());
        GenerationRow g2 = r.generations().get(2);
        assertFalse(g2.adopted());
        assertTrue(g2.reason().contains("beat g1-c2"), "generation 2 is compared with the adopted g1-c2: " + g2.reason());
        assertTrue(r.verdict().contains("stopped helping"), r.verdict());
    }

    @Test
    void run_candidateWithinNoise_isNeitherReRunNorAdopted() {
        Fakes.Scoring s = new Fakes.Scoring((p, label) -> label.equals("g1-c1-train") ? u(1.3, 1.15, 1.45, 100) : BASE);
        MetaRun r = run(1, 2, s);
        assertFalse(r.generations().get(1).adopted());
        assertTrue(s.labels.stream().noneMatch(l -> l.endsWith("-rerun") || l.startsWith("g1") && l.endsWith("holdout")), s.labels.toString());
        assertNull(r.generations().get(1).holdoutUtility());
        assertTrue(r.verdict().startsWith("no generation beat generation 0"), r.verdict());
    }

    @Test
    void run_freshReRunDoesNotConfirm_isNotAdopted() {
        Fakes.Scoring s = new Fakes.Scoring((p, label) -> label.equals("g1-c1-train") ? BETTER : BASE);
        MetaRun r = run(1, 1, s);
        GenerationRow g1 = r.generations().get(1);
        assertFalse(g1.adopted());
        assertTrue(g1.reason().contains("re-run did not confirm"), g1.reason());
        assertFalse(s.labels.contains("g1-c1-holdout"), "an unconfirmed candidate is not scored on held-out");
    }

    @Test
    void run_trainingImprovesButHeldOutWorseBeyondNoise_isVetoed() {
        Fakes.Scoring s = new Fakes.Scoring((p, label) -> label.equals("g1-c1-holdout") ? u(0.9, 0.85, 0.95, 100)
                : label.startsWith("g1-c1") ? BETTER : BASE);
        MetaRun r = run(1, 1, s);
        GenerationRow g1 = r.generations().get(1);
        assertFalse(g1.adopted());
        assertTrue(g1.reason().startsWith("vetoed: held-out worse"), g1.reason());
        assertEquals(0.9, g1.holdoutUtility().speedup(), 1e-9);
        assertNull(g1.policyFile());
    }

    @Test
    void run_sameSpeedupFarFewerMeasurements_isAdoptedAsCheaper() {
        Utility cheap = u(1.20, 1.10, 1.30, 50);
        Fakes.Scoring s = new Fakes.Scoring((p, label) -> label.startsWith("g1-c1") ? cheap : BASE);
        MetaRun r = run(1, 1, s);
        assertTrue(r.generations().get(1).adopted(), r.generations().get(1).reason());
        assertTrue(r.generations().get(1).reason().startsWith("cheaper"), r.generations().get(1).reason());
        assertTrue(r.verdict().contains("still helping"), r.verdict());
    }

    @Test
    void run_parentChoice_followsCladeMetaproductivityAndReportsBoth() {
        // g1-c1 scores 1.5 (re-run and held-out too, so it is adopted); g1-c2 scores 1.3. In generation 2 everything g1-c1 spawns scores 1.0, which
        // drags its clade below g1-c2's: generation 3 must then propose from g1-c2's clade, not from the best own score.
        Fakes.Scoring s = new Fakes.Scoring((p, label) -> label.startsWith("g1-c1") ? u(1.5, 1.5, 1.5, 100)
                : label.startsWith("g1-c2") ? u(1.3, 1.3, 1.3, 100)
                : label.startsWith("g2") ? u(1.0, 1.0, 1.0, 100) : BASE);
        MetaRun r = run(3, 2, s);
        assertEquals("g0", r.generations().get(1).parent());
        assertEquals("g1-c1", r.generations().get(2).parent(), "at first g1-c1's clade is itself (1.5)");
        GenerationRow g3 = r.generations().get(3);
        assertEquals("g1-c2", g3.parent(), "g1-c1's clade fell to (1.5+1+1)/3; g1-c2 keeps 1.3");
        assertEquals(1.3, g3.parentOwnScore(), 1e-9);
        assertEquals(1.3, g3.parentMetaproductivity(), 1e-9);
        Node c1 = r.nodes().stream().filter(n -> n.id.equals("g1-c1")).findFirst().orElseThrow();
        assertTrue(c1.ownScore() > r.archive().metaproductivity(c1), "own score and clade differ for g1-c1");
    }
}
