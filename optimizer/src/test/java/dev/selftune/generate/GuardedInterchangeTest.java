package dev.selftune.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.MethodRef;
import dev.selftune.api.Step;
import dev.selftune.api.Variant;
import dev.selftune.api.Verdict;
import dev.selftune.generate.nestspecimens.AliasRows;
import dev.selftune.generate.nestspecimens.Blas;
import dev.selftune.generate.nestspecimens.NestHarness;
import dev.selftune.generate.nestspecimens.Nests;
import dev.selftune.generate.transform.GuardedInterchange;
import dev.selftune.inputs.InputSource;
import dev.selftune.target.Target;
import dev.selftune.verify.Verifier;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodNode;

class GuardedInterchangeTest {
    private static final String DESC = "([[D[[D[[D)V";
    private static final String ROWS = AliasRows.class.getName() + "#rows";
    private final byte[] original = NestHarness.original();
    private final GuardedInterchange guarded = new GuardedInterchange();

    /* The variant as the generator writes it: only the changed and the added methods are recomputed. */
    private byte[] variant(int hoist, Consumer<ClassNode> edit) {
        ClassNode cn = ClassBytes.read(original);
        MethodNode m = NestHarness.method(cn, "matmulInto");
        assertTrue(guarded.apply(cn, m, Map.of("nest", 0, "hoist", hoist), NestHarness.CTX));
        edit.accept(cn);
        return ClassBytes.writeChanged(original, cn, Set.of("matmulInto" + DESC),
                ClassBytes.resourcesOf(getClass().getClassLoader()));
    }

    private byte[] variant() {
        return variant(1, cn -> { });
    }

    @Test
    void candidates_matmulIntoWritesAParameter_offeredWithAndWithoutHoist() {
        ClassNode cn = ClassBytes.read(original);
        assertEquals(List.of(Map.of("nest", 0, "hoist", 1), Map.of("nest", 0, "hoist", 0)),
                guarded.candidates(cn, NestHarness.method(cn, "matmulInto"), NestHarness.CTX));
    }

    @Test
    void candidates_freshOutputOrLoopCarriedDependence_none() {
        ClassNode cn = ClassBytes.read(original);
        assertEquals(List.of(), guarded.candidates(cn, NestHarness.method(cn, "matmul"), NestHarness.CTX),
                "plain interchange already handles a fresh output");
        assertEquals(List.of(), guarded.candidates(cn, NestHarness.method(cn, "rowPrefix"), NestHarness.CTX),
                "a loop-carried dependence is not an aliasing question");
        assertTrue(guarded.whyNotApplied(cn, NestHarness.method(cn, "matmul"), NestHarness.CTX).contains("plain interchange"));
    }

    @Test
    void writeChanged_guardedVariant_addsPrivateHelpersThatVerifyAndLoad() throws Exception {
        byte[] bytes = variant();
        NestHarness.assertVerifies(bytes);
        ClassNode back = ClassBytes.read(bytes);
        MethodNode fast = NestHarness.method(back, "matmulInto$fast$1");
        MethodNode guard = NestHarness.method(back, "matmulInto$guard$1");
        assertEquals(DESC, fast.desc);
        assertEquals("([[D[[D[[D)Z", guard.desc);
        for (MethodNode m : List.of(fast, guard)) {
            assertTrue((m.access & Opcodes.ACC_PRIVATE) != 0 && (m.access & Opcodes.ACC_STATIC) != 0, m.name);
        }
        Class<?> c = NestHarness.define(bytes);
        assertNotNull(c.getDeclaredMethod("matmulInto$fast$1", double[][].class, double[][].class, double[][].class));
        assertTrue(Modifier.isPrivate(c.getDeclaredMethod("matmulInto$guard$1", double[][].class, double[][].class,
                double[][].class).getModifiers()));
        LoopNest before = LoopNest.find(NestHarness.method(ClassBytes.read(original), "matmulInto")).get(0);
        MethodNode unhoisted = NestHarness.method(ClassBytes.read(variant(0, cn -> { })), "matmulInto$fast$1");
        assertEquals(before.inner().iv(), LoopNest.find(unhoisted).get(0).outer().iv(), "k is the middle loop of the fast version");
    }

    @Test
    void guard_aliasedSharedRaggedOrNullRows_falseOnlyOnThose() throws Exception {
        Method guard = NestHarness.define(variant()).getDeclaredMethod("matmulInto$guard$1",
                double[][].class, double[][].class, double[][].class);
        guard.setAccessible(true);
        Object[][] rows = AliasRows.rows();
        boolean[] expected = {true, true, true, true, true, false, false, false, false, false, false, false, false, true};
        assertEquals(expected.length, rows.length);
        for (int i = 0; i < rows.length; i++) {
            assertEquals(expected[i], guard.invoke(null, rows[i]), "row " + i + ": " + Arrays.deepToString(rows[i]));
        }
    }

