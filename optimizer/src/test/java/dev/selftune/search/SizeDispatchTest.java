package dev.selftune.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.MethodRef;
import dev.selftune.api.Step;
import dev.selftune.api.Variant;
import dev.selftune.api.Verdict;
import dev.selftune.generate.ClassBytes;
import dev.selftune.generate.Generator;
import dev.selftune.generate.Policy;
import dev.selftune.generate.SizeDispatch;
import dev.selftune.generate.TransformContext;
import dev.selftune.inputs.InputSource;
import dev.selftune.target.Target;
import dev.selftune.target.TargetClassLoader;
import dev.selftune.target.TargetLoader;
import dev.selftune.verify.Verifier;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodNode;

/** A size dispatcher (original below a threshold, a variant above) is verified on both sides of its guard. */
class SizeDispatchTest {
    private static final String SUM = "dev.selftune.target.specimens.Shapes#sum";
    private static Target target;
    private static Verifier verifier;
    private static Variant variant;
    private static TargetClassLoader resources;

    @BeforeAll
    static void setUp() throws Exception {
        Path classes = Path.of(SizeDispatchTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        target = TargetLoader.load(List.of(classes), MethodRef.parse(SUM));
        verifier = new Verifier(target, new InputSource(7, new int[] {16, 1024}, null, null), null);
        verifier.profile();
        resources = new TargetClassLoader(target.classpath(), target.method().owner(), target.classBytes());
        Policy p = Policy.defaults();
        variant = new Generator(p, TransformContext.exact(p), ClassBytes.resourcesOf(resources)).generate(target).stream()
                .filter(v -> SizeDispatch.whyNot(ClassBytes.read(target.classBytes()), ClassBytes.read(v.classBytes()),
                        "sum", "([I)I") == null)
                .findFirst().orElseThrow();
    }

    private static Verdict verifyDispatch(int threshold, SizeDispatch.Side side) {
        byte[] d = SizeDispatch.build(target.classBytes(), variant.classBytes(), "sum", "([I)I", 0, threshold, side,
                ClassBytes.resourcesOf(resources));
        return verifier.verify(new Variant("d", variant.id(), List.of(new Step("size-dispatch", Map.of("threshold", threshold))), d));
    }

    @Test
    void build_thresholdBetweenTheSizes_passesWithBothSidesRun() {
        assertTrue(verifyDispatch(100, SizeDispatch.Side.AT_LEAST).passed());
        assertTrue(verifyDispatch(100, SizeDispatch.Side.BELOW).passed());
    }

    @Test
    void build_thresholdNoRowReaches_rejectedForTheUncheckedFastSide() {
        Verdict v = verifyDispatch(1_000_000, SizeDispatch.Side.AT_LEAST);
        assertTrue(v instanceof Verdict.Rejected r && r.reason().contains("never ran"), v.toString());
    }

    @Test
    void build_parameterWithoutLength_refused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SizeDispatch.build(target.classBytes(),
                variant.classBytes(), "sum", "([I)I", 1, 100, SizeDispatch.Side.AT_LEAST, ClassBytes.resourcesOf(resources)));
        assertTrue(e.getMessage().contains("parameter 1 is not an array or String"), e.getMessage());
        assertEquals(List.of(0, 2), SizeDispatch.sizedParameters("([IJLjava/lang/String;D)V"));
    }

    @Test
    void whyNot_variantThatChangedAnotherMethod_named() {
        ClassNode original = ClassBytes.read(target.classBytes());
        ClassNode changed = ClassBytes.read(variant.classBytes());
        MethodNode other = changed.methods.stream().filter(m -> !m.name.equals("sum") && !m.name.startsWith("<")).findFirst().orElseThrow();
        other.instructions.insert(new InsnNode(Opcodes.NOP));
        String why = SizeDispatch.whyNot(original, changed, "sum", "([I)I");
        assertNotNull(why);
        assertTrue(why.contains("also changed " + other.name), why);
        assertNull(SizeDispatch.whyNot(original, ClassBytes.read(variant.classBytes()), "sum", "([I)I"));
    }

    private static SizeChoice.Outcome choose(double[] original, double[] leader) {
        InputSource src = new InputSource(7, new int[] {16, 1024}, null, null);
        Variant orig = new Variant(Variant.ORIGINAL_ID, null, List.of(), target.classBytes());
        return SizeChoice.run(target, src, orig, variant, (v, in) -> {
            int i = in.sizes()[0] == 16 ? 0 : 1;
            return v == orig ? original[i] : leader[i];
        }, verifier::verify);
    }

    @Test
    void sizeChoice_leaderLosesSmallWinsLarge_dispatchesAtAThresholdBetween() {
        SizeChoice.Outcome o = choose(new double[] {10, 100}, new double[] {12, 50});
        assertNotNull(o.dispatcher(), o.note());
        assertEquals(SizeDispatch.Side.AT_LEAST, o.side());
        assertEquals(128, o.threshold(), "geometric midpoint of lengths 16 and 1024");
        assertEquals(0, o.param());
        assertEquals("16: 0.83x, 1024: 2.00x", SizeChoice.describe(o.perSize()));
        assertEquals("size-dispatch", o.dispatcher().transforms().get(o.dispatcher().transforms().size() - 1).transform());
    }

    @Test
    void sizeChoice_leaderWinsSmallLosesLarge_dispatchesTheOtherWay() {
        SizeChoice.Outcome o = choose(new double[] {10, 100}, new double[] {5, 150});
        assertNotNull(o.dispatcher(), o.note());
        assertEquals(SizeDispatch.Side.BELOW, o.side());
    }

    @Test
    void sizeChoice_leaderNeverSlower_noDispatch() {
        SizeChoice.Outcome o = choose(new double[] {10, 100}, new double[] {9, 50});
        assertNull(o.dispatcher());
        assertEquals("the leader is not slower at any size: no dispatch needed", o.note());
    }

    @Test
    void sizeChoice_providerRowsOrOneSize_saysWhy() {
        assertTrue(SizeChoice.whyNot(new InputSource(1, new int[] {16}, "a.B#rows", null), target).contains("--inputs rows"));
        assertTrue(SizeChoice.whyNot(new InputSource(1, new int[] {64, 64}, null, null), target).contains("at least two --sizes"));
        assertNull(SizeChoice.whyNot(new InputSource(1, new int[] {16, 64}, null, null), target));
    }
}
