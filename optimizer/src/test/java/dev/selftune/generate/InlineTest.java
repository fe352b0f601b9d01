package dev.selftune.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.MethodRef;
import dev.selftune.api.Variant;
import dev.selftune.api.Verdict;
import dev.selftune.generate.specimens.Inlining;
import dev.selftune.generate.specimens.InliningStack;
import dev.selftune.generate.specimens.InliningRefusals;
import dev.selftune.generate.transform.Inline;
import dev.selftune.inputs.InputSource;
import dev.selftune.target.Target;
import dev.selftune.verify.Verifier;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/** {@code inline}: helpers too big for C2 are copied into their loops, behaviour kept; refusals say why. */
class InlineTest {
    private static final Map<String, String> HELPERS = Map.of("mixAll", "mix", "throwsMidLoop", "divide",
            "severalReturns", "classify", "caught", "lookup", "wide", "step", "nullReceiver", "weigh", "weighAll", "weigh");

    private static List<Variant> inlined(Method m) {
        return TransformConformanceTest.variants(Inlining.class, m, List.of(Inline.NAME), 1, 24, false);
    }

    private static MethodNode method(byte[] bytes, String name) {
        ClassNode cn = ClassBytes.read(bytes);
        return cn.methods.stream().filter(x -> x.name.equals(name)).findFirst().orElseThrow();
    }

