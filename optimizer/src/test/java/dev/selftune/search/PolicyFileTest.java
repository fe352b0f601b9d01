package dev.selftune.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.TuneException;
import dev.selftune.generate.Policy;
import dev.selftune.generate.RankPolicy;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyFileTest {
    @TempDir
    Path dir;

    /** A policy in which every component differs from the default. */
    static Policy everyKnobChanged() {
        return new Policy(List.of("unroll", "hoist"),
                Map.of("unroll.factor", List.of(3), "split-accumulators.k", List.of(6),
                        "tune-constant.scale", List.of(150), "tune-constant.absolute", List.of(24),
                        "tile.block", List.of(24), "privatise-scatter.k", List.of(3),
                        "unroll-and-jam.factor", List.of(3)),
                2, 11, 2, 0.25, 900, 8, 12, 5, 4096, Policy.Order.BY_TRANSFORM, new RankPolicy(true, 0.5, 6, 2, false, 4, 3), 0.3, false);
    }

    /** Policy's components, with the ranking settings' own components in place of {@code rank}: one key each. */
    static List<String> knobNames() {
        List<String> out = new java.util.ArrayList<>();
        for (RecordComponent c : Policy.class.getRecordComponents()) {
            if (c.getName().equals("rank")) {
                for (RecordComponent r : RankPolicy.class.getRecordComponents()) {
                    out.add(r.getName());
                }
            } else {
                out.add(c.getName());
            }
        }
        return out;
    }

    @Test
    void policyFile_everyKnobChanged_roundTrips() throws Exception {
        Policy p = everyKnobChanged();
        Policy d = Policy.defaults();
        for (RecordComponent c : Policy.class.getRecordComponents()) {
            assertNotEquals(c.getAccessor().invoke(d), c.getAccessor().invoke(p), c.getName() + " is left at its default here");
        }
        for (RecordComponent c : RankPolicy.class.getRecordComponents()) {
            assertNotEquals(c.getAccessor().invoke(d.rank()), c.getAccessor().invoke(p.rank()), c.getName() + " is left at its default here");
        }
        for (String k : knobNames()) {
            assertTrue(PolicyFile.KEYS.contains(k), k + " is not a policy file key");
        }
        assertEquals(knobNames().size(), PolicyFile.KEYS.size());
        Path f = dir.resolve("p.json");
        PolicyFile.save(p, f);
        assertEquals(p, PolicyFile.load(f));
    }

    @Test
    void policyFile_empty_isTheDefaults() throws Exception {
        assertEquals(Policy.defaults(), PolicyFile.load(Files.writeString(dir.resolve("p.json"), "{}")));
    }

    @Test
    void policyFile_defaults_roundTrip() throws Exception {
        Path f = dir.resolve("p.json");
        PolicyFile.save(Policy.defaults(), f);
        assertEquals(Policy.defaults(), PolicyFile.load(f));
    }

    @Test
    void policyFile_unknownTransform_isAnErrorNamingItAndTheKnownOnes() throws Exception {
        String m = error("{\"transforms\": [\"unroll\", \"vectorize\"]}");
        assertTrue(m.contains("'vectorize'") && m.contains(String.join(", ", dev.selftune.generate.Transforms.names())), m);
    }

    @Test
    void policyFile_unknownRange_isAnErrorNamingItAndTheKnownOnes() throws Exception {
        String m = error("{\"ranges\": {\"unroll.factor\": [2], \"unroll.depth\": [2]}}");
        assertTrue(m.contains("'unroll.depth'") && m.contains(String.join(", ", Policy.RANGE_KEYS)), m);
    }

    @Test
    void policyFile_unknownKey_isAnErrorNamingItAndTheKnownOnes() throws Exception {
        String m = error("{\"maxDepht\": 2}");
        assertTrue(m.contains("'maxDepht'") && m.contains(String.join(", ", PolicyFile.KEYS)), m);
    }

    @Test
    void policyFile_unknownOrder_isAnErrorNamingTheKnownOnes() throws Exception {
        String m = error("{\"order\": \"random\"}");
        assertTrue(m.contains("'random'") && m.contains("round-robin, by-transform"), m);
    }

    @Test
    void policyFile_knobOfTheWrongType_isAnErrorNotTheDefault() throws Exception {
        assertTrue(error("{\"maxDepth\": \"3\"}").contains("'maxDepth'"));
        assertTrue(error("{\"maxVariants\": 2.5}").contains("'maxVariants'"));
        assertTrue(error("{\"ranges\": {\"unroll.factor\": [2, \"x\"]}}").contains("ranges.unroll.factor"));
        assertTrue(error("{\"transforms\": \"unroll\"}").contains("'transforms'"));
    }

    @Test
    void policyFile_badValue_saysHowToFixIt() throws Exception {
        assertTrue(error("{\"maxUnrollFactor\": 1}").contains("leave out --policy"));
    }

    @Test
    void policyFile_lukewarmShare_readAndOutOfRangeIsAnErrorNamingTheRange() throws Exception {
        Path f = Files.createTempFile("policy", ".json");
        Files.writeString(f, "{\"lukewarmShare\": 0}");
        assertEquals(Policy.defaults().withLukewarmShare(0), PolicyFile.load(f));
        String m = error("{\"lukewarmShare\": 0.9}");
        assertTrue(m.contains("lukewarmShare must be in [0, 0.5], got 0.9"), m);
        m = error("{\"lukewarmShare\": -0.1}");
        assertTrue(m.contains("lukewarmShare must be in [0, 0.5]"), m);
        m = error("{\"lukewarmShare\": \"high\"}");
        assertTrue(m.contains("'lukewarmShare' must be a number"), m);
    }

    @Test
    void policyFile_lineageOrder_readAndNotABooleanIsAnError() throws Exception {
        Path f = Files.createTempFile("policy", ".json");
        Files.writeString(f, "{\"lineageOrder\": false}");
        assertEquals(Policy.defaults().withLineageOrder(false), PolicyFile.load(f));
        assertTrue(Policy.defaults().lineageOrder(), "on by default");
        String m = error("{\"lineageOrder\": 1}");
        assertTrue(m.contains("'lineageOrder' must be true or false"), m);
    }

    @Test
    void policyFile_rankKnobsOutOfRange_errorsNameTheKeyAndTheRange() throws Exception {
        String m = error("{\"rankFraction\": 1.5}");
        assertTrue(m.contains("rankFraction") && m.contains("[0.05, 1]"), m);
        m = error("{\"rankFraction\": 0}");
        assertTrue(m.contains("rankFraction") && m.contains("[0.05, 1]"), m);
        m = error("{\"rankMinMeasured\": 0}");
        assertTrue(m.contains("rankMinMeasured") && m.contains("1..1000"), m);
        m = error("{\"rankExplore\": -1}");
        assertTrue(m.contains("rankExplore") && m.contains("0..100"), m);
        m = error("{\"rankModel\": \"yes\"}");
        assertTrue(m.contains("'rankModel' must be true or false"), m);
        m = error("{\"rankExplore\": 1.5}");
        assertTrue(m.contains("'rankExplore' must be a whole number"), m);
        m = error("{\"rankModl\": true}");
        assertTrue(m.contains("'rankModl'") && m.contains("rankModel, rankFraction, rankMinMeasured, rankExplore"), m);
    }

    @Test
    void policyFile_rankKnobs_readAndOthersKeepTheirDefaults() throws Exception {
        Policy p = PolicyFile.load(Files.writeString(dir.resolve("p.json"), "{\"rankModel\": true, \"rankFraction\": 0.2}"));
        assertEquals(new RankPolicy(true, 0.2, RankPolicy.defaults().rankMinMeasured(), RankPolicy.defaults().rankExplore()), p.rank());
        assertEquals(Policy.defaults().withRank(p.rank()), p);
    }

    @Test
    void policyFile_rankAdapt_readAndNotABooleanIsAnError() throws Exception {
        Policy p = PolicyFile.load(Files.writeString(dir.resolve("p.json"), "{\"rankModel\": true, \"rankAdapt\": false}"));
        assertFalse(p.rank().rankAdapt());
        assertTrue(Policy.defaults().rank().rankAdapt(), "on by default (it acts only when the model is on)");
        String m = error("{\"rankAdapt\": \"yes\"}");
        assertTrue(m.contains("'rankAdapt' must be true or false") && m.contains("yes"), m);
    }

    @Test
    void policyFile_rankExtend_readAndOutOfRangeIsAnError() throws Exception {
        Policy p = PolicyFile.load(Files.writeString(dir.resolve("p.json"), "{\"rankModel\": true, \"rankExtend\": 0}"));
        assertEquals(0, p.rank().rankExtend());
        assertEquals(RankPolicy.DEFAULT_EXTEND, Policy.defaults().rank().rankExtend());
        String m = error("{\"rankExtend\": -1}");
        assertTrue(m.contains("rankExtend") && m.contains("0..100"), m);
        m = error("{\"rankExtend\": 2.5}");
        assertTrue(m.contains("'rankExtend' must be a whole number"), m);
    }

    @Test
    void policyFile_rankFinalists_readWrittenAndOutOfRangeIsAnError() throws Exception {
        Policy p = PolicyFile.load(Files.writeString(dir.resolve("p.json"), "{\"rankModel\": true, \"rankFinalists\": 0}"));
        assertEquals(0, p.rank().rankFinalists());
        assertEquals(RankPolicy.DEFAULT_EXTEND, p.rank().rankExtend(), "the other knobs keep their defaults");
        assertEquals(RankPolicy.DEFAULT_FINALISTS, Policy.defaults().rank().rankFinalists());
        Policy four = Policy.defaults().withRank(Policy.defaults().rank().withModel(true).withFinalists(4));
        assertEquals(four, PolicyFile.fromMap(PolicyFile.toMap(four)), "written and read back");
        for (String bad : new String[] {"1", "-1", "101"}) {
            String m = error("{\"rankFinalists\": " + bad + "}");
            assertTrue(m.contains("rankFinalists") && m.contains("0 or in 2..100") && m.contains(bad), m);
        }
        String m = error("{\"rankFinalists\": 2.5}");
        assertTrue(m.contains("'rankFinalists' must be a whole number"), m);
    }

    private String error(String json) throws Exception {
        Path f = Files.writeString(dir.resolve("bad.json"), json);
        return assertThrows(TuneException.class, () -> PolicyFile.load(f)).getMessage();
    }

    @Test
    void fromMap_confirmPairs_isRefusedAsAJudgingRule() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> PolicyFile.fromMap(Map.of("confirmPairs", 3)));
        assertTrue(e.getMessage().contains("'confirmPairs' is not a policy knob") && e.getMessage().contains("judge"), e.getMessage());
    }
}
