package dev.selftune.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.MethodRef;
import dev.selftune.api.Variant;
import dev.selftune.api.Verdict;
import dev.selftune.generate.specimens.Areas;
import dev.selftune.generate.specimens.AreasRows;
import dev.selftune.generate.transform.GuardedDevirtualise;
import dev.selftune.inputs.InputSource;
import dev.selftune.inputs.UsualValues;
import dev.selftune.target.Target;
import dev.selftune.verify.Verifier;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodNode;

/** {@code guarded-devirtualise}: the class-guarded copy of a virtual call's target, exact on both sides, verified honestly. */
class GuardedDevirtualiseTest {
    private static final String ROWS = AreasRows.class.getName() + "#";
    private final GuardedDevirtualise devirt = new GuardedDevirtualise();
    private final byte[] original = Specimen.bytes(Areas.class);

    private static Method target(String name) {
        return Arrays.stream(Areas.class.getMethods()).filter(m -> m.getName().equals(name)).findFirst().orElseThrow();
    }

    private static TransformContext ctx(String name, Object[][] rows) {
        Method m = target(name);
        return TransformContext.exact(Policy.defaults())
                .withUsualValues(UsualValues.of(name, Type.getMethodDescriptor(m), List.of(rows)))
                .withClasses(ClassBytes.resourcesOf(GuardedDevirtualiseTest.class.getClassLoader()));
    }

    private List<Map<String, Integer>> candidates(String name, Object[][] rows) {
        ClassNode cn = ClassBytes.read(original);
        return devirt.candidates(cn, TunedMethods.find(cn, name, null), ctx(name, rows));
    }

    private String why(String name, Object[][] rows) {
        ClassNode cn = ClassBytes.read(original);
        return devirt.whyNotApplied(cn, TunedMethods.find(cn, name, null), ctx(name, rows));
    }

    private byte[] variant(String name, Object[][] rows, int site, java.util.function.Consumer<ClassNode> plant) {
        ClassNode cn = ClassBytes.read(original);
        MethodNode m = TunedMethods.find(cn, name, null);
        assertTrue(devirt.apply(cn, m, Map.of("site", site), ctx(name, rows)), "declined site " + site);
        plant.accept(cn);
        return ClassBytes.writeChanged(original, cn, Set.of(m.name + m.desc), ClassBytes.resourcesOf(getClass().getClassLoader()));
    }

    private static MethodNode method(ClassNode cn, String name) {
        return cn.methods.stream().filter(x -> x.name.equals(name)).findFirst().orElseThrow(() -> new AssertionError("no " + name));
    }

    @Test
    void candidates_allCircleRows_offersOneSiteAtTheAreaCall() {
        assertEquals(List.of(Map.of("site", 0)), candidates("total", AreasRows.circles()));
    }

    @Test
    void candidates_mixedRows_offersCircleThenSquare() {
        List<Map<String, Integer>> c = candidates("total", AreasRows.mixed());
        assertEquals(2, c.size(), c.toString());
        ClassNode cn = ClassBytes.read(variant("total", AreasRows.mixed(), 1, x -> { }));
        assertTrue(ldcClasses(method(cn, "area$devirt$1$guard$1")).contains("dev/selftune/generate/specimens/Square"));
    }

    @Test
    void candidates_noCallerRows_offersNothingAndSaysWhy() {
        assertTrue(candidates("total", new Object[0][]).isEmpty());
        assertTrue(why("total", new Object[0][]).contains("no caller rows"), why("total", new Object[0][]));
    }

    @Test
    void apply_circleRows_loopCallsAGuardedHelperAndTheClassVerifies() throws Exception {
        byte[] bytes = variant("total", AreasRows.circles(), 0, cn -> { });
        ClassNode cn = ClassBytes.read(bytes);
        MethodNode total = method(cn, "total");
        for (AbstractInsnNode n : total.instructions) {
            assertFalse(n.getOpcode() == Opcodes.INVOKEINTERFACE, "total still makes the interface call");
        }
        assertTrue((method(cn, "area$devirt$1").access & Opcodes.ACC_PRIVATE) != 0);
        assertEquals(method(cn, "area$devirt$1").desc, method(cn, "area$devirt$1$fast$1").desc);
        assertEquals(List.of("dev/selftune/generate/specimens/Circle"), ldcClasses(method(cn, "area$devirt$1$guard$1")));
        assertEquals("", Specimen.check(bytes));
        // The JVM's own verifier runs when the class links: define it and call it.
        Class<?> loaded = Specimen.load(Areas.class.getName(), bytes);
        Object r = loaded.getMethod("total", target("total").getParameterTypes()).invoke(null, (Object) AreasRows.circles()[1][0]);
        assertEquals(Areas.total((dev.selftune.generate.specimens.Shape[]) AreasRows.circles()[1][0]), (double) r);
    }

    @Test
    void variant_sameClassAndMixedArrays_bitIdenticalToOriginal() throws Exception {
        assertSameOnRows("total", variant("total", AreasRows.circles(), 0, cn -> { }), AreasRows.circles(), AreasRows.mixed(),
                new Object[][] {{null}});
        assertSameOnRows("total", variant("total", AreasRows.mixed(), 1, cn -> { }), AreasRows.circles(), AreasRows.mixed());
        assertSameOnRows("scaledTotal", variant("scaledTotal", AreasRows.mixedScaled(), 0, cn -> { }), AreasRows.mixedScaled());
    }

