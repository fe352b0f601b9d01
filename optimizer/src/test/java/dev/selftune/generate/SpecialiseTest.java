package dev.selftune.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.MethodRef;
import dev.selftune.api.Variant;
import dev.selftune.api.Verdict;
import dev.selftune.generate.specimens.Strided;
import dev.selftune.generate.specimens.StridedRows;
import dev.selftune.generate.transform.Specialise;
import dev.selftune.inputs.InputSource;
import dev.selftune.inputs.UsualValues;
import dev.selftune.target.Target;
import dev.selftune.verify.Verifier;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

class SpecialiseTest {
    private static final String SUM = "([DIII)D";
    private static final String ISUM = "([IIII)I";
    private final byte[] original = Specimen.bytes(Strided.class);
    private final Specialise specialise = new Specialise();

    private static TransformContext ctx(String method, String desc, Object[][] rows, boolean fp) {
        Policy p = Policy.defaults();
        TransformContext base = fp ? new TransformContext(true, 1e-9, p) : TransformContext.exact(p);
        return base.withUsualValues(UsualValues.of(method, desc, Arrays.asList(rows)));
    }

    private static MethodNode method(ClassNode cn, String name) {
        return cn.methods.stream().filter(m -> m.name.equals(name)).findFirst().orElseThrow();
    }

    private List<Map<String, Integer>> offers(Object[][] rows) {
        ClassNode cn = ClassBytes.read(original);
        return specialise.candidates(cn, method(cn, "sum"), ctx("sum", SUM, rows, false));
    }

    /* The variant as the generator writes it, with an optional edit of the class after specialising. */
    private byte[] variant(String name, String desc, Map<String, Integer> params, Consumer<ClassNode> edit) {
        ClassNode cn = ClassBytes.read(original);
        assertTrue(specialise.apply(cn, method(cn, name), params, TransformContext.exact(Policy.defaults())));
        edit.accept(cn);
        byte[] bytes = ClassBytes.writeChanged(original, cn, Set.of(name + desc), ClassBytes.resourcesOf(getClass().getClassLoader()));
        assertEquals("", Specimen.check(bytes), "CheckClassAdapter");
        return bytes;
    }

    @Test
    void candidates_strideOneInNinetyFivePercentOfRows_offersStrideOne() {
        assertEquals(List.of(Map.of("p2", 1)), offers(StridedRows.sumRows()));
    }

    @Test
    void candidates_strideSpreadOverSevenValues_noneAndTheReasonSaysSo() {
        assertEquals(List.of(), offers(StridedRows.spreadRows()));
        ClassNode cn = ClassBytes.read(original);
        String why = specialise.whyNotApplied(cn, method(cn, "sum"), ctx("sum", SUM, StridedRows.spreadRows(), false));
        assertTrue(why.contains("of the 120 caller rows"), why);
        assertTrue(why.contains("stride took 7 values"), why);
    }

    @Test
    void candidates_fewerThanFiveRowsOrNone_noneWithReason() {
        Object[][] few = Arrays.copyOf(StridedRows.unitRows(), 4);
        assertEquals(List.of(), offers(few));
        assertFalse(offers(Arrays.copyOf(StridedRows.unitRows(), 5)).isEmpty(), "five rows that agree are evidence");
        ClassNode cn = ClassBytes.read(original);
        assertTrue(specialise.whyNotApplied(cn, method(cn, "sum"), ctx("sum", SUM, few, false)).contains("only 4 caller rows"));
        String none = specialise.whyNotApplied(cn, method(cn, "sum"), TransformContext.exact(Policy.defaults()));
        assertTrue(none.contains("pass --inputs"), none);
        assertEquals(List.of(), specialise.candidates(cn, method(cn, "sum"), TransformContext.exact(Policy.defaults())));
    }

    @Test
    void candidates_rowsOfAnotherMethod_none() {
        ClassNode cn = ClassBytes.read(original);
        assertEquals(List.of(), specialise.candidates(cn, method(cn, "isum"), ctx("sum", SUM, StridedRows.sumRows(), false)));
    }

