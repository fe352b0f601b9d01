package dev.selftune.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.Variant;
import dev.selftune.generate.specimens.Invariants;
import dev.selftune.generate.transform.HoistInvariants;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

class HoistInvariantsTest {
    private static final HoistInvariants HOIST = new HoistInvariants();
    private static final TransformContext CTX = TransformContext.exact(Policy.defaults())
            .withClasses(ClassBytes.resourcesOf(HoistInvariantsTest.class.getClassLoader()));

    private static MethodNode method(ClassNode cn, String name) {
        return cn.methods.stream().filter(m -> m.name.equals(name)).findFirst().orElseThrow();
    }

    private static Method reflected(String name) {
        return java.util.Arrays.stream(Invariants.class.getDeclaredMethods()).filter(m -> m.getName().equals(name))
                .findFirst().orElseThrow();
    }

    private static List<Variant> variants(String name) {
        return TransformConformanceTest.variants(Invariants.class, reflected(name), List.of(HoistInvariants.NAME), 1, 24, false);
    }

    /* The fast loop (the last counted loop: the versioned copy follows the original) of a variant. */
    private static List<AbstractInsnNode> fastLoop(byte[] bytes, String name) {
        MethodNode m = method(ClassBytes.read(bytes), name);
        List<LoopNestLoop> loops = LoopNestLoop.find(m);
        LoopNestLoop fast = loops.get(loops.size() - 1);
        List<AbstractInsnNode> out = new ArrayList<>();
        for (AbstractInsnNode n = fast.head(); n != fast.back(); n = n.getNext()) {
            if (n.getOpcode() >= 0) {
                out.add(n);
            }
        }
        return out;
    }

    private static String why(String name) {
        ClassNode cn = ClassBytes.read(Specimen.bytes(Invariants.class));
        MethodNode m = method(cn, name);
        assertEquals(List.of(), HOIST.candidates(cn, m, CTX), name);
        return HOIST.whyNotApplied(cn, m, CTX);
    }

    @Test
    void apply_fieldBoundArrayAndPureHelper_noFieldReadOrCallLeftInTheFastLoop() {
        List<Variant> vs = variants("scaledTotal");
        assertEquals(1, vs.size(), vs.toString());
        List<AbstractInsnNode> fast = fastLoop(vs.get(0).classBytes(), "scaledTotal");
        assertTrue(fast.stream().noneMatch(n -> n instanceof FieldInsnNode || n instanceof MethodInsnNode),
                "this.size, this.data, this.factor and scale(this.factor) all come from locals: " + fast);
        assertTrue(fast.stream().anyMatch(n -> n.getOpcode() == Opcodes.DALOAD), "data[i] stays in the loop");
    }

    @Test
    void apply_otherClassFieldsAndArrayLength_hoistedFromTheLoop() {
        List<Variant> vs = variants("holderSum");
        assertEquals(1, vs.size(), vs.toString());
        List<AbstractInsnNode> fast = fastLoop(vs.get(0).classBytes(), "holderSum");
        assertTrue(fast.stream().noneMatch(n -> n instanceof FieldInsnNode), "h.gain and h.data are read before the loop: " + fast);
        assertEquals(0, fast.stream().filter(n -> n.getOpcode() == Opcodes.ARRAYLENGTH).count(),
                "a.length (a is stored to but never reassigned) is hoisted, h.data.length is hoisted whole: " + fast);
    }

    @Test
    void whyNotApplied_onlyArrayLengthsAcrossAWritingCall_leftToC2() {
        String why = why("lengthsWithCall");
        assertTrue(why.contains("only array lengths or field reads in a loop that calls no method of this class"), why);
    }

