package dev.selftune.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.generate.Policy;
import dev.selftune.search.PolicyFile;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PolicyMutatorTest {
    @Test
    void mutate_manyTimes_alwaysAValidDifferentPolicyThatRoundTrips() throws Exception {
        PolicyMutator m = new PolicyMutator(3);
        Policy p = Policy.defaults();
        java.nio.file.Path f = java.nio.file.Files.createTempFile("policy", ".json");
        for (int i = 0; i < 300; i++) {
            Policy child = m.mutate(p);
            assertNotEquals(p, child, "mutation " + i + " changed nothing");
            PolicyFile.save(child, f);
            assertEquals(child, PolicyFile.load(f), "a proposed policy must be a valid policy file");
            p = child;
        }
    }

    @Test
    void mutate_overManyProposals_reachesEveryKnobItClaims() {
        PolicyMutator m = new PolicyMutator(11);
        Set<String> changed = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            changed.addAll(PolicyDiff.of(Policy.defaults(), m.mutate(Policy.defaults())).keySet());
        }
        for (String k : new String[] {"transforms", "maxDepth", "maxVariants", "keepFraction", "screenForks", "order",
            "ranges.unroll.factor", "ranges.split-accumulators.k", "ranges.tune-constant.scale", "ranges.tune-constant.absolute",
            "ranges.unroll-and-jam.factor", "rankModel", "rankFraction", "rankMinMeasured", "rankExplore", "lukewarmShare", "lineageOrder"}) {
            assertTrue(changed.contains(k), k + " was never mutated: " + changed);
        }
    }

    @Test
    void once_lukewarmShare_staysInItsRangeAndReachesBothEnds() {
        PolicyMutator m = new PolicyMutator(5);
        Policy p = Policy.defaults();
        Set<Double> seen = new HashSet<>();
        for (int i = 0; i < 400; i++) {
            p = m.once(p, 16);   // the Policy constructor refuses anything out of range
            seen.add(p.lukewarmShare());
        }
        assertTrue(seen.contains(0.0) && seen.contains(Policy.MAX_LUKEWARM_SHARE), seen.toString());
        assertEquals(PolicyMutator.LUKEWARM_STEP, PolicyMutator.lukewarm(0, true));
        assertEquals(0.0, PolicyMutator.lukewarm(PolicyMutator.LUKEWARM_STEP, false));
        assertEquals(Policy.MAX_LUKEWARM_SHARE, PolicyMutator.lukewarm(Policy.MAX_LUKEWARM_SHARE, true));
    }

    @Test
    void once_rankKnobs_stayWithinTheirRanges() {
        PolicyMutator m = new PolicyMutator(2);
        Policy p = Policy.defaults();
        for (int i = 0; i < 400; i++) {
            p = m.once(p, i % 5 == 4 ? 18 : 11 + i % 5);   // the RankPolicy constructor refuses anything out of range
            assertTrue(p.rank().rankFraction() >= 0.1 && p.rank().rankMinMeasured() <= 12 && p.rank().rankExplore() <= 4
                    && p.rank().rankExtend() <= 4, p.rank().toString());
        }
        Policy on = Policy.defaults().withRank(Policy.defaults().rank().withModel(true));
        assertNotEquals(on.rank().rankExtend(), m.once(on, 18).rank().rankExtend(), "kind 18 moves rankExtend when the model is on");
        assertEquals(Policy.defaults(), m.once(Policy.defaults(), 18), "and leaves it alone when the model is off: nothing is cut");
        assertEquals(!Policy.defaults().rank().rankModel(), m.once(Policy.defaults(), 11).rank().rankModel(), "kind 11 toggles the model");
    }

    @Test
    void once_rankFinalists_movesOnlyWithTheModelOn_andTheCutsKindsKeepEveryOtherRankKnob() {
        PolicyMutator m = new PolicyMutator(3);
        Policy on = Policy.defaults().withRank(Policy.defaults().rank().withModel(true).withExtend(4).withFinalists(3));
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            seen.add(m.once(on, 19).rank().rankFinalists());
        }
        assertEquals(Set.of(0, 2, 3, 4), seen, "kind 19 proposes 0 (keepFraction alone), 2, 3 or 4");
        assertEquals(Policy.defaults(), m.once(Policy.defaults(), 19), "model off: nothing is cut, so no finalists to change");
        for (int kind : new int[] {12, 13, 14}) {
            for (int i = 0; i < 20; i++) {
                Policy child = m.once(on, kind);
                assertEquals(4, child.rank().rankExtend(), "kind " + kind + " keeps rankExtend");
                assertEquals(3, child.rank().rankFinalists(), "kind " + kind + " keeps rankFinalists");
                assertTrue(child.rank().rankModel());
            }
        }
    }

    @Test
    void mutate_sameSeed_sameProposals() {
        PolicyMutator a = new PolicyMutator(5);
        PolicyMutator b = new PolicyMutator(5);
        for (int i = 0; i < 20; i++) {
            assertEquals(a.mutate(Policy.defaults()), b.mutate(Policy.defaults()));
        }
    }

    @Test
    void once_dropTransform_neverEmptiesTheList() {
        PolicyMutator m = new PolicyMutator(1);
        Policy p = new Policy(java.util.List.of("unroll"), Policy.defaults().ranges(), 3, 24, 1, 0.5);
        assertEquals(p, m.once(p, 1), "dropping the last transform is not a mutation");
        assertEquals(p, m.once(p, 0), "a one-transform list has nothing to reorder");
    }

    @Test
    void policyDiff_namesChangedKeysOnly() {
        Policy d = Policy.defaults();
        var diff = PolicyDiff.of(d, d.withOrder(Policy.Order.BY_TRANSFORM));
        assertEquals(Set.of("order"), diff.keySet());
        assertEquals("order round-robin → by-transform", PolicyDiff.text(diff));
        assertEquals("unchanged", PolicyDiff.text(PolicyDiff.of(d, d)));
    }

    @Test
    void informed_latestWinnerEighthOfTwentyFour_capsAtTwelve() {
        Utility e = Utility.of(List.of(new TargetScore("a", 2.0, 1.9, 2.1, 36, 0, 24, "swap", 8, 24),
                TargetScore.keep("b", 36, 0, 24)));
        Policy child = new PolicyMutator(1).informed(Policy.defaults(), e);
        assertEquals(12, child.maxVariants());
        assertEquals(Policy.defaults().transforms(), child.transforms());
        assertEquals(Policy.defaults().ranges(), child.ranges());
    }

    @Test
    void informed_winnerScreenedEarlyButGeneratedLate_noCap() {
        // screened 3rd (lineage order took it early) but generated 20th of 24: a cap at 1.5 x 3 would cut it
        Utility e = Utility.of(List.of(new TargetScore("a", 2.0, 1.9, 2.1, 36, 0, 24, "swap", 3, 24, 0, 20),
                TargetScore.keep("b", 36, 0, 24)));
        Policy child = new PolicyMutator(1).informed(Policy.defaults(), e);
        assertTrue(child == null || child.maxVariants() == Policy.defaults().maxVariants(), String.valueOf(child));
        Utility early = Utility.of(List.of(new TargetScore("a", 2.0, 1.9, 2.1, 36, 0, 24, "swap", 3, 24, 0, 8)));
        assertEquals(12, new PolicyMutator(1).informed(Policy.defaults(), early).maxVariants(), "generated 8th: 1.5 x 8");
    }

    @Test
    void informed_capSparesUnderHalfWhatTheModelWould_turnsTheModelOnFirst() {
        // session 26, seed 1: winners generated 10th of 17 and 1st of 23; a cap at 15 spares 2 + 8 screenings, the model's 6 spare 11 + 17
        Utility e = Utility.of(List.of(new TargetScore("mm", 7.0, 6.3, 7.8, 30, 0, 17, "swap", 7, 17, 1, 10),
                new TargetScore("var", 1.5, 1.49, 1.54, 36, 0, 23, "swap", 3, 23, 4, 1)));
        Policy child = new PolicyMutator(1).informed(Policy.defaults(), e);
        assertTrue(child.rank().rankModel(), child.toString());
        assertEquals(Policy.defaults().maxVariants(), child.maxVariants(), "no cap beside it");
        assertEquals(10, PolicyMutator.saved(e, 15));
        assertEquals(28, PolicyMutator.saved(e, 6));
        // the cap at 12 of informed_latestWinnerEighthOfTwentyFour_capsAtTwelve spares 12, the model 18 (a keep records no screened count): over half, the cap stays first
        Utility eighth = Utility.of(List.of(new TargetScore("a", 2.0, 1.9, 2.1, 36, 0, 24, "swap", 8, 24),
                TargetScore.keep("b", 36, 0, 24)));
        assertEquals(12, PolicyMutator.saved(eighth, 12));
        assertEquals(18, PolicyMutator.saved(eighth, 6));
        assertFalse(new PolicyMutator(1).informed(Policy.defaults(), eighth).rank().rankModel());
    }

    @Test
    void informed_noSwapOrSwapWithoutEvidenceOrWinnerLate_noCap() {
        PolicyMutator m = new PolicyMutator(1);
        Policy on = Policy.defaults().withRank(Policy.defaults().rank().withModel(true));   // the ranking rule has nothing to add
        assertNull(m.informed(on, Utility.of(List.of(TargetScore.keep("b", 36, 0, 24)))), "no swap");
        assertNull(m.informed(on, Utility.of(List.of(new TargetScore("a", 2.0, 1.9, 2.1, 36, 0, 24, "swap")))),
                "a swap without the evidence");
        assertNull(m.informed(on, Utility.of(List.of(new TargetScore("a", 2.0, 1.9, 2.1, 36, 0, 24, "swap", 14, 24)))),
                "1.5 x 14 = 21 is not well below 24");
        assertNull(m.informed(on, null));
        assertNull(m.informed(on, Utility.of(List.of(new TargetScore("a", 2.0, 1.9, 2.1, 30, 0, 13, "swap", 8, 13)))),
                "the budget stopped screening at 13: a cap of 12 saves almost nothing");
    }

    @Test
    void informed_screenedTwiceWhatTheModelWouldLetThrough_turnsTheModelOn() {
        PolicyMutator m = new PolicyMutator(1);
        Utility late = Utility.of(List.of(new TargetScore("a", 2.0, 1.9, 2.1, 36, 0, 24, "swap", 14, 14)));
        Policy child = m.informed(Policy.defaults(), late);
        assertTrue(child.rank().rankModel() && child.rank().rankAdapt(), child.rank().toString());
        assertEquals(Policy.defaults().withRank(child.rank()), child, "only the ranking knob moves");
        String why = PolicyMutator.informedWhy(Policy.defaults(), child, late);
        assertTrue(why.contains("screened up to 14") && why.contains("would screen 6") && why.contains("rankModel false -> true"), why);
        assertNull(m.informed(Policy.defaults(), Utility.of(List.of(new TargetScore("a", 2.0, 1.9, 2.1, 20, 0, 11, "swap", 9, 11)))),
                "11 screened: the model's 5 + 1 would not halve it");
        assertNull(m.informed(child, late), "the model is on already");
    }

    @Test
    void informed_modelOnAndWinnersLedTheFirstRound_keepsFewerPerRound() {
        PolicyMutator m = new PolicyMutator(1);
        Policy on = Policy.defaults().withRank(Policy.defaults().rank().withModel(true));
        Utility led = Utility.of(List.of(new TargetScore("a", 6.0, 5.5, 6.5, 26, 0, 14, "swap", 4, 6, 1),
                new TargetScore("b", 1.6, 1.5, 1.7, 33, 0, 14, "swap", 2, 6, 1), TargetScore.keep("c", 20, 0, 14)));
        Policy child = m.informed(on, led);
        assertEquals(0.25, child.keepFraction(), "1.5 x 1/6, rounded up to 0.05");
        assertEquals(on.rank(), child.rank());
        assertEquals(on.maxVariants(), child.maxVariants(), "with the model on, the cap on what is generated does not apply");
        String why = PolicyMutator.informedWhy(on, child, led);
        assertTrue(why.contains("ranked 1 of 6, 1 of 6") && why.contains("keepFraction 0.5 -> 0.25"), why);
        assertNull(m.informed(child, led), "0.25 already: nothing lower to propose");
    }

    @Test
    void informed_modelOnAndWinnersFirstInItsOrder_letsThroughFewer() {
        PolicyMutator m = new PolicyMutator(1);
        Policy on = Policy.defaults().withRank(Policy.defaults().rank().withModel(true));
        Utility first = Utility.of(List.of(new TargetScore("a", 6.0, 5.5, 6.5, 25, 0, 13, "swap", 1, 5, 1),
                new TargetScore("b", 1.6, 1.5, 1.7, 32, 0, 14, "swap", 2, 6, 1)));
        Policy child = m.informed(on, first);
        assertEquals(3, child.rank().rankMinMeasured(), "max(3, 1.5 x 2)");
        assertEquals(0.05, child.rank().rankFraction(), "the fraction at its floor: the cut no longer grows with maxVariants");
        assertEquals(on.rank().rankExplore(), child.rank().rankExplore());
        assertEquals(on.withRank(child.rank()), child, "only the model's cut moves");
        String why = PolicyMutator.informedWhy(on, child, first);
        assertTrue(why.contains("came at 1 of 5, 2 of 6") && why.contains("rankMinMeasured 3 -> 3")
                && why.contains("rankFraction 0.2 -> 0.05"), why);
        assertEquals(0.3, m.informed(child, first).keepFraction(), "then fewer rounds, 1.5 x 1/5: the same cut again is no proposal");
        assertEquals(Policy.defaults().rank(), m.informed(Policy.defaults(), Utility.of(List.of(
                new TargetScore("a", 6.0, 5.5, 6.5, 25, 0, 13, "swap", 1, 5, 1)))).rank(),
                "model off: the model's cut is not what the evidence is about (fewer rounds here)");
        assertEquals(on.rank(), m.informed(on, Utility.of(List.of(new TargetScore("a", 6.0, 5.5, 6.5, 25, 0, 13, "swap", 3, 6, 1))))
                .rank(), "winner third of 6: 1.5 x 3 = 5, + 1 explorer is not 3/4 of 6; fewer rounds instead");
    }

    @Test
    void informed_rankCut_keepsTheParentsRankExtend() {
        PolicyMutator m = new PolicyMutator(1);
        dev.selftune.generate.RankPolicy d = Policy.defaults().rank();
        int other = d.rankExtend() == 0 ? 1 : 0;
        Policy on = Policy.defaults().withRank(new dev.selftune.generate.RankPolicy(true, d.rankFraction(),
                d.rankMinMeasured(), d.rankExplore(), true, other));
        Utility first = Utility.of(List.of(new TargetScore("a", 6.0, 5.5, 6.5, 25, 0, 13, "swap", 1, 5, 1),
                new TargetScore("b", 1.6, 1.5, 1.7, 32, 0, 14, "swap", 2, 6, 1)));
        Policy child = m.informed(on, first);
        assertEquals(3, child.rank().rankMinMeasured(), "the cut moves");
        assertEquals(other, child.rank().rankExtend(), "rankExtend is not what the evidence is about: the parent's stays");
    }

    @Test
    void informed_winnerNotFirstOrNoRoundsOrNoEvidence_keepsTheHalving() {
        PolicyMutator m = new PolicyMutator(1);
        Policy on = Policy.defaults().withRank(Policy.defaults().rank().withModel(true));
        assertNull(m.informed(on, Utility.of(List.of(new TargetScore("a", 2.0, 1.9, 2.1, 26, 0, 14, "swap", 4, 6, 2)))),
                "2 of 6 x 1.5 = 0.5: what the parent kept already");
        assertNull(m.informed(on, Utility.of(List.of(new TargetScore("a", 2.0, 1.9, 2.1, 26, 0, 14, "swap", 4, 6, 1),
                new TargetScore("b", 2.0, 1.9, 2.1, 26, 0, 14, "swap", 4, 6)))), "a swap without its first-round rank");
        assertNull(m.informed(on, Utility.of(List.of(new TargetScore("a", 2.0, 1.9, 2.1, 14, 0, 2, "swap", 1, 1, 1)))),
                "one variant screened: no second round to save");
        assertNull(m.informed(on, Utility.of(List.of(TargetScore.keep("c", 20, 0, 14)))), "no swap");
        Policy cut = on.withRank(new dev.selftune.generate.RankPolicy(true, 0.05, 3, 1, true));
        assertNull(m.informed(cut, Utility.of(List.of(new TargetScore("a", 2.0, 1.9, 2.1, 20, 0, 8, "swap", 1, 4, 1)))),
                "4 screened: 0.4 keeps 2 as 0.5 does, a proposal that would change nothing");
        assertThrows(IllegalArgumentException.class, () -> new TargetScore("a", 2.0, 1.9, 2.1, 26, 0, 14, "swap", 4, 6, 7));
    }

    @Test
    void targetScore_winnerAtBeyondScreened_refused() {
        assertThrows(IllegalArgumentException.class, () -> new TargetScore("a", 2.0, 1.9, 2.1, 36, 0, 24, "swap", 25, 24));
        assertThrows(IllegalArgumentException.class, () -> new TargetScore("a", 2.0, 1.9, 2.1, 36, 0, 24, "swap", -1, 24));
    }
}