    @Test
    void apply_strideOne_foldsTheStrideAndStaysBitExactOnBothSides() throws Exception {
        byte[] bytes = variant("sum", SUM, Map.of("p2", 1), cn -> { });
        ClassNode back = ClassBytes.read(bytes);
        MethodNode fast = method(back, "sum$fast$1");
        for (AbstractInsnNode n = fast.instructions.getFirst(); n != null; n = n.getNext()) {
            assertFalse(n instanceof VarInsnNode v && v.var == 2 && v.getOpcode() == Opcodes.ILOAD, "stride is folded");
        }
        Method o = Specimen.load(Strided.class.getName(), original).getMethod("sum", double[].class, int.class, int.class, int.class);
        Method v = Specimen.load(Strided.class.getName(), bytes).getMethod("sum", double[].class, int.class, int.class, int.class);
        Random r = new Random(3);
        for (int t = 0; t < 400; t++) {
            double[] x = new double[r.nextInt(30)];
            Arrays.setAll(x, i -> r.nextGaussian());
            Object[] args = {x, r.nextInt(6) - 1, t % 2 == 0 ? 1 : r.nextInt(5) - 2, r.nextInt(20) - 1};
            assertEquals(outcome(o, args), outcome(v, args), Arrays.deepToString(args));
        }
    }

    @Test
    void apply_netlibShapeWithItsOwnUnitStrideBranch_foldsTheBranchAndDropsTheGeneralLoop() throws Exception {
        String desc = "([JII)J";
        byte[] bytes = variant("netlibSum", desc, Map.of("p2", 1), cn -> { });
        MethodNode fast = method(ClassBytes.read(bytes), "netlibSum$fast$1");
        assertEquals(1, CountedLoops.find(fast).size(), "only the unit-stride loop is left");
        Method o = Specimen.load(Strided.class.getName(), original).getMethod("netlibSum", long[].class, int.class, int.class);
        Method v = Specimen.load(Strided.class.getName(), bytes).getMethod("netlibSum", long[].class, int.class, int.class);
        for (int n = -1; n < 12; n++) {
            for (int inc : new int[] {1, 2, -1, 0}) {
                long[] x = new long[9];
                Arrays.setAll(x, i -> i * 31L + 7);
                Object[] args = {x, n, inc};
                assertEquals(result(o, args), result(v, args), Arrays.deepToString(args));
            }
        }
    }

    private static String result(Method m, Object[] args) throws IllegalAccessException {
        try {
            return String.valueOf(m.invoke(null, args));
        } catch (InvocationTargetException e) {
            return e.getCause().getClass().getName();
        }
    }

    private static String outcome(Method m, Object[] args) throws IllegalAccessException {
        try {
            return String.valueOf(Double.doubleToRawLongBits((double) m.invoke(null, args)));
        } catch (InvocationTargetException e) {
            return e.getCause().getClass().getName();
        }
    }

    @Test
    void generate_strideUsuallyOne_splitAndUnrollComposeOnTheFastCopy() {
        Policy p = new Policy(List.of("specialise", "split-accumulators", "unroll"), Policy.defaults().ranges(), 2, 40, 1, 0.5);
        Generator g = new Generator(p, ctx("isum", ISUM, isumRows(), false), ClassBytes.resourcesOf(getClass().getClassLoader()));
        List<Variant> vs = g.generate("isum", ISUM, original);
        assertEquals("specialise", vs.get(0).transforms().get(0).transform(), vs.toString());
        List<Variant> composed = vs.stream().filter(v -> v.transforms().size() == 2
                && v.transforms().get(0).transform().equals("specialise")).toList();
        assertTrue(composed.stream().anyMatch(v -> v.transforms().get(1).transform().equals("split-accumulators")
                && v.transforms().get(1).params().get("method") == 1), "split on isum$fast$1: " + vs);
        assertEquals(1, composed.get(0).transforms().get(1).params().get("method"), "the fast copy is offered first");
        for (Variant v : vs) {
            assertEquals("", Specimen.check(v.classBytes()), v.toString());
        }
    }

    private static Object[][] isumRows() {
        Object[][] rows = StridedRows.sumRows();
        for (Object[] row : rows) {
            double[] x = (double[]) row[0];
            row[0] = Arrays.stream(x).mapToInt(d -> (int) (d * 1000)).toArray();
        }
        return rows;
    }

    @Test
    void verify_specialisedSum_passesWithBothSidesOfTheGuardRun() {
        Verdict v = verifier(StridedRows.class.getName() + "#unitRows").verify(
                new Variant("v1", Variant.ORIGINAL_ID, List.of(), variant("sum", SUM, Map.of("p2", 1), cn -> { })));
        assertInstanceOf(Verdict.Passed.class, v, v::toString);
    }