    @ParameterizedTest
    @ValueSource(strings = {"staticScaled", "pureJdk"})
    void apply_staticFieldOrPureJdkCalls_hoisted(String name) {
        List<Variant> vs = variants(name);
        assertEquals(1, vs.size(), vs.toString());
        List<AbstractInsnNode> fast = fastLoop(vs.get(0).classBytes(), name);
        assertTrue(fast.stream().noneMatch(n -> n instanceof FieldInsnNode), fast.toString());
        assertEquals(name.equals("staticScaled") ? 1 : 0, fast.stream().filter(n -> n instanceof MethodInsnNode).count(),
                "curve(a[i]) stays (its argument varies); Math.scalb and Integer.bitCount of bits do not");
    }

    /* Null holders, zero-trip loops, short arrays, empty arrays: the same result, exception and arrays after the call. */
    @ParameterizedTest
    @ValueSource(strings = {"scaledTotal", "holderSum", "staticScaled", "pureJdk"})
    void apply_everyVariant_verifiesAndBehavesExactlyIncludingNullHoldersAndZeroTrips(String name) {
        TransformConformanceTest suite = new TransformConformanceTest();
        for (Variant v : variants(name)) {
            assertNull(suite.conform(Invariants.class, reflected(name), v, 0, false));
        }
    }

    @Test
    void apply_holderSumNullHolder_throwsAfterTheSameFirstWriteOrNotAtAllWhenZeroTrip() throws Exception {
        Variant v = variants("holderSum").get(0);
        Method mo = Specimen.load(Invariants.class.getName(), Specimen.bytes(Invariants.class))
                .getMethod("holderSum", double[].class, int.class);
        Method mv = Specimen.load(Invariants.class.getName(), v.classBytes()).getMethod("holderSum", double[].class, int.class);
        Specimen.Outcome npeWant = Specimen.run(mo, new Object[] {new double[3], 4});
        Specimen.Outcome npeGot = Specimen.run(mv, new Object[] {new double[3], 4});
        assertEquals(NullPointerException.class.getName(), npeGot.thrown());
        assertTrue(npeWant.sameAs(npeGot, 0));
        assertEquals(1.0, ((double[]) npeGot.argsAfter()[0])[0], "a[0] was written before the NPE");
        Specimen.Outcome zero = Specimen.run(mv, new Object[] {new double[3], -4});
        assertNull(zero.thrown(), "a null holder in a loop that runs zero times throws nothing");
        assertEquals(0.0, zero.result());
    }

    @Test
    void whyNotApplied_loopWritesTheField_saysTheFieldIsWritten() {
        String why = why("writesField");
        assertTrue(why.contains("Invariants$Holder.gain is written in the loop"), why);
    }

    @Test
    void whyNotApplied_unknownCall_namesTheCall() {
        String why = why("callsUnknown");
        assertTrue(why.contains("calls dev/selftune/generate/specimens/Invariants.record(I)V, not known to be pure"), why);
    }

    @Test
    void whyNotApplied_volatileRead_refusesTheLoop() {
        String why = why("readsVolatile");
        assertTrue(why.contains("reads volatile field dev/selftune/generate/specimens/Invariants$Holder.version"), why);
    }

    @Test
    void whyNotApplied_otherClassUnreadable_refusesAsPossiblyVolatile() {
        ClassNode cn = ClassBytes.read(Specimen.bytes(Invariants.class));
        MethodNode m = method(cn, "holderSum");
        TransformContext blind = TransformContext.exact(Policy.defaults());
        assertEquals(List.of(), HOIST.candidates(cn, m, blind));
        assertTrue(HOIST.whyNotApplied(cn, m, blind).contains("cannot be read to tell whether it is volatile"));
    }

    @Test
    void generator_defaultPolicy_offersHoistInvariants() {
        Generator g = new Generator(Policy.defaults(), TransformContext.exact(Policy.defaults()),
                ClassBytes.resourcesOf(HoistInvariantsTest.class.getClassLoader()));
        List<Variant> vs = g.generate("holderSum", null, Specimen.bytes(Invariants.class));
        assertTrue(vs.stream().anyMatch(v -> v.transforms().get(0).transform().equals(HoistInvariants.NAME)), vs.toString());
        assertFalse(g.notApplied().containsKey(HoistInvariants.NAME));
    }
}
