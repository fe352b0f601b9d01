package dev.selftune.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.Variant;
import dev.selftune.generate.jamspecimens.RowMatrices;
import dev.selftune.generate.jamspecimens.RowMatrix;
import dev.selftune.generate.specimens.FlatMatrices;
import dev.selftune.generate.transform.RowAccumulate;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.nio.file.Path;
import dev.selftune.api.MethodRef;
import dev.selftune.api.Verdict;
import dev.selftune.inputs.InputSource;
import dev.selftune.target.Target;
import dev.selftune.verify.Verifier;
import org.junit.jupiter.api.Test;

/** Row accumulation (i-k-j) on EJML-shaped nests: fires, keeps behaviour bit for bit, and refuses with reasons. */
class RowAccumulateTest {
    private static final Policy ROW = new Policy(List.of(RowAccumulate.NAME), Policy.defaults().ranges(), 1, 24, 1, 0.5);

    private static Generator generator() {
        return new Generator(ROW, TransformContext.exact(ROW), ClassBytes.resourcesOf(RowAccumulateTest.class.getClassLoader()));
    }

    static List<Variant> rows(Class<?> c, String name) {
        return generator().generate(name, null, Specimen.bytes(c));
    }

    static String whyNot(Class<?> c, String name) {
        Generator g = generator();
        g.generate(name, null, Specimen.bytes(c));
        return g.notApplied().get(RowAccumulate.NAME);
    }

    @Test
    void rowAccumulate_ejmlShapedMultWithVirtualSet_offersThePlainAndTheCopiedRowVariant() {
        List<Variant> vs = rows(RowMatrices.class, "multSmall");
        assertEquals(List.of("[row-accumulate{method=0, loop=1}]", "[row-accumulate{method=0, loop=1, group=4}]"),
                vs.stream().map(v -> v.transforms().toString()).toList(), whyNot(RowMatrices.class, "multSmall"));
        for (Variant v : vs) {
            assertEquals("", Specimen.check(v.classBytes()), v.id());
        }
    }

    @Test
    void rowAccumulate_ejmlShapedMult_bitIdenticalWithSameExceptionsAndPartialWrites() throws Exception {
        for (Variant v : rows(RowMatrices.class, "multSmall")) {
            assertBitExactOnEjmlShapes(v, "multSmall");
        }
    }

    /* Rows that read different rows of b (start, stride and step count change from row to row): the
       copies one row made must not serve the next. Without the checks at the first two steps of a row
       (reset on another start, trust one slot on another stride) this fails. */
    @Test
    void rowAccumulate_copiedRows_rowsReadingOtherRowsOfB_bitIdentical() throws Exception {
        List<Variant> vs = rows(RowMatrices.class, "multShifted");
        assertEquals(2, vs.size(), vs + " " + whyNot(RowMatrices.class, "multShifted"));
        for (Variant v : vs) {
            assertBitExactOnEjmlShapes(v, "multShifted");
        }
    }

    /* A store between rows could change a copied row's source, so no copies are offered there, and the report says why. */
    @Test
    void rowAccumulate_loopAroundRowsWritesMemory_noCopiedRowVariant_skippedWithReason() {
        Generator g = generator();
        List<Variant> vs = g.generate("multCountingRows", null, Specimen.bytes(RowMatrices.class));
        assertEquals(List.of("[row-accumulate{method=0, loop=1}]"), vs.stream().map(v -> v.transforms().toString()).toList());
        String why = g.skipped().entrySet().stream().filter(e -> e.getKey().startsWith("row-accumulate: copied rows of the loop over j"))
                .map(java.util.Map.Entry::getValue).findFirst().orElse(null);
        assertTrue(why != null && why.contains("write memory or call a method between rows"), String.valueOf(g.skipped()));
    }

    /* Unroll-and-jam once assumed a call after the inner loop writes only through its receiver: with
       c.data == a.data (kind 4) a jammed block read a stale a element. It now takes the setter's guards too. */
    @Test
    void unrollAndJam_ejmlShapedMultWithSharedDataArray_bitIdenticalWithSameExceptionsAndPartialWrites() throws Exception {
        Policy jam = new Policy(List.of(dev.selftune.generate.transform.UnrollAndJam.NAME), Policy.defaults().ranges(), 1, 24, 1, 0.5);
        List<Variant> vs = new Generator(jam, TransformContext.exact(jam), ClassBytes.resourcesOf(RowAccumulateTest.class.getClassLoader()))
                .generate("multSmall", null, Specimen.bytes(RowMatrices.class));
        assertFalse(vs.isEmpty(), "unroll-and-jam made no variant of multSmall");
        for (Variant v : vs) {
            assertBitExactOnEjmlShapes(v, "multSmall");
        }
    }

