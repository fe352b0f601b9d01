package dev.selftune.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import dev.selftune.generate.specimens.Loops;
import dev.selftune.generate.specimens.Sorts;
import dev.selftune.generate.specimens.Weights;

/** Which shapes each transform recognises and which it refuses. */
class TransformApplicabilityTest {
    private static final TransformContext EXACT = TransformContext.exact(Policy.defaults());
    private static final TransformContext FP = new TransformContext(true, 1e-9, Policy.defaults());

    private static List<Map<String, Integer>> offers(String transform, Class<?> c, String method, TransformContext ctx) {
        ClassNode cn = ClassBytes.read(Specimen.bytes(c));
        MethodNode mn = TunedMethods.find(cn, method, null);
        return Transforms.byName(transform).orElseThrow().candidates(cn, mn, ctx);
    }

    private static List<CountedLoop> loops(Class<?> c, String method) {
        return CountedLoops.find(TunedMethods.find(ClassBytes.read(Specimen.bytes(c)), method, null));
    }

    @Test
    void countedLoops_javacForLoop_reportsInductionStepAndBound() {
        CountedLoop l = loops(Loops.class, "intSum").get(0);
        assertEquals(1, l.step());
        assertEquals(Opcodes.IF_ICMPLT, l.relation());
        assertEquals(Opcodes.ARRAYLENGTH, l.bound().get(1).getOpcode());
        assertFalse(l.hasCalls() || l.hasJumpsOut() || l.coveredByTry());
        CountedLoop down = loops(Loops.class, "countDown").get(0);
        assertEquals(-1, down.step());
        assertEquals(Opcodes.IF_ICMPGE, down.relation());
        assertTrue(down.bound().isEmpty());
        assertEquals(3, loops(Loops.class, "stepped").get(0).step());
        assertEquals(2, loops(Loops.class, "nested").size());
        assertTrue(loops(Loops.class, "breakContinue").get(0).hasJumpsOut());
        assertTrue(loops(Loops.class, "guarded").get(0).coveredByTry());
        assertTrue(loops(Loops.class, "withCall").get(0).hasCalls());
        assertEquals(1, loops(Loops.class, "whileLoop").size());
    }

    @Test
    void countedLoops_boundWrittenInBody_refused() {
        assertEquals(List.of(), loops(Loops.class, "boundChanges"));
    }

    @Test
    void unroll_simpleAndStringBoundedLoops_applies() {
        assertEquals(3, offers("unroll", Loops.class, "intSum", EXACT).size());
        assertEquals(3, offers("unroll", Loops.class, "hashString", EXACT).size());
        assertEquals(3, offers("unroll", Loops.class, "breakContinue", EXACT).size());
        assertEquals(List.of(), offers("unroll", Loops.class, "boundChanges", EXACT));
    }

    @Test
    void splitAccumulators_doubleSum_onlyWithFpOptIn() {
        assertEquals(List.of(), offers("split-accumulators", Loops.class, "doubleSum", EXACT));
        assertEquals(List.of(), offers("split-accumulators", Loops.class, "dot", EXACT));
        assertEquals(3, offers("split-accumulators", Loops.class, "doubleSum", FP).size());
        assertEquals(3, offers("split-accumulators", Loops.class, "dot", FP).size());
        assertEquals(3, offers("split-accumulators", Loops.class, "floatSum", FP).size());
    }

    @Test
    void splitAccumulators_exactReductions_apply() {
        for (String m : List.of("intSum", "longSum", "intDot", "countPositive", "whileLoop", "stepped", "sumRange",
                "maxInt", "minDouble")) {
            List<Map<String, Integer>> offers = offers("split-accumulators", Loops.class, m, EXACT);
            assertEquals(3, offers.size(), m + ": " + offers);
            assertEquals(0, offers.get(0).get("horner"), m);
        }
    }

    @Test
    void splitAccumulators_polynomialHash_offersHorner() {
        for (String m : List.of("hashString", "hashBytes", "hashLongs", "countDown", "hashForEach")) {
            List<Map<String, Integer>> offers = offers("split-accumulators", Loops.class, m, EXACT);
            assertEquals(3, offers.size(), m + ": " + offers);
            assertEquals(1, offers.get(0).get("horner"), m);
        }
    }

    @Test
    void splitAccumulators_instanceMethodAndPrivateHelper_apply() {
        assertEquals(3, offers("split-accumulators", Weights.class, "weighted", EXACT).size());
        assertEquals(1, offers("split-accumulators", Weights.class, "tail", EXACT).get(0).get("horner"));
    }

    @Test
    void splitAccumulators_breaksReturnsTryAndReusedAccumulator_refused() {
        for (String m : List.of("breakContinue", "earlyReturn", "guarded", "prefix", "boundChanges")) {
            assertEquals(List.of(), offers("split-accumulators", Loops.class, m, FP), m);
        }
    }

    @Test
    void tuneConstant_insertionCutoffAndBlockSize_offered() {
        ClassNode cn = ClassBytes.read(Specimen.bytes(Sorts.class));
        MethodNode quick = TunedMethods.find(cn, "quick", null);
        List<Map<String, Integer>> offers = new dev.selftune.generate.transform.TuneConstant().candidates(cn, quick, EXACT);
        assertTrue(offers.stream().allMatch(p -> p.get("value") > 0));
        assertTrue(offers.stream().anyMatch(p -> p.get("value") == 24), offers.toString());
        assertFalse(offers("tune-constant", Sorts.class, "blocked", EXACT).isEmpty());
        assertEquals(List.of(), offers("tune-constant", Sorts.class, "sort", EXACT), "a limit guarding a throw is not a knob");
        assertEquals(List.of(), offers("tune-constant", Loops.class, "intSum", EXACT));
    }

    @Test
    void transforms_registry_resolvesByName() {
        assertEquals(List.of("specialise", "inline", "guarded-devirtualise", "narrow-index", "linear-index", "trip-count", "branch-free", "interchange", "guarded-interchange", "tile", "hoist", "hoist-invariants", "row-accumulate", "unroll-and-jam", "privatise-scatter", "split-accumulators", "unroll", "algorithm-choice",
                "tune-constant"), Transforms.names());
        assertTrue(Transforms.byName("no-such").isEmpty());
        for (Transform t : Transforms.all()) {
            assertEquals(t.name(), Transforms.byName(t.name()).orElseThrow().name());
        }
    }
}
