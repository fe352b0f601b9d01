package dev.selftune.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.generate.nestspecimens.NestHarness;
import dev.selftune.generate.transform.Interchange;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

class InterchangeTest {
    private final Interchange interchange = new Interchange();
    private final byte[] original = NestHarness.original();

    private List<Map<String, Integer>> candidates(String name) {
        ClassNode cn = NestHarness.read(original);
        return interchange.candidates(cn, NestHarness.method(cn, name), NestHarness.CTX);
    }

    @Test
    void apply_matmul_innermostLoopRunsOverJ() {
        ClassNode before = NestHarness.read(original);
        LoopNest old = LoopNest.find(NestHarness.method(before, "matmul")).get(0);
        assertEquals(List.of(Map.of("nest", 0)), candidates("matmul"));

        byte[] variant = NestHarness.apply(original, "matmul", interchange, Map.of("nest", 0));
        MethodNode after = NestHarness.method(NestHarness.read(variant), "matmul");
        List<LoopNest> nests = LoopNest.find(after);
        assertEquals(1, nests.size());
        assertEquals(old.inner().iv(), nests.get(0).outer().iv(), "k is now the outer loop");
        assertEquals(old.outer().iv(), nests.get(0).inner().iv(), "j is now the innermost loop");
        assertEquals(3, LoopNestLoop.find(after).size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"matmul", "checkedMatmul", "matmulInt", "transpose", "matVec", "dotMatmul", "dotMatmulInt",
        "dotMatVec", "times"})
    void apply_safeNest_sameBehaviourBitForBit(String name) {
        byte[] variant = NestHarness.apply(original, name, interchange, Map.of("nest", 0));
        int thrown = NestHarness.assertSameBehaviour(original, variant, name, 400, true);
        NestHarness.assertSameBehaviour(variant, variant, name, 20, false);
        assertTrue(thrown > 0 && thrown < 400, "inputs should exercise both normal and exceptional paths: " + thrown);
    }

    @ParameterizedTest
    @ValueSource(strings = {"matmulInto", "rowPrefix", "lowerProduct", "absProduct", "total", "escaped", "ivsLiveAfter",
        "rowsStored", "rowsWithCall", "weightedRow", "dotMatmulInto", "dotReadsOutput", "timesShared"})
    void candidates_unsafeOrNoNest_none(String name) {
        assertEquals(List.of(), candidates(name));
    }

    @Test
    void apply_accumulatorMatmul_becomesZeroingLoopThenSwappedPerfectNest() {
        assertEquals(List.of(Map.of("nest", 0)), candidates("dotMatmul"), "no perfect nest, one accumulator nest");
        byte[] variant = NestHarness.apply(original, "dotMatmul", interchange, Map.of("nest", 0));
        MethodNode after = NestHarness.method(NestHarness.read(variant), "dotMatmul");
        assertEquals(4, LoopNestLoop.find(after).size(), "i, the zeroing j loop, k, j");
        LoopNest nest = LoopNest.find(after).get(0);
        assertEquals(1, nest.body().stores().size());
        byte[] hoisted = NestHarness.apply(variant, "dotMatmul", new dev.selftune.generate.transform.Hoist(), Map.of("loop", 3));
        NestHarness.assertSameBehaviour(original, hoisted, "dotMatmul", 300, true);
    }

    @Test
    void apply_unsafeNestForced_refusesAndLeavesMethodUnchanged() {
        ClassNode cn = NestHarness.read(original);
        MethodNode m = NestHarness.method(cn, "matmulInto");
        int size = m.instructions.size();
        assertFalse(interchange.apply(cn, m, Map.of("nest", 0), NestHarness.CTX));
        assertFalse(interchange.apply(cn, m, Map.of("nest", 3), NestHarness.CTX));
        assertEquals(size, m.instructions.size());
    }

    @Test
    void apply_twice_restoresTheOriginalOrder() {
        byte[] once = NestHarness.apply(original, "transpose", interchange, Map.of("nest", 0));
        byte[] twice = NestHarness.apply(once, "transpose", interchange, Map.of("nest", 0));
        NestHarness.assertSameBehaviour(original, twice, "transpose", 200, true);
    }
}
