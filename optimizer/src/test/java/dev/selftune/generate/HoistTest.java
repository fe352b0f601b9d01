package dev.selftune.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.generate.nestspecimens.NestHarness;
import dev.selftune.generate.transform.Hoist;
import dev.selftune.generate.transform.Interchange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

class HoistTest {
    private final Hoist hoist = new Hoist();
    private final byte[] original = NestHarness.original();

    private List<Map<String, Integer>> candidates(byte[] bytes, String name) {
        ClassNode cn = NestHarness.read(bytes);
        return hoist.candidates(cn, NestHarness.method(cn, name), NestHarness.CTX);
    }

    @ParameterizedTest
    @ValueSource(strings = {"matmul", "checkedMatmul"})
    void apply_afterInterchange_matmulInnerLoopIsRowTimesScalarPlusRow(String name) {
        byte[] swapped = NestHarness.apply(original, name, new Interchange(), Map.of("nest", 0));
        List<Map<String, Integer>> offered = candidates(swapped, name);
        int innermost = LoopNestLoop.find(NestHarness.method(NestHarness.read(swapped), name)).size() - 1;
        assertEquals(Map.of("loop", innermost), offered.get(0), "innermost (j) loop first");
        assertTrue(offered.contains(Map.of("loop", innermost - 1)), "c[i] and a[i] are invariant in the k loop too");

        byte[] variant = NestHarness.apply(swapped, name, hoist, offered.get(0));
        MethodNode m = NestHarness.method(NestHarness.read(variant), name);
        int oldMax = NestHarness.method(NestHarness.read(swapped), name).maxLocals;
        LoopNestLoop fast = LoopNestLoop.find(m).stream()
                .filter(l -> l.iv() == LoopNest.find(NestHarness.method(NestHarness.read(swapped), name)).get(0).inner().iv())
                .findFirst().orElseThrow();
        List<String> body = new ArrayList<>();
        for (AbstractInsnNode n = fast.bodyStart(); n != fast.step(); n = n.getNext()) {
            if (n.getOpcode() >= 0) {
                String op = org.objectweb.asm.util.Printer.OPCODES[n.getOpcode()];
                body.add(n instanceof VarInsnNode v && v.var >= oldMax ? op + " tmp" : op);
            }
        }
        // ci[j] += aik * bk[j], with ci, aik, bk in new locals
        assertEquals(List.of("ALOAD tmp", "ILOAD", "DUP2", "DALOAD", "DLOAD tmp", "ALOAD tmp", "ILOAD", "DALOAD",
                "DMUL", "DADD", "DASTORE"), body);
        NestHarness.assertSameBehaviour(original, variant, name, 400, true);
        NestHarness.assertSameBehaviour(swapped, variant, name, 400, false);
    }

    @ParameterizedTest
    @ValueSource(strings = {"matmul", "checkedMatmul", "matmulInt", "transpose", "matVec", "dotMatmul", "dotMatVec", "times"})
    void apply_everyCandidateAfterInterchange_sameBehaviourAsOriginal(String name) {
        byte[] swapped = NestHarness.apply(original, name, new Interchange(), Map.of("nest", 0));
        for (Map<String, Integer> params : candidates(swapped, name)) {
            byte[] variant = NestHarness.apply(swapped, name, hoist, params);
            NestHarness.assertSameBehaviour(original, variant, name, 300, true);
            NestHarness.assertSameBehaviour(swapped, variant, name, 300, false);
            ClassNode cn = NestHarness.read(variant);
            assertEquals(List.of(), new Interchange().candidates(cn, NestHarness.method(cn, name), NestHarness.CTX),
                    "a nest holding a versioned loop (try block) is not interchanged");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"matmul", "dotMatmul"})
    void apply_twiceAfterInterchange_rowOfCLoadedOncePerI(String name) {
        byte[] swapped = NestHarness.apply(original, name, new Interchange(), Map.of("nest", 0));
        byte[] inner = NestHarness.apply(swapped, name, hoist, candidates(swapped, name).get(0));
        Map<String, Integer> kLoop = Map.of("loop", LoopNestLoop.find(NestHarness.method(NestHarness.read(inner), name)).size() - 2);
        assertTrue(candidates(inner, name).contains(kLoop), "the k loop, now holding a versioned j loop, is offered");
        byte[] both = NestHarness.apply(inner, name, hoist, kLoop);
        MethodNode m = NestHarness.method(NestHarness.read(both), name);
        List<LoopNestLoop> loops = LoopNestLoop.find(m);
        LoopNestLoop k = loops.get(loops.size() - 2);
        int c = 3;
        int cLoads = 0;
        for (AbstractInsnNode n = k.head(); n != k.back(); n = n.getNext()) {
            cLoads += n instanceof VarInsnNode v && v.getOpcode() == Opcodes.ALOAD && v.var == c ? 1 : 0;
        }
        assertEquals(0, cLoads, "c[i] is read before the fast k loop, not in it");
        NestHarness.assertSameBehaviour(original, both, name, 300, true);
        NestHarness.assertSameBehaviour(inner, both, name, 300, false);
    }