    @Test
    void verify_plantedWrongFastBody_rejectedWithACounterexample() {
        byte[] bytes = variant("sum", SUM, Map.of("p2", 1), cn -> {
            InsnList code = method(cn, "sum$fast$1").instructions;
            for (AbstractInsnNode n = code.getFirst(); n != null; n = n.getNext()) {
                if (n.getOpcode() == Opcodes.DADD) {
                    code.set(n, new InsnNode(Opcodes.DSUB));
                    return;
                }
            }
            throw new AssertionError("no dadd in the fast copy");
        });
        Verdict v = verifier(StridedRows.class.getName() + "#sumRows").verify(new Variant("v1", Variant.ORIGINAL_ID, List.of(), bytes));
        Verdict.Rejected r = assertInstanceOf(Verdict.Rejected.class, v, v::toString);
        assertTrue(r.counterexample() != null && r.counterexample().contains("input"), r.toString());
    }

    @Test
    void verify_fastCopyFoldedWithAnotherValue_rejected() {
        ClassNode donor = ClassBytes.read(original);
        specialise.apply(donor, method(donor, "sum"), Map.of("p2", 2), TransformContext.exact(Policy.defaults()));
        byte[] bytes = variant("sum", SUM, Map.of("p2", 1), cn -> {
            cn.methods.remove(method(cn, "sum$fast$1"));
            cn.methods.add(method(donor, "sum$fast$1"));
        });
        Verdict v = verifier(StridedRows.class.getName() + "#sumRows").verify(new Variant("v1", Variant.ORIGINAL_ID, List.of(), bytes));
        assertInstanceOf(Verdict.Rejected.class, v, v::toString);
    }

    @Test
    void verify_guardAlwaysTrueOverAnUnfoldedCopy_rejectedAsFallbackNeverRan() {
        byte[] bytes = variant("sum", SUM, Map.of("p2", 1), cn -> {
            cn.methods.remove(method(cn, "sum$fast$1"));
            cn.methods.add(Multiversion.fastCopy(method(ClassBytes.read(original), "sum"), 1));
            InsnList g = method(cn, "sum$guard$1").instructions;
            g.clear();
            g.add(new InsnNode(Opcodes.ICONST_1));
            g.add(new InsnNode(Opcodes.IRETURN));
            method(cn, "sum$guard$1").tryCatchBlocks.clear();
        });
        Verdict v = verifier(StridedRows.class.getName() + "#sumRows").verify(new Variant("v1", Variant.ORIGINAL_ID, List.of(), bytes));
        Verdict.Rejected r = assertInstanceOf(Verdict.Rejected.class, v, v::toString);
        assertTrue(r.reason().contains("fallback (the original body of sum) never ran"), r.reason());
    }

    /* The tune pipeline short of measuring: usual values from the provider, the default policy, the real verifier. */
    @Test
    void pipeline_defaultPolicyWithProviderRows_specialisedChainsAllVerify() {
        String provider = StridedRows.class.getName() + "#sumRows";
        InputSource src = new InputSource(7, new int[] {16, 64}, provider, null);
        Target t = new Target(new MethodRef(Strided.class.getName(), "sum", SUM), original, true, classpath());
        UsualValues usual;
        try (var loader = new dev.selftune.target.TargetClassLoader(classpath(), Strided.class.getName(), original)) {
            usual = dev.selftune.inputs.Inputs.usualValues(t.method(), true, src, loader);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Policy p = Policy.defaults();
        Generator g = new Generator(p, new TransformContext(true, 1e-9, p, usual), ClassBytes.resourcesOf(getClass().getClassLoader()));
        List<Variant> specialised = g.generate("sum", SUM, original).stream()
                .filter(v -> v.transforms().get(0).transform().equals(Specialise.NAME)).toList();
        assertTrue(specialised.stream().anyMatch(v -> v.transforms().size() == 2
                && v.transforms().get(1).transform().equals("split-accumulators")), specialised.toString());
        Verifier verifier = new Verifier(t, src, 1e-9);
        for (Variant v : specialised) {
            Verdict verdict = verifier.verify(v);
            assertInstanceOf(Verdict.Passed.class, verdict, v + ": " + verdict);
        }
    }

    private Verifier verifier(String provider) {
        Target t = new Target(new MethodRef(Strided.class.getName(), "sum", SUM), original, true, classpath());
        return new Verifier(t, new InputSource(7, new int[] {16, 64}, provider, null), null);
    }

    private static List<Path> classpath() {
        try {
            return List.of(Path.of(SpecialiseTest.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
