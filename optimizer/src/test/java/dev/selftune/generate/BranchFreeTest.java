package dev.selftune.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.Variant;
import dev.selftune.generate.specimens.Selects;
import dev.selftune.generate.transform.BranchFree;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/** branch-free: int and long selects compiled as branches become Math.abs/min/max, and nothing else does. */
class BranchFreeTest {

    private static Generator generator() {
        Policy p = new Policy(List.of(BranchFree.NAME), Policy.defaults().ranges(), 1, 24, 1, 0.5);
        return new Generator(p, TransformContext.exact(p), ClassBytes.resourcesOf(BranchFreeTest.class.getClassLoader()));
    }

    private static List<Variant> variants(String name) {
        return generator().generate(name, null, Specimen.bytes(Selects.class));
    }

    private static MethodNode method(byte[] classBytes, String name) {
        ClassNode cn = new ClassNode();
        new ClassReader(classBytes).accept(cn, 0);
        return cn.methods.stream().filter(x -> x.name.equals(name)).findFirst().orElseThrow();
    }

    /* The Math calls in the method, as "abs(I)I" strings, in order. */
    private static List<String> mathCalls(byte[] classBytes, String name) {
        return Arrays.stream(method(classBytes, name).instructions.toArray())
                .filter(n -> n instanceof MethodInsnNode m && m.owner.equals("java/lang/Math"))
                .map(n -> ((MethodInsnNode) n).name + ((MethodInsnNode) n).desc).collect(Collectors.toList());
    }

    private static long conditionalJumps(byte[] classBytes, String name) {
        return Arrays.stream(method(classBytes, name).instructions.toArray())
                .filter(n -> n instanceof JumpInsnNode && n.getOpcode() != org.objectweb.asm.Opcodes.GOTO).count();
    }

    private static void sameBehaviour(Variant v, String name) throws Exception {
        assertEquals("", Specimen.check(v.classBytes()));
        Method orig = Arrays.stream(Selects.class.getMethods()).filter(x -> x.getName().equals(name)).findFirst().orElseThrow();
        Method tuned = Arrays.stream(Specimen.load(Selects.class.getName(), v.classBytes()).getMethods())
                .filter(x -> x.getName().equals(name)).findFirst().orElseThrow();
        java.util.Random r = new java.util.Random(name.hashCode());
        for (int t = 0; t < 400; t++) {
            Object[] args = Specimen.args(orig.getParameterTypes(), r, t, false);
            assertTrue(Specimen.run(orig, args).sameAs(Specimen.run(tuned, args), 0), name + " " + Specimen.describe(args));
        }
    }

    @Test
    void sumAbsDiff_ternaryBecomesMathAbs_andTheLoopIsStraightLine() throws Exception {
        List<Variant> vs = variants("sumAbsDiff");
        assertEquals(1, vs.size());
        assertEquals(List.of("abs(I)I"), mathCalls(vs.get(0).classBytes(), "sumAbsDiff"));
        assertEquals(1, conditionalJumps(vs.get(0).classBytes(), "sumAbsDiff"), "only the loop's own test is left");
        sameBehaviour(vs.get(0), "sumAbsDiff");
    }

    @Test
    void absInPlace_statementAndReversedTernaryOverLongs_bothBecomeAbs() throws Exception {
        List<Variant> vs = variants("absInPlace");
        assertEquals(1, vs.size());
        assertEquals(List.of("abs(J)J", "abs(J)J"), mathCalls(vs.get(0).classBytes(), "absInPlace"));
        sameBehaviour(vs.get(0), "absInPlace");
    }

    @Test
    void range_compareAndAssign_becomesMinAndMax() throws Exception {
        List<Variant> vs = variants("range");
        assertEquals(1, vs.size());
        assertEquals(List.of("min(II)I", "max(II)I"), mathCalls(vs.get(0).classBytes(), "range"));
        sameBehaviour(vs.get(0), "range");
    }

    @Test
    void minClamp_elementwiseMinAndClampAtZero_becomeMinAndMax() throws Exception {
        List<Variant> vs = variants("minClamp");
        assertEquals(1, vs.size());
        List<String> calls = mathCalls(vs.get(0).classBytes(), "minClamp");
        assertEquals(List.of("min(II)I", "min(II)I", "min(II)I", "max(II)I"), calls, "two mins of the original, then the select and the clamp");
        sameBehaviour(vs.get(0), "minClamp");
    }

    @Test
    void maxOfLongs_operandsTheOtherWayRound_isMax() throws Exception {
        List<Variant> vs = variants("maxOfLongs");
        assertEquals(1, vs.size());
        assertEquals(List.of("max(JJ)J"), mathCalls(vs.get(0).classBytes(), "maxOfLongs"));
        sameBehaviour(vs.get(0), "maxOfLongs");
    }

    @Test
    void clampToByte_innerSelectBecomesMin_outerOneStaysABranch() throws Exception {
        List<Variant> vs = variants("clampToByte");
        assertEquals(1, vs.size());
        assertEquals(List.of("min(II)I", "min(II)I"), mathCalls(vs.get(0).classBytes(), "clampToByte"));
        assertEquals(2, conditionalJumps(vs.get(0).classBytes(), "clampToByte"), "the loop test and v < 0");
        sameBehaviour(vs.get(0), "clampToByte");
    }

    @Test
    void lookAlikes_negativeAbsAddingArmAndFloatingPoint_areLeftWithTheReason() {
        Generator g = generator();
        assertEquals(List.of(), g.generate("lookAlikes", null, Specimen.bytes(Selects.class)));
        String why = g.notApplied().get(BranchFree.NAME);
        assertTrue(why.contains("float and double selects are left"), why);
    }

    @Test
    void candidates_bothKindsAndEachAlone_whenAMethodHasBoth() {
        ClassNode cn = ClassBytes.read(Specimen.bytes(Selects.class));
        MethodNode sum = TunedMethods.find(cn, "sumAbsDiff", null);
        MethodNode clamp = TunedMethods.find(cn, "minClamp", null);
        BranchFree t = new BranchFree();
        assertEquals(List.of(Map.of("kinds", 1)), t.candidates(cn, sum, TransformContext.exact(Policy.defaults())));
        assertEquals(List.of(Map.of("kinds", 2)), t.candidates(cn, clamp, TransformContext.exact(Policy.defaults())));
        assertEquals(false, t.apply(cn, sum, Map.of("kinds", 2), TransformContext.exact(Policy.defaults())), "no min or max there");
    }
}