    @Test
    void apply_matVecAfterInterchange_hoistsTheVectorElement() {
        byte[] swapped = NestHarness.apply(original, "matVec", new Interchange(), Map.of("nest", 0));
        byte[] variant = NestHarness.apply(swapped, "matVec", hoist, candidates(swapped, "matVec").get(0));
        MethodNode m = NestHarness.method(NestHarness.read(variant), "matVec");
        LoopNestLoop fast = LoopNestLoop.find(m).get(LoopNestLoop.find(m).size() - 1);
        long loads = 0;
        for (AbstractInsnNode n = fast.bodyStart(); n != fast.step(); n = n.getNext()) {
            loads += n.getOpcode() == Opcodes.DALOAD || n.getOpcode() == Opcodes.AALOAD ? 1 : 0;
        }
        assertEquals(3, loads, "y[i] (read), a[i] and a[i][j] stay; x[j] is hoisted");
    }

    @ParameterizedTest
    @ValueSource(strings = {"matmul", "matmulInt", "matVec", "matmulInto", "lowerProduct", "weightedRow", "times",
        "dotMatmul", "transpose"})
    void apply_everyCandidate_sameBehaviourEvenWithMixedFaults(String name) {
        List<Map<String, Integer>> offered = candidates(original, name);
        assertFalse(offered.isEmpty(), name);
        for (Map<String, Integer> params : offered) {
            byte[] variant = NestHarness.apply(original, name, hoist, params);
            NestHarness.assertSameBehaviour(original, variant, name, 300, false);
        }
    }

    @Test
    void apply_timesAfterInterchange_hoistsTheFieldRootedElement() {
        byte[] swapped = NestHarness.apply(original, "times", new Interchange(), Map.of("nest", 0));
        byte[] variant = NestHarness.apply(swapped, "times", hoist, candidates(swapped, "times").get(0));
        MethodNode m = NestHarness.method(NestHarness.read(variant), "times");
        LoopNestLoop fast = LoopNestLoop.find(m).get(LoopNestLoop.find(m).size() - 1);
        List<String> body = new ArrayList<>();
        for (AbstractInsnNode n = fast.bodyStart(); n != fast.step(); n = n.getNext()) {
            if (n.getOpcode() >= 0) {
                body.add(org.objectweb.asm.util.Printer.OPCODES[n.getOpcode()]);
            }
        }
        assertEquals(List.of("ALOAD", "ILOAD", "DUP2", "DALOAD", "DLOAD", "ALOAD", "ILOAD", "DALOAD", "DMUL", "DADD",
                "DASTORE"), body, "this.data[i][k] is hoisted like a local's");
    }

    @Test
    void apply_weightedRow_hoistsRowAndElement() {
        byte[] variant = NestHarness.apply(original, "weightedRow", hoist, Map.of("loop", 0));
        MethodNode m = NestHarness.method(NestHarness.read(variant), "weightedRow");
        LoopNestLoop fast = LoopNestLoop.find(m).get(0);
        long arrayLoads = 0;
        for (AbstractInsnNode n = fast.bodyStart(); n != fast.step(); n = n.getNext()) {
            if (n.getOpcode() == Opcodes.AALOAD || n.getOpcode() == Opcodes.DALOAD) {
                arrayLoads++;
            }
        }
        assertEquals(1, arrayLoads, "only ar[j] is left in the loop");
        assertEquals(1, m.tryCatchBlocks.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"rowsStored", "rowsWithCall", "timesShared"})
    void candidates_aastoreCallOrVolatile_none(String name) {
        assertEquals(List.of(), candidates(original, name));
    }

    @Test
    void candidates_afterHoist_versionedLoopsAreNotOfferedAgain() {
        byte[] once = NestHarness.apply(original, "weightedRow", hoist, Map.of("loop", 0));
        assertEquals(List.of(), candidates(once, "weightedRow"));
    }
}