    private static void assertBitExactOnEjmlShapes(Variant v, String name) throws Exception {
        Method orig = RowMatrices.class.getMethod(name, RowMatrix.class, RowMatrix.class, RowMatrix.class);
        Method row = Specimen.load(RowMatrices.class.getName(), v.classBytes())
                .getMethod(name, RowMatrix.class, RowMatrix.class, RowMatrix.class);
        Random r = new Random(5);
        /* inner trip counts 0 to 11: every number of steps left over after the groups of four */
        int[][] shapes = {{0, 0, 0}, {1, 1, 1}, {1, 3, 1}, {3, 1, 5}, {4, 4, 4}, {5, 7, 3}, {8, 8, 8}, {9, 2, 11}, {2, 0, 6}, {6, 5, 0},
                {7, 9, 6}, {4, 10, 9}, {6, 11, 4}, {5, 6, 7}};
        int[] kinds = new int[6];
        for (int t = 0; t < 600; t++) {
            int[] s = shapes[t % shapes.length];
            RowMatrix a = RowMatrixFixtures.random(r, s[0], s[1]);
            RowMatrix b = RowMatrixFixtures.random(r, s[1], s[2]);
            RowMatrix c = new RowMatrix(s[0], s[2]);
            int kind = t / shapes.length % 6;
            if (kind == 1) {
                c.data = new double[Math.max(0, c.data.length - 1 - r.nextInt(3))];  // set throws part-way
            } else if (kind == 2) {
                b.data = Arrays.copyOf(b.data, Math.max(0, b.data.length - 1));  // a read throws part-way
            } else if (kind == 3 && s[0] == s[1] && s[1] == s[2]) {
                c = a;  // the output is an input
            } else if (kind == 4 && s[0] == s[1] && s[1] == s[2]) {
                c.data = a.data;  // two matrices share one array: set writes what later elements of the row read
            } else if (kind == 5) {
                a.data = null;  // the first read throws
            }
            kinds[kind]++;
            RowMatrix[] want = RowMatrixFixtures.copies(a, b, c);
            RowMatrix[] got = RowMatrixFixtures.copies(a, b, c);
            String e1 = run(orig, want);
            String e2 = run(row, got);
            assertEquals(e1, e2, v.id() + " shape " + Arrays.toString(s) + " kind " + kind);
            for (int m = 0; m < 3; m++) {
                assertArrayEquals(want[m].data, got[m].data, "matrix " + m + " shape " + Arrays.toString(s) + " kind " + kind);
                if (want[m].data != null) {
                    for (int e = 0; e < want[m].data.length; e++) {
                        assertEquals(Double.doubleToRawLongBits(want[m].data[e]), Double.doubleToRawLongBits(got[m].data[e]),
                                "bits of matrix " + m + "[" + e + "] shape " + Arrays.toString(s) + " kind " + kind);
                    }
                }
            }
        }
    }