    private static boolean calls(MethodNode m, String callee) {
        for (AbstractInsnNode n : m.instructions) {
            if (n instanceof MethodInsnNode c && c.name.equals(callee)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void inline_bigHelperInLoop_removesTheCallAndKeepsResultsExceptionsAndArguments() throws Exception {
        TransformConformanceTest conformance = new TransformConformanceTest();
        for (Method m : Specimen.publicMethods(Inlining.class)) {
            List<Variant> vs = inlined(m);
            assertEquals(1, vs.size(), m.getName() + ": one call site in the loop: " + vs);
            Variant v = vs.get(0);
            assertEquals("", Specimen.check(v.classBytes()), m.getName());
            MethodNode after = method(v.classBytes(), m.getName());
            assertFalse(calls(after, HELPERS.get(m.getName())), m.getName() + " still calls its helper");
            assertTrue(method(Specimen.bytes(Inlining.class), m.getName()).instructions.size() + 100
                    < after.instructions.size(), m.getName() + " grew by the helper's body");
            assertNull(conformance.conform(Inlining.class, m, v, 0, false), m.getName());
        }
    }

    @Test
    void inline_specimenPaths_areExercised_throwsCatchesAndNullReceiver() throws Exception {
        Class<?> c = Specimen.load(Inlining.class.getName(), inlined(Inlining.class.getMethod("nullReceiver", int[].class))
                .get(0).classBytes());
        Method nullReceiver = c.getMethod("nullReceiver", int[].class);
        int[] odd = {5, 6, 7};
        Specimen.Outcome npe = Specimen.run(nullReceiver, new Object[] {odd});
        assertEquals(NullPointerException.class.getName(), npe.thrown());
        assertEquals(Specimen.run(Inlining.class.getMethod("nullReceiver", int[].class), new Object[] {odd}).thrown(), npe.thrown());
        Method throwsMid = Inlining.class.getMethod("throwsMidLoop", int[].class);
        Class<?> t = Specimen.load(Inlining.class.getName(), inlined(throwsMid).get(0).classBytes());
        int[] a = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        Specimen.Outcome want = Specimen.run(throwsMid, new Object[] {a});
        Specimen.Outcome got = Specimen.run(t.getMethod("throwsMidLoop", int[].class), new Object[] {a});
        assertEquals(ArithmeticException.class.getName(), want.thrown(), "the division by zero is reached");
        assertTrue(want.sameAs(got, 0), "same exception and the same half-written array");
    }

    @Test
    void verifier_inlinedVariants_passTheDifferentialVerifier() throws Exception {
        Path classes = Path.of(InlineTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        for (Method m : Specimen.publicStatics(Inlining.class)) {
            String desc = Type.getMethodDescriptor(m);
            Target target = new Target(new MethodRef(Inlining.class.getName(), m.getName(), desc),
                    Specimen.bytes(Inlining.class), true, List.of(classes));
            Verifier verifier = new Verifier(target, new InputSource(11, new int[] {16, 300}, null, null), null);
            Variant v = inlined(m).get(0);
            Verdict verdict = verifier.verify(v);
            assertInstanceOf(Verdict.Passed.class, verdict, m.getName() + ": " + verdict);
        }
    }

    private static String why(Class<?> c, String name, Policy policy) {
        ClassNode cn = ClassBytes.read(Specimen.bytes(c));
        MethodNode m = cn.methods.stream().filter(x -> x.name.equals(name)).findFirst().orElseThrow();
        Inline inline = new Inline();
        TransformContext ctx = TransformContext.exact(policy);
        assertEquals(List.of(), inline.candidates(cn, m, ctx), name);
        return inline.whyNotApplied(cn, m, ctx);
    }

    private static String why(String name) {
        return why(InliningRefusals.class, name, Policy.defaults());
    }

    @Test
    void inline_refusedCalls_sayWhy() {
        assertTrue(why("recursive").contains("walk(II)I is recursive"), why("recursive"));
        assertTrue(why("callsNative").contains("nat(I)I is native"), why("callsNative"));
        assertTrue(why("callsAbstract").contains("can be overridden"), why("callsAbstract"));
        assertTrue(why("callsTiny").matches(".*tiny\\(I\\)I is \\d+ bytes, C2 inlines it already.*"), why("callsTiny"));
        assertTrue(why("noLoop").contains("nothing to inline"), why("noLoop"));
    }

    /* Values javac leaves under the arguments (out and i of out[i] = sum(m[i]); a long running sum under a helper with a
     * handler) are spilled before the copied body and reloaded after it: no loop head of the variant has a value on the
     * stack (HotSpot could not enter it by OSR: smile's rowSums measured 0.05x), and results, exceptions and arrays
     * stay the original's. The handler case was refused before ("the caller's stack is not empty"). */
    @Test
    void inline_valuesUnderTheArguments_areSpilled_noLoopHeadHasAStack() throws Exception {
        TransformConformanceTest conformance = new TransformConformanceTest();
        for (String name : List.of("rowSums", "stackUnderHandler")) {
            Method m = java.util.Arrays.stream(InliningStack.class.getMethods()).filter(x -> x.getName().equals(name)).findFirst().orElseThrow();
            List<Variant> vs = TransformConformanceTest.variants(InliningStack.class, m, List.of(Inline.NAME), 1, 24, false);
            assertEquals(1, vs.size(), name + ": " + vs);
            Variant v = vs.get(0);
            ClassNode cn = ClassBytes.read(v.classBytes());
            MethodNode after = cn.methods.stream().filter(x -> x.name.equals(name)).findFirst().orElseThrow();
            assertFalse(calls(after, name.equals("rowSums") ? "sum" : "guarded"), name + " still calls its helper");
            assertFalse(Generator.stackAtLoopHead(after, new org.objectweb.asm.tree.analysis.Analyzer<>(
                    new org.objectweb.asm.tree.analysis.BasicVerifier()).analyze(cn.name, after)), name + ": a loop head with a stack");
            assertNull(conformance.conform(InliningStack.class, m, v, 0, false), name);
        }
    }

    @Test
    void inline_objectUnderConstructionOnTheStack_isRefused() {
        assertTrue(why("underConstruction").contains("an object under construction is on the caller's stack"),
                why("underConstruction"));
    }

    @Test
    void inline_twoHelpersInOneLoop_offersTheOneOverFreqInlineSizeFirst() {
        ClassNode cn = ClassBytes.read(Specimen.bytes(InliningRefusals.class));
        MethodNode m = cn.methods.stream().filter(x -> x.name.equals("twoSizes")).findFirst().orElseThrow();
        TransformContext ctx = TransformContext.exact(Policy.defaults());
        assertEquals(List.of(Map.of("call", 0), Map.of("call", 1)), new Inline().candidates(cn, m, ctx));
        assertTrue(new Inline().apply(cn, m, Map.of("call", 0), ctx));
        assertFalse(calls(m, "big"), "the 300+-byte helper goes first");
        assertTrue(calls(m, "medium"));
        assertEquals(List.of(Map.of("call", 0)), new Inline().candidates(cn, m, ctx), "the medium helper is left");
    }

    @Test
    void inline_calleeOverMaxCopiedInsns_isRefusedNamingThePolicyLimit() {
        Policy d = Policy.defaults();
        Policy small = new Policy(List.of(Inline.NAME), d.ranges(), 1, 24, 1, 0.5, 50, 16, 16, 3, Short.MAX_VALUE,
                Policy.Order.ROUND_ROBIN);
        String why = why(Inlining.class, "mixAll", small);
        assertTrue(why.contains("over the policy's maxCopiedInsns 50"), why);
    }

    @Test
    void inline_callerNearHugeMethodLimit_isRefused() {
        ClassNode cn = ClassBytes.read(Specimen.bytes(Inlining.class));
        MethodNode m = cn.methods.stream().filter(x -> x.name.equals("mixAll")).findFirst().orElseThrow();
        for (int i = 0; i < 7700; i++) {
            m.instructions.insert(new InsnNode(Opcodes.NOP));
        }
        Inline inline = new Inline();
        TransformContext ctx = TransformContext.exact(Policy.defaults());
        assertEquals(List.of(), inline.candidates(cn, m, ctx));
        String why = inline.whyNotApplied(cn, m, ctx);
        assertTrue(why.contains("HugeMethodLimit 8000"), why);
    }

    @Test
    void inline_badCallIndex_leavesTheMethodAlone() {
        ClassNode cn = ClassBytes.read(Specimen.bytes(Inlining.class));
        MethodNode m = cn.methods.stream().filter(x -> x.name.equals("mixAll")).findFirst().orElseThrow();
        int before = m.instructions.size();
        TransformContext ctx = TransformContext.exact(Policy.defaults());
        assertFalse(new Inline().apply(cn, m, Map.of("call", 1), ctx));
        assertFalse(new Inline().apply(cn, m, Map.of(), ctx));
        assertEquals(before, m.instructions.size());
    }
}
