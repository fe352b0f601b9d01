package dev.selftune.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.generate.nestspecimens.NestHarness;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

class LoopNestTest {
    private final ClassNode specimens = NestHarness.read(NestHarness.original());

    private MethodNode method(String name) {
        return NestHarness.method(specimens, name);
    }

    @Test
    void find_matmul_threeCountedLoopsOnePerfectInnerNest() {
        MethodNode m = method("matmul");
        assertEquals(3, LoopNestLoop.find(m).size());
        List<LoopNest> nests = LoopNest.find(m);
        assertEquals(1, nests.size(), "only the j-k pair has a straight-line inner body");
        LoopNest nest = nests.get(0);
        assertEquals(1, nest.body().stores().size());
        assertNull(nest.whyNotInterchangeable(specimens, m));
    }

    @ParameterizedTest
    @CsvSource({"matmulInt", "transpose", "matVec"})
    void whyNotInterchangeable_freshTargetsAndExactAddresses_null(String name) {
        MethodNode m = method(name);
        List<LoopNest> nests = LoopNest.find(m);
        assertEquals(1, nests.size());
        assertNull(nests.get(0).whyNotInterchangeable(specimens, m));
    }

    @ParameterizedTest
    @CsvSource({
        "matmulInto, parameter",
        "rowPrefix, another address",
        "lowerProduct, not rectangular",
        "total, reduction",
        "escaped, escapes",
        "ivsLiveAfter, read after the nest"})
    void whyNotInterchangeable_unsafeNest_namesTheRule(String name, String reason) {
        MethodNode m = method(name);
        List<LoopNest> nests = LoopNest.find(m);
        assertEquals(1, nests.size());
        String why = nests.get(0).whyNotInterchangeable(specimens, m);
        assertNotNull(why);
        assertTrue(why.contains(reason), why);
    }

    @ParameterizedTest
    @CsvSource({"matmul, 2", "matVec, 0", "transpose, 0"})
    void strideGain_unitStrideAccessesWonBySwapping(String name, int gain) {
        assertEquals(gain, LoopNest.find(method(name)).get(0).strideGain());
    }

    @Test
    void lift_callInBody_refusedNamingTheInstruction() {
        LoopNestLoop inner = LoopNestLoop.find(method("absProduct")).get(2);
        LoopNestBody.Refused refused = org.junit.jupiter.api.Assertions.assertThrows(LoopNestBody.Refused.class,
                () -> LoopNestBody.lift(inner.bodyStart(), inner.step()));
        assertTrue(refused.getMessage().contains("INVOKESTATIC"), refused.getMessage());
    }

    @Test
    void whyNotInterchangeable_volatileFieldInBody_refused() {
        MethodNode m = method("timesShared");
        String why = LoopNest.find(m).get(0).whyNotInterchangeable(specimens, m);
        assertTrue(why.contains("shared"), why);
        MethodNode plain = method("times");
        assertNull(LoopNest.find(plain).get(0).whyNotInterchangeable(specimens, plain));
    }

    @Test
    void find_callInBody_noNest() {
        assertTrue(LoopNest.find(method("absProduct")).isEmpty());
    }

    @Test
    void whyNotFresh_allocatedLocalVersusParameter() throws Exception {
        MethodNode m = method("matmul");
        LoopNestEscape escape = LoopNestEscape.analyze(specimens.name, m);
        AbstractInsnNode nest = LoopNest.find(m).get(0).first();
        assertNull(escape.whyNotFresh(5, nest), "c is local 5: a, b, n, m, p come first");
        assertTrue(escape.whyNotFresh(0, nest).contains("parameter"));
        assertNotNull(escape.whyNotFresh(2, nest), "n is an int");
        MethodNode escaped = method("escaped");
        String why = LoopNestEscape.analyze(specimens.name, escaped).whyNotFresh(2, LoopNest.find(escaped).get(0).first());
        assertTrue(why.contains("escapes at INVOKESTATIC"), why);
    }

    @Test
    void isLiveAt_matmulExit_inductionVariablesDead() {
        MethodNode m = method("matmul");
        LoopNest nest = LoopNest.find(m).get(0);
        assertTrue(!LoopNestLiveness.isLiveAt(m, nest.outer().exit(), nest.outer().iv()));
        assertTrue(!LoopNestLiveness.isLiveAt(m, nest.outer().exit(), nest.inner().iv()));
        assertTrue(LoopNestLiveness.isLiveAt(m, nest.outer().exit(), 5), "c is returned");
    }

    @Test
    void bijectiveIn_offsetsYesProductsNo() {
        var j = new LoopNestExpr.Local(org.objectweb.asm.Opcodes.ILOAD, 7);
        var n = new LoopNestExpr.Local(org.objectweb.asm.Opcodes.ILOAD, 2);
        var ivs = java.util.Set.of(7, 8);
        assertEquals(7, LoopNestExpr.bijectiveIn(new LoopNestExpr.Op(org.objectweb.asm.Opcodes.ISUB, List.of(n, j)), ivs));
        assertEquals(-1, LoopNestExpr.bijectiveIn(n, ivs));
        assertEquals(-2, LoopNestExpr.bijectiveIn(new LoopNestExpr.Op(org.objectweb.asm.Opcodes.IMUL, List.of(j, n)), ivs));
    }

    @Test
    void whyNotInterchangeable_flatRowMajorFreshOutput_nullUnlessRowsOverlap() {
        ClassNode tiles = ClassBytes.read(Specimen.bytes(dev.selftune.generate.nestspecimens.Tiles.class));
        MethodNode flat = TunedMethods.find(tiles, "transposeFlat", null);
        assertNull(LoopNest.find(flat).get(0).whyNotInterchangeable(tiles, flat), "t[j * n + i] with i over [0, n) is one-to-one");
        MethodNode overlap = TunedMethods.find(tiles, "transposeFlatOverlap", null);
        String why = LoopNest.find(overlap).get(0).whyNotInterchangeable(tiles, overlap);
        assertTrue(why != null && why.contains("not an induction variable plus or minus invariants"), why);
        MethodNode product = TunedMethods.find(tiles, "matmulFlat", null);
        assertNull(LoopNest.find(product).get(0).whyNotInterchangeable(tiles, product), "c[i * n + j] covers j; k is a reduction");
    }
}