    @Test
    void rowAccumulate_flatMultAndAccumulatingMult_conformWithAliasedArguments() {
        TransformConformanceTest harness = new TransformConformanceTest();
        List<String> failures = new ArrayList<>();
        for (String name : List.of("mult", "multAdd", "columnSums", "columnSquares")) {
            List<Variant> vs = rows(FlatMatrices.class, name);
            /* mult and multAdd read b along a flat row: the plain and the copied-row variant; the column sums only the plain */
            assertEquals(name.startsWith("mult") ? 2 : 1, vs.size(), name + ": " + vs + " " + whyNot(FlatMatrices.class, name));
            Method m = Arrays.stream(FlatMatrices.class.getMethods()).filter(x -> x.getName().equals(name)).findFirst().orElseThrow();
            for (Variant v : vs) {
                for (boolean aliasing : new boolean[] {false, true}) {
                    String f = harness.aliasing(aliasing).conform(FlatMatrices.class, m, v, 0, false);
                    if (f != null) {
                        failures.add(f);
                    }
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void rowAccumulate_flatMultVariants_passTheRealVerifierOnGeneratedAliasedAndShortRows() throws Exception {
        Path classes = Path.of(RowAccumulateTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        for (String name : List.of("mult", "multAdd", "columnSums", "columnSquares")) {
            Method m = Arrays.stream(FlatMatrices.class.getMethods()).filter(x -> x.getName().equals(name)).findFirst().orElseThrow();
            String desc = org.objectweb.asm.Type.getMethodDescriptor(m);
            Target t = new Target(new MethodRef(FlatMatrices.class.getName(), name, desc), Specimen.bytes(FlatMatrices.class), true,
                    List.of(classes));
            Verifier verifier = new Verifier(t, new InputSource(7, new int[] {16, 300}, null, null), null);
            verifier.profile();
            List<Variant> vs = rows(FlatMatrices.class, name);
            assertEquals(name.startsWith("mult") ? 2 : 1, vs.size(), name + ": " + whyNot(FlatMatrices.class, name));
            for (Variant v : vs) {
                Verdict verdict = verifier.verify(v);
                assertTrue(verdict.passed(), name + " " + v.transforms() + ": " + verdict);
                assertTrue(verdict.inputsChecked() >= 100, name + " checked " + verdict.inputsChecked());
            }
        }
    }

    @Test
    void rowAccumulate_innerLoopWritesMemory_refusedWithReason() {
        assertTrue(rows(RowMatrices.class, "multCounting").isEmpty());
        String why = whyNot(RowMatrices.class, "multCounting");
        assertTrue(why.contains("inner loop writes memory"), why);
    }

    @Test
    void rowAccumulate_setterThatAlsoWritesAField_refusedWithReason() {
        assertTrue(rows(RowMatrices.class, "multCountingSets").isEmpty());
        String why = whyNot(RowMatrices.class, "multCountingSets");
        assertTrue(why.contains("countedSet") && why.contains("does more than store into one array field"), why);
    }

    @Test
    void rowAccumulate_setterWhoseClassFileCannotBeRead_refusedWithReason() {
        Generator g = new Generator(ROW, TransformContext.exact(ROW), name -> name.endsWith("RowMatrix") ? null
                : ClassBytes.resourcesOf(RowAccumulateTest.class.getClassLoader()).apply(name));
        assertTrue(g.generate("multSmall", null, Specimen.bytes(RowMatrices.class)).isEmpty());
        String why = g.notApplied().get(RowAccumulate.NAME);
        assertTrue(why.contains("could not be read"), why);
    }

    @Test
    void rowAccumulate_epilogueReadsAnIndexThatDiffersPerJ_refusedWithReason() {
        assertTrue(rows(RowMatrices.class, "multKeepingIndex").isEmpty());
        String why = whyNot(RowMatrices.class, "multKeepingIndex");
        assertTrue(why.contains("indexB") && why.contains("differs per j") && why.contains("after the inner loop"), why);
    }

    @Test
    void rowAccumulate_tripCountDependsOnJ_refusedWithReason() {
        assertTrue(rows(FlatMatrices.class, "lowerTriangle").isEmpty());
        String why = whyNot(FlatMatrices.class, "lowerTriangle");
        assertTrue(why.contains("trip count depends on j"), why);
    }

    @Test
    void rowAccumulate_columnSum_readsTheMatrixAlongItsRows() throws Exception {
        Variant v = rows(FlatMatrices.class, "columnSums").get(0);
        Method row = Specimen.load(FlatMatrices.class.getName(), v.classBytes()).getMethod("columnSums", double[].class, double[].class);
        double[] m = new double[25];
        for (int e = 0; e < m.length; e++) {
            m[e] = e % 3 == 0 ? 1e-300 * e : e == 7 ? Double.NaN : 0.1 * e;
        }
        double[] want = new double[5];
        double[] got = new double[5];
        FlatMatrices.columnSums(m, want);
        row.invoke(null, m, got);
        for (int c = 0; c < 5; c++) {
            assertEquals(Double.doubleToRawLongBits(want[c]), Double.doubleToRawLongBits(got[c]), "column " + c);
        }
        double[] shortSums = new double[3];
        double[] shortWant = new double[3];
        assertEquals(run(FlatMatrices.class.getMethod("columnSums", double[].class, double[].class), m, shortWant),
                run(row, m, shortSums), "a short output throws where the original does");
        assertTrue(Arrays.equals(shortWant, shortSums), "with the same partial writes: " + Arrays.toString(shortSums));
    }

    @Test
    void rowAccumulate_addendWithoutTheColumn_refusedWithReason() {
        assertTrue(rows(FlatMatrices.class, "repeatedSum").isEmpty());
        String why = whyNot(FlatMatrices.class, "repeatedSum");
        assertTrue(why.contains("adds to s (local 4) does not depend on c"), why);
    }

    @Test
    void rowAccumulate_straightLoop_saysThereIsNoNest() {
        String why = whyNot(FlatMatrices.class, "longIndexSum");
        assertTrue(why.startsWith("no loop holding exactly one inner loop"), why);
    }



    private static String run(Method m, Object... args) throws IllegalAccessException {
        try {
            m.invoke(null, args);
            return "returned";
        } catch (InvocationTargetException e) {
            return e.getCause().getClass().getName();
        }
    }

    private static String run(Method m, RowMatrix[] args) throws IllegalAccessException {
        try {
            m.invoke(null, (Object[]) args);
            return "returned";
        } catch (InvocationTargetException e) {
            return e.getCause().getClass().getName();
        }
    }
}
