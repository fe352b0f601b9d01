package dev.selftune.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.Variant;
import dev.selftune.generate.jamspecimens.RowMatrices;
import dev.selftune.generate.jamspecimens.RowMatrix;
import dev.selftune.generate.jamspecimens.SharedIndexShapes;
import dev.selftune.generate.specimens.FlatMatrices;
import dev.selftune.generate.transform.UnrollAndJam;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Type;

/** Unroll-and-jam on EJML-shaped nests: fires, keeps behaviour bit for bit, and refuses with reasons. */
class UnrollAndJamTest {
    private static final Policy JAM = new Policy(List.of(UnrollAndJam.NAME), Policy.defaults().ranges(), 1, 24, 1, 0.5);

    private static Generator generator() {
        return new Generator(JAM, TransformContext.exact(JAM), ClassBytes.resourcesOf(UnrollAndJamTest.class.getClassLoader()));
    }

    private static List<Variant> jam(Class<?> c, String name) {
        return generator().generate(name, null, Specimen.bytes(c));
    }

    private static String whyNot(Class<?> c, String name) {
        Generator g = generator();
        g.generate(name, null, Specimen.bytes(c));
        return g.notApplied().get(UnrollAndJam.NAME);
    }

    @Test
    void unrollAndJam_ejmlShapedMultWithVirtualSet_offersFactorsFourEightAndTwo() {
        List<Variant> vs = jam(RowMatrices.class, "multSmall");
        assertEquals(List.of(4, 8, 2), vs.stream().map(v -> v.transforms().get(0).params().get("factor")).toList(), vs.toString());
        for (Variant v : vs) {
            assertEquals("", Specimen.check(v.classBytes()), v.toString());
        }
    }

    @Test
    void unrollAndJam_ejmlShapedMult_sameResultsExceptionsAndPartialWritesAsOriginal() throws Exception {
        Method orig = RowMatrices.class.getMethod("multSmall", RowMatrix.class, RowMatrix.class, RowMatrix.class);
        Random r = new Random(5);
        int[][] shapes = {{0, 0, 0}, {1, 1, 1}, {1, 3, 1}, {3, 1, 5}, {4, 4, 4}, {5, 7, 3}, {8, 8, 8}, {9, 2, 11}, {2, 0, 6}, {6, 5, 0}};
        for (Variant v : jam(RowMatrices.class, "multSmall")) {
            Class<?> k = Specimen.load(RowMatrices.class.getName(), v.classBytes());
            Method jammed = k.getMethod("multSmall", RowMatrix.class, RowMatrix.class, RowMatrix.class);
            for (int t = 0; t < 400; t++) {
                int[] s = shapes[t % shapes.length];
                RowMatrix a = RowMatrixFixtures.random(r, s[0], s[1]);
                RowMatrix b = RowMatrixFixtures.random(r, s[1], s[2]);
                RowMatrix c = new RowMatrix(s[0], s[2]);
                int kind = t / shapes.length % 5;
                if (kind == 1) {
                    c.data = new double[Math.max(0, c.data.length - 1 - r.nextInt(3))];  // set throws part-way
                } else if (kind == 2) {
                    b.data = Arrays.copyOf(b.data, Math.max(0, b.data.length - 1));  // a read throws part-way
                } else if (kind == 3 && s[0] == s[1] && s[1] == s[2]) {
                    c = a;  // the output is an input: the fast path must not run
                }
                RowMatrix[] want = RowMatrixFixtures.copies(a, b, c);
                RowMatrix[] got = RowMatrixFixtures.copies(a, b, c);
                String e1 = run(orig, want);
                String e2 = run(jammed, got);
                assertEquals(e1, e2, v + " on shape " + Arrays.toString(s) + " kind " + kind);
                for (int m = 0; m < 3; m++) {
                    assertArrayEquals(want[m].data, got[m].data, v + " matrix " + m + " shape " + Arrays.toString(s) + " kind " + kind);
                }
            }
        }
    }

