package dev.selftune.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.generate.jamspecimens.RowMatrices;
import dev.selftune.generate.specimens.FlatMatrices;
import dev.selftune.generate.specimens.Loops;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.MethodNode;

/** The loop model: javac's for and while loops, derived induction variables, long and count-down loops. */
class LoopsTest {
    private static MethodNode method(Class<?> c, String name) {
        ClassNode cn = new ClassNode();
        new ClassReader(Specimen.bytes(c)).accept(cn, 0);
        return cn.methods.stream().filter(m -> m.name.equals(name)).findFirst().orElseThrow();
    }

    private static int slot(MethodNode m, String local) {
        return m.localVariables.stream().filter(v -> v.name.equals(local)).findFirst().orElseThrow().index;
    }

    @Test
    void find_ejmlShapedWhileLoop_recognisesIndexAAndDerivedStrideFromAField() {
        MethodNode m = method(RowMatrices.class, "multSmall");
        List<Loop> loops = dev.selftune.generate.Loops.find(m);
        assertEquals(3, loops.size(), "i, j and the inner while");
        Loop inner = loops.get(2);
        assertEquals(slot(m, "indexA"), inner.iv().slot());
        assertTrue(inner.iv().isUnitStep(), "indexA++ inside the array index expression");
        assertEquals(Opcodes.IF_ICMPLT, inner.relation());
        assertTrue(inner.boundInvariant(), "end is a local the loop does not write");
        assertEquals(1, inner.derived().size(), inner.derived().toString());
        InductionVar b = inner.derived().get(0);
        assertEquals(slot(m, "indexB"), b.slot());
        assertNull(b.step(), "the stride is not a constant");
        assertTrue(b.stepInsns().get(1) instanceof FieldInsnNode f && f.name.equals("numCols"), b.stepInsns().toString());
        assertTrue(inner.straightLine() && !inner.writesMemory());
        assertTrue(loops.get(0).encloses(m, loops.get(1)) && loops.get(1).encloses(m, inner));
        Loop j = loops.get(1);
        assertEquals(slot(m, "j"), j.iv().slot());
        assertFalse(j.boundInvariant(), "b.numCols may change: the body calls c.set");
        assertTrue(j.hasCalls());
    }

    @Test
    void find_innerLoopStoringIntoAnArray_keepsAFieldStrideDerived() {
        MethodNode m = method(RowMatrices.class, "multCounting");
        Loop inner = dev.selftune.generate.Loops.find(m).get(2);
        assertTrue(inner.writesMemory());
        assertEquals(List.of(slot(m, "indexB")), inner.derived().stream().map(InductionVar::slot).toList(),
                "an array store cannot change b.numCols (only a call or a putfield of it could)");
    }

    @Test
    void find_longInductionVariable_isLongWithUnitStep() {
        Loop l = dev.selftune.generate.Loops.find(method(FlatMatrices.class, "longIndexSum")).get(0);
        assertTrue(l.iv().isLong());
        assertTrue(l.iv().isUnitStep());
        assertEquals(Opcodes.IF_ICMPLT, l.relation());
    }

    @Test
    void find_doWhileLoop_isBottomTestedAndNotACountedLoopView() {
        MethodNode m = method(FlatMatrices.class, "doWhileSum");
        List<Loop> loops = dev.selftune.generate.Loops.find(m);
        assertEquals(1, loops.size());
        Loop l = loops.get(0);
        assertTrue(l.bottomTested());
        assertEquals(slot(m, "i"), l.iv().slot());
        assertTrue(l.iv().isUnitStep());
        assertEquals(Opcodes.IF_ICMPLT, l.relation());
        assertEquals(2, l.bound().size(), "a.length");
        assertTrue(l.boundInvariant() && l.straightLine());
        assertSame(l.test(), l.backEdge());
        assertTrue(CountedLoops.find(m).isEmpty() && LoopNestLoop.find(m).isEmpty(), "the older views want javac's for");
    }

    @Test
    void find_whileLoopWithChainedContinue_isOneTopTestedLoop() {
        MethodNode m = method(Loops.class, "breakContinue");
        List<Loop> loops = dev.selftune.generate.Loops.find(m);
        assertTrue(loops.stream().noneMatch(Loop::bottomTested), loops.toString());
    }

    @Test
    void find_countDownAgainstZero_hasEmptyBoundAndStepMinusOne() {
        Loop l = dev.selftune.generate.Loops.find(method(Loops.class, "countDown")).get(0);
        assertTrue(l.bound().isEmpty());
        assertEquals(-1L, l.iv().step());
        assertEquals(Opcodes.IF_ICMPGE, l.relation());
    }

    @Test
    void find_conditionalUpdates_areNotInductionVariablesAndBoundNotInvariant() {
        Loop counting = dev.selftune.generate.Loops.find(method(Loops.class, "countPositive")).get(0);
        assertTrue(counting.derived().isEmpty(), "c++ under an if is not once per iteration: " + counting.derived());
        assertFalse(counting.straightLine());
        Loop shrinking = dev.selftune.generate.Loops.find(method(Loops.class, "boundChanges")).get(0);
        assertFalse(shrinking.boundInvariant(), "n-- in the body");
        assertNotNull(shrinking.iv());
    }

    @Test
    void find_whileLoopAndCountedFor_agreeWithCountedLoopsOnTheInductionVariable() {
        for (String name : List.of("whileLoop", "intSum", "dot", "stepped")) {
            MethodNode m = method(Loops.class, name);
            List<Loop> loops = dev.selftune.generate.Loops.find(m);
            List<CountedLoop> counted = CountedLoops.find(m);
            assertEquals(counted.size(), loops.size(), name);
            for (int i = 0; i < loops.size(); i++) {
                assertEquals(counted.get(i).inductionVar(), loops.get(i).iv().slot(), name);
                assertEquals((long) counted.get(i).step(), loops.get(i).iv().step(), name);
                assertEquals(counted.get(i).relation(), loops.get(i).relation(), name);
            }
        }
    }
}