    private void assertSameOnRows(String name, byte[] bytes, Object[][]... rowSets) throws Exception {
        Method mo = target(name);
        Method mv = Specimen.load(Areas.class.getName(), bytes).getMethod(name, mo.getParameterTypes());
        int threw = 0;
        for (Object[][] rows : rowSets) {
            for (Object[] row : rows) {
                Specimen.Outcome want = Specimen.run(mo, row);
                Specimen.Outcome got = Specimen.run(mv, row);
                assertTrue(want.sameAs(got, 0), name + " on " + Specimen.describe(row) + ": " + want + " vs " + got);
                threw += want.thrown() == null ? 0 : 1;
            }
        }
        assertTrue(rowSets.length < 2 || threw > 0, "the mixed rows include throwing calls");
    }

    @Test
    void verify_mixedRows_passesWithBothSidesOfTheGuardRun() {
        Verdict v = verifier("total", "mixed").verify(new Variant("v1", Variant.ORIGINAL_ID, List.of(),
                variant("total", AreasRows.mixed(), 0, cn -> { })));
        assertInstanceOf(Verdict.Passed.class, v, v::toString);
        Verdict s = verifier("scaledTotal", "mixedScaled").verify(new Variant("v2", Variant.ORIGINAL_ID, List.of(),
                variant("scaledTotal", AreasRows.mixedScaled(), 0, cn -> { })));
        assertInstanceOf(Verdict.Passed.class, s, s::toString);
    }

    @Test
    void verify_allCircleRows_rejectedBecauseTheFallbackNeverRan() {
        Verdict v = verifier("total", "circles").verify(new Variant("v1", Variant.ORIGINAL_ID, List.of(),
                variant("total", AreasRows.circles(), 0, cn -> { })));
        Verdict.Rejected r = assertInstanceOf(Verdict.Rejected.class, v, v::toString);
        assertTrue(r.reason().contains("fallback (the original body of area$devirt$1) never ran"), r.reason());
    }

    @Test
    void verify_plantedWrongFastBody_rejectedWithACounterexample() {
        byte[] bytes = variant("total", AreasRows.mixed(), 0, cn -> {
            InsnList code = method(cn, "area$devirt$1$fast$1").instructions;
            for (AbstractInsnNode n = code.getFirst(); n != null; n = n.getNext()) {
                if (n.getOpcode() == Opcodes.DMUL) {
                    code.set(n, new InsnNode(Opcodes.DADD));
                    return;
                }
            }
            throw new AssertionError("no dmul in the copied area");
        });
        Verdict v = verifier("total", "mixed").verify(new Variant("v1", Variant.ORIGINAL_ID, List.of(), bytes));
        assertInstanceOf(Verdict.Rejected.class, v, v::toString);
    }

    @Test
    void whyNotApplied_jdkReceiver_refusedAsJdkCode() {
        assertTrue(candidates("totalOf", AreasRows.integers()).isEmpty());
        String why = why("totalOf", AreasRows.integers());
        assertTrue(why.contains("java.lang.Integer") && why.contains("JDK class"), why);
    }

    @Test
    void whyNotApplied_nonPublicClass_refusedAsUnreachable() {
        assertTrue(candidates("total", AreasRows.hexagons()).isEmpty());
        String why = why("total", AreasRows.hexagons());
        assertTrue(why.contains("Hexagon") && why.contains("not public"), why);
    }

    @Test
    void whyNotApplied_synchronizedCallee_refusedForItsLock() {
        assertTrue(candidates("total", AreasRows.locked()).isEmpty());
        String why = why("total", AreasRows.locked());
        assertTrue(why.contains("Locked") && why.contains("synchronized"), why);
    }

    @Test
    void whyNotApplied_privateFieldOfAnotherClass_refused() {
        assertTrue(candidates("total", AreasRows.rings()).isEmpty());
        String why = why("total", AreasRows.rings());
        assertTrue(why.contains("Ring.r") && why.contains("not public"), why);
    }

    @Test
    void whyNotApplied_calleeCallsTheTargetBack_refusedForStackDepth() {
        assertTrue(candidates("total", AreasRows.groups()).isEmpty());
        String why = why("total", AreasRows.groups());
        assertTrue(why.contains("Group") && why.contains("calls total back"), why);
    }

    /* The tune pipeline short of measuring: the registered transform through the generator, the real verifier. */
    @Test
    void generator_mixedRows_offersGuardedVariantsThatAllVerify() {
        Policy d = Policy.defaults();
        Policy p = new Policy(List.of(GuardedDevirtualise.NAME, "unroll"), d.ranges(), 2, 20, 1, 0.5);
        Generator g = new Generator(p, ctx("total", AreasRows.mixed()), ClassBytes.resourcesOf(getClass().getClassLoader()));
        List<Variant> vs = g.generate("total", Type.getMethodDescriptor(target("total")), original).stream()
                .filter(v -> v.transforms().get(0).transform().equals(GuardedDevirtualise.NAME)).toList();
        assertEquals(2, vs.stream().filter(v -> v.transforms().size() == 1).count(), vs.toString());
        Verifier verifier = verifier("total", "mixed");
        for (Variant v : vs) {
            Verdict verdict = verifier.verify(v);
            assertInstanceOf(Verdict.Passed.class, verdict, v + ": " + verdict);
        }
        assertTrue(Transforms.names().contains(GuardedDevirtualise.NAME));
    }

    private Verifier verifier(String name, String provider) {
        Target t = new Target(new MethodRef(Areas.class.getName(), name, Type.getMethodDescriptor(target(name))), original, true,
                TransformVerdicts.classpath());
        return new Verifier(t, new InputSource(7, new int[] {16, 64}, ROWS + provider, null), null);
    }

    private static List<String> ldcClasses(MethodNode m) {
        return Arrays.stream(m.instructions.toArray())
                .filter(n -> n instanceof org.objectweb.asm.tree.LdcInsnNode l && l.cst instanceof Type)
                .map(n -> ((Type) ((org.objectweb.asm.tree.LdcInsnNode) n).cst).getInternalName()).toList();
    }
}