    @Test
    void unrollAndJam_sharedAndOwnIndices_sameResultsAndExceptionsAsOriginal() throws Exception {
        Random r = new Random(11);
        for (String name : List.of("readAfterStep", "scaledIndex")) {
            Method orig = SharedIndexShapes.class.getMethod(name, double[].class, double[].class, double[].class, int.class);
            List<Variant> vs = jam(SharedIndexShapes.class, name);
            assertEquals(3, vs.size(), name + ": " + whyNot(SharedIndexShapes.class, name));
            for (Variant v : vs) {
                Method jammed = Specimen.load(SharedIndexShapes.class.getName(), v.classBytes())
                        .getMethod(name, double[].class, double[].class, double[].class, int.class);
                for (int t = 0; t < 300; t++) {
                    int n = t % 11;
                    double[] a = r.doubles(n).toArray();
                    double[] b = r.doubles(t % 3 == 0 ? Math.max(0, 3 * n * n - r.nextInt(5)) : 3 * n * n + 1).toArray();
                    double[] c1 = new double[t % 7 == 0 ? Math.max(0, n - 1) : n];
                    double[] c2 = c1.clone();
                    String e1 = run(orig, new Object[] {a, b, c1, n});
                    String e2 = run(jammed, new Object[] {a, b, c2, n});
                    assertEquals(e1, e2, v + " n=" + n);
                    assertArrayEquals(c1, c2, v + " n=" + n);
                }
            }
        }
    }

    @Test
    void unrollAndJam_flatMultAndAccumulatingMult_verifiedByTheConformanceHarness() {
        TransformConformanceTest harness = new TransformConformanceTest();
        List<String> failures = new ArrayList<>();
        for (String name : List.of("mult", "multAdd")) {
            List<Variant> vs = jam(FlatMatrices.class, name);
            assertEquals(3, vs.size(), name + ": " + vs + " " + whyNot(FlatMatrices.class, name));
            Method m = Arrays.stream(FlatMatrices.class.getMethods()).filter(x -> x.getName().equals(name)).findFirst().orElseThrow();
            for (Variant v : vs) {
                String f = harness.conform(FlatMatrices.class, m, v, 0, false);
                if (f != null) {
                    failures.add(f);
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void unrollAndJam_innerLoopWritesMemory_refusedWithReason() {
        assertTrue(jam(RowMatrices.class, "multCounting").isEmpty());
        String why = whyNot(RowMatrices.class, "multCounting");
        assertTrue(why.contains("inner loop writes memory"), why);
        String why2 = whyNot(FlatMatrices.class, "scaleColumns");
        assertTrue(why2.contains("no loop holding exactly one inner loop") || why2.contains("writes memory"), why2);
    }

    @Test
    void unrollAndJam_tripCountDependsOnJ_refusedWithReason() {
        assertTrue(jam(FlatMatrices.class, "lowerTriangle").isEmpty());
        String why = whyNot(FlatMatrices.class, "lowerTriangle");
        assertTrue(why.contains("trip count depends on j"), why);
    }

    @Test
    void unrollAndJam_loopInsideTryWhoseHandlerReadsJ_refusedWithReason() {
        assertTrue(jam(RowMatrices.class, "multReportingRow").isEmpty());
        String why = whyNot(RowMatrices.class, "multReportingRow");
        assertTrue(why.contains("lies in a try block"), why);
    }

    @Test
    void unrollAndJam_outerBoundWrittenInTheBody_refusedWithReason() {
        assertTrue(jam(FlatMatrices.class, "shrinkingBound").isEmpty());
        String why = whyNot(FlatMatrices.class, "shrinkingBound");
        assertTrue(why.contains("reads limit") && why.contains("which the body writes"), why);
    }

    @Test
    void unrollAndJam_straightLoop_saysThereIsNoNest() {
        String why = whyNot(FlatMatrices.class, "longIndexSum");
        assertTrue(why.startsWith("no loop holding exactly one inner loop"), why);
    }



    private static String run(Method m, RowMatrix[] args) throws IllegalAccessException {
        try {
            m.invoke(null, (Object[]) args);
            return "returned";
        } catch (InvocationTargetException e) {
            return e.getCause().getClass().getName();
        }
    }

    private static String run(Method m, Object[] args) throws IllegalAccessException {
        try {
            m.invoke(null, args);
            return "returned";
        } catch (InvocationTargetException e) {
            return e.getCause().getClass().getName();
        }
    }
}