    @Test
    void apply_matmulInto_bitExactOnCleanAliasedRaggedAndNullRows() throws Exception {
        Method a = find(NestHarness.define(original));
        Method b = find(NestHarness.define(variant()));
        Object[][] left = AliasRows.rows();
        Object[][] right = AliasRows.rows();
        for (int i = 0; i < left.length; i++) {
            Object ra = call(a, left[i]);
            Object rb = call(b, right[i]);
            assertEquals(ra == null ? null : ra.getClass(), rb == null ? null : rb.getClass(), "row " + i + " outcome");
            assertTrue(Arrays.deepEquals(left[i], right[i]), "row " + i + ": arguments differ afterwards");
        }
        NestHarness.assertSameBehaviour(original, variant(), "matmulInto", 300, false);
    }

    @Test
    void apply_withoutHoist_alsoBitExact() {
        NestHarness.assertSameBehaviour(original, variant(0, cn -> { }), "matmulInto", 300, false);
    }

    @Test
    void verify_guardedMatmulInto_passesWithBothSidesDriven() {
        Verdict v = verifier().verify(new Variant("v1", Variant.ORIGINAL_ID,
                List.of(new Step(GuardedInterchange.NAME, Map.of("nest", 0, "hoist", 1))), variant()));
        assertInstanceOf(Verdict.Passed.class, v, v::toString);
    }

    @Test
    void verify_guardAlwaysFalse_rejectedAsFastVersionNeverRan() {
        byte[] bytes = variant(1, cn -> constantGuard(NestHarness.method(cn, "matmulInto$guard$1"), Opcodes.ICONST_0));
        Verdict v = verifier().verify(new Variant("v1", Variant.ORIGINAL_ID, List.of(), bytes));
        Verdict.Rejected r = assertInstanceOf(Verdict.Rejected.class, v, v::toString);
        assertTrue(r.reason().contains("fast version matmulInto$fast$* never ran"), r.reason());
    }

    @Test
    void verify_guardAlwaysTrueOverAnExactCopy_rejectedAsFallbackNeverRan() {
        byte[] bytes = variant(1, cn -> {
            MethodNode fast = NestHarness.method(cn, "matmulInto$fast$1");
            cn.methods.remove(fast);
            MethodNode copy = Multiversion.fastCopy(originalMethod(), 1);
            cn.methods.add(copy);
            constantGuard(NestHarness.method(cn, "matmulInto$guard$1"), Opcodes.ICONST_1);
        });
        Verdict v = verifier().verify(new Variant("v1", Variant.ORIGINAL_ID, List.of(), bytes));
        Verdict.Rejected r = assertInstanceOf(Verdict.Rejected.class, v, v::toString);
        assertTrue(r.reason().contains("fallback (the original body of matmulInto) never ran"), r.reason());
    }

    @Test
    void generate_checkedEntryOverPrivateKernel_guardsTheKernelAndVerifies() throws Exception {
        byte[] bytes;
        try (var in = Blas.class.getResourceAsStream("Blas.class")) {
            bytes = in.readAllBytes();
        }
        Policy p = Policy.defaults();
        Generator g = new Generator(p, TransformContext.exact(p), ClassBytes.resourcesOf(getClass().getClassLoader()));
        List<Variant> variants = g.generate("multiplyInto", DESC, bytes).stream()
                .filter(v -> v.transforms().stream().anyMatch(s -> s.transform().equals(GuardedInterchange.NAME)))
                .toList();
        assertFalse(variants.isEmpty(), "guarded interchange should apply to the private kernel: " + g.notApplied());
        Target t = new Target(new MethodRef(Blas.class.getName(), "multiplyInto", DESC), bytes, true, classpath());
        Verifier verifier = new Verifier(t, new InputSource(7, new int[] {4, 9}, ROWS, null), null);
        for (Variant v : variants) {
            assertTrue(ClassBytes.read(v.classBytes()).methods.stream().anyMatch(m -> m.name.equals("accumulate$fast$1")), v.toString());
            Verdict verdict = verifier.verify(v);
            assertInstanceOf(Verdict.Passed.class, verdict, () -> v + ": " + verdict);
        }
    }

    private MethodNode originalMethod() {
        return NestHarness.method(ClassBytes.read(original), "matmulInto");
    }

    private static void constantGuard(MethodNode guard, int opcode) {
        guard.instructions = new InsnList();
        guard.instructions.add(new InsnNode(opcode));
        guard.instructions.add(new InsnNode(Opcodes.IRETURN));
        guard.tryCatchBlocks.clear();
        guard.localVariables = null;
    }

    private Verifier verifier() {
        Target t = new Target(new MethodRef(Nests.class.getName(), "matmulInto", DESC), original, true, classpath());
        return new Verifier(t, new InputSource(7, new int[] {4, 9}, ROWS, null), null);
    }

    private static List<Path> classpath() {
        try {
            return List.of(Path.of(GuardedInterchangeTest.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Method find(Class<?> c) throws NoSuchMethodException {
        Method m = c.getDeclaredMethod("matmulInto", double[][].class, double[][].class, double[][].class);
        m.setAccessible(true);
        return m;
    }

    private static Object call(Method m, Object[] args) throws IllegalAccessException {
        try {
            return m.invoke(null, args);
        } catch (InvocationTargetException e) {
            return e.getCause();
        }
    }
}
