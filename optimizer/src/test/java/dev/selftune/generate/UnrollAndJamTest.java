package dev.selftune.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.Variant;
import dev.selftune.generate.jamspecimens.ColumnMatrix;
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
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.MethodNode;

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
    void unrollAndJam_jammedLoopRunsAheadOfTheUntouchedOriginalLoop() {
        MethodNode orig = method(Specimen.bytes(RowMatrices.class), "multSmall");
        PostIncrementLoops.apply(orig);   // as transforms see it: the inner while's a[indexA++] step moved last
        Loop j = columnLoop(orig);
        List<Integer> want = opcodes(j.head(), j.backEdge());
        for (Variant v : jam(RowMatrices.class, "multSmall")) {
            MethodNode m = method(v.classBytes(), "multSmall");
            Loop kept = Loops.find(m).stream().filter(l -> opcodes(l.head(), l.backEdge()).equals(want)).findFirst().orElse(null);
            assertTrue(kept != null, v + ": the original loop over j is no longer there as it was");
            int from = m.instructions.indexOf(kept.head());
            int to = m.instructions.indexOf(kept.backEdge());
            for (AbstractInsnNode n : m.instructions) {
                int at = m.instructions.indexOf(n);
                if (n instanceof JumpInsnNode jump && jump.label == kept.head() && at > to) {
                    throw new AssertionError(v + ": code after the original loop jumps back to its head at " + at);
                }
            }
            boolean aheadLoops = false;
            for (AbstractInsnNode n : m.instructions) {
                int at = m.instructions.indexOf(n);
                aheadLoops |= n instanceof JumpInsnNode jump && jump.getOpcode() == Opcodes.GOTO && at < from
                        && m.instructions.indexOf(jump.label) < at && m.instructions.indexOf(jump.label) > m.instructions.indexOf(outerOf(m, kept).head());
            }
            assertTrue(aheadLoops, v + ": no jammed loop ahead of the original one");
        }
    }

    @Test
    void unrollAndJam_loopEnteredByAJumpToItsHead_refusedWithReason() {
        ClassNode c = new ClassNode();
        new ClassReader(Specimen.bytes(RowMatrices.class)).accept(c, 0);
        MethodNode m = c.methods.stream().filter(x -> x.name.equals("multSmall")).findFirst().orElseThrow();
        Loop j = columnLoop(m);
        m.instructions.insertBefore(j.head(), new JumpInsnNode(Opcodes.GOTO, j.head()));
        ClassWriter w = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
            @Override
            protected String getCommonSuperClass(String a, String b) {
                return "java/lang/Object";
            }
        };
        c.accept(w);
        Generator g = generator();
        assertTrue(g.generate("multSmall", null, w.toByteArray()).isEmpty());
        String why = g.notApplied().get(UnrollAndJam.NAME);
        assertTrue(why.contains("is not entered by falling into its head"), why);
    }

    private static MethodNode method(byte[] bytes, String name) {
        ClassNode c = new ClassNode();
        new ClassReader(bytes).accept(c, 0);
        return c.methods.stream().filter(x -> x.name.equals(name)).findFirst().orElseThrow();
    }

    /* the loop over j: inside another loop and holding one */
    private static Loop columnLoop(MethodNode m) {
        List<Loop> all = Loops.find(m);
        return all.stream().filter(l -> all.stream().anyMatch(o -> o.encloses(m, l)) && all.stream().anyMatch(i -> l.encloses(m, i)))
                .findFirst().orElseThrow();
    }

    private static Loop outerOf(MethodNode m, Loop l) {
        return Loops.find(m).stream().filter(o -> o.encloses(m, l)).findFirst().orElseThrow();
    }

    private static List<Integer> opcodes(AbstractInsnNode from, AbstractInsnNode to) {
        List<Integer> out = new ArrayList<>();
        for (AbstractInsnNode n = from; n != to.getNext(); n = n.getNext()) {
            if (n.getOpcode() >= 0) {
                out.add(n.getOpcode());
            }
        }
        return out;
    }

    @Test
    void unrollAndJam_innerLoopFromJToJPlusAConstant_jammedAndSameResultsAndExceptionsAsOriginal() throws Exception {
        List<Variant> vs = jam(RowMatrices.class, "multTransA");
        assertEquals(List.of(4, 8, 2), vs.stream().map(v -> v.transforms().get(0).params().get("factor")).toList(),
                vs + " " + whyNot(RowMatrices.class, "multTransA"));
        Method orig = RowMatrices.class.getMethod("multTransA", RowMatrix.class, RowMatrix.class, RowMatrix.class);
        Random r = new Random(9);
        int[][] shapes = {{0, 0, 0}, {1, 1, 1}, {3, 1, 5}, {4, 4, 4}, {5, 7, 3}, {8, 8, 8}, {9, 2, 11}, {2, 0, 6}, {6, 5, 0}, {7, 3, 17}};
        for (Variant v : vs) {
            assertEquals("", Specimen.check(v.classBytes()), v.toString());
            Method jammed = Specimen.load(RowMatrices.class.getName(), v.classBytes())
                    .getMethod("multTransA", RowMatrix.class, RowMatrix.class, RowMatrix.class);
            for (int t = 0; t < 300; t++) {
                int[] s = shapes[t % shapes.length];   // a: k x m, b: k x n, c: m x n
                RowMatrix a = RowMatrixFixtures.random(r, s[0], s[1]);
                RowMatrix b = RowMatrixFixtures.random(r, s[0], s[2]);
                RowMatrix c = new RowMatrix(s[1], s[2]);
                int kind = t / shapes.length % 4;
                if (kind == 1) {
                    c.data = new double[Math.max(0, c.data.length - 1 - r.nextInt(3))];
                } else if (kind == 2) {
                    b.data = Arrays.copyOf(b.data, Math.max(0, b.data.length - 1));
                } else if (kind == 3 && s[0] == s[1] && s[1] == s[2]) {
                    c = a;
                }
                RowMatrix[] want = RowMatrixFixtures.copies(a, b, c);
                RowMatrix[] got = RowMatrixFixtures.copies(a, b, c);
                assertEquals(run(orig, want), run(jammed, got), v + " on shape " + Arrays.toString(s) + " kind " + kind);
                for (int m = 0; m < 3; m++) {
                    assertArrayEquals(want[m].data, got[m].data, v + " matrix " + m + " shape " + Arrays.toString(s) + " kind " + kind);
                }
            }
        }
    }

    /* Jama's Matrix.times: bounds are fields (this.n, b.n), each row of A is a local set before the inner loop, the result goes to c[i][j]. */
    @Test
    void unrollAndJam_jamaShapedTimes_jammedWithPerRowChecks_sameResultsAndExceptions() throws Exception {
        List<Variant> vs = jam(ColumnMatrix.class, "times");
        assertEquals(List.of(4, 8, 2), vs.stream().map(v -> v.transforms().get(0).params().get("factor")).toList(),
                vs + " " + whyNot(ColumnMatrix.class, "times"));
        Random r = new Random(21);
        for (Variant v : vs) {
            assertEquals("", Specimen.check(v.classBytes()), v.toString());
            Class<?> k = Specimen.load(ColumnMatrix.class.getName(), v.classBytes());
            for (int t = 0; t < 300; t++) {
                int m = t % 11;
                int n = (t / 11) % 6;
                int p = r.nextInt(7);
                double[][] a = RowMatrixFixtures.ragged(r, m, n, t % 9 == 0);
                double[][] b = RowMatrixFixtures.ragged(r, n, p, t % 13 == 0);
                int bm = t % 17 == 0 ? n + 1 : n;   // inner dimensions disagree: the check throws first
                assertEquals(times(ColumnMatrix.class, a, m, n, b, bm, p), times(k, a, m, n, b, bm, p), v + " trial " + t);
            }
        }
    }

    private static String times(Class<?> k, double[][] a, int m, int n, double[][] b, int bm, int p) throws Exception {
        Object x = k.getConstructor(double[][].class, int.class, int.class).newInstance(RowMatrixFixtures.deepCopy(a), m, n);
        Object y = k.getConstructor(double[][].class, int.class, int.class).newInstance(RowMatrixFixtures.deepCopy(b), bm, p);
        try {
            Object c = k.getMethod("times", k).invoke(x, y);
            return Arrays.deepToString((double[][]) k.getField("a").get(c));
        } catch (InvocationTargetException e) {
            return e.getCause().getClass().getName();
        }
    }

    /* The output rows may be rows of a or the column buffer: the per-row checks send such blocks to the original loop. */
    @Test
    void unrollAndJam_outputRowsAliasInputRowsOrTheColumn_sameResultsAsOriginal() throws Exception {
        List<Variant> vs = jam(ColumnMatrix.class, "timesInto");
        assertEquals(3, vs.size(), vs + " " + whyNot(ColumnMatrix.class, "timesInto"));
        Class<?>[] sig = {double[][].class, double[][].class, double[][].class, double[].class, int.class, int.class, int.class};
        Method orig = ColumnMatrix.class.getMethod("timesInto", sig);
        Random r = new Random(23);
        int aliased = 0;
        for (Variant v : vs) {
            Method jammed = Specimen.load(ColumnMatrix.class.getName(), v.classBytes()).getMethod("timesInto", sig);
            for (int t = 0; t < 400; t++) {
                int m = 1 + t % 10;
                int n = 1 + (t / 10) % 5;
                int p = 1 + r.nextInt(5);
                int size = Math.max(n, p);
                double[][] a = RowMatrixFixtures.ragged(r, m, size, false);
                double[][] b = RowMatrixFixtures.ragged(r, n, p, t % 19 == 0);
                double[][] c = RowMatrixFixtures.ragged(r, m, size, false);
                double[] col = new double[n];
                int kind = t % 4;
                if (kind == 1 && m > 1) {
                    int i = r.nextInt(m - 1);
                    c[i] = a[i + 1 + r.nextInt(m - 1 - i)];   // a later row of a is written first
                    aliased++;
                } else if (kind == 2) {
                    col = c[r.nextInt(m)];   // the column buffer is an output row
                    aliased++;
                } else if (kind == 3) {
                    c = a;   // in place
                }
                Object[] want = sharedCopy(a, b, c, col, m, n, p);
                Object[] got = sharedCopy(a, b, c, col, m, n, p);
                String where = v + " trial " + t + " kind " + kind;
                assertEquals(run(orig, want), run(jammed, got), where);
                assertEquals(Arrays.deepToString((double[][]) want[2]), Arrays.deepToString((double[][]) got[2]), where);
                assertEquals(Arrays.deepToString((double[][]) want[0]), Arrays.deepToString((double[][]) got[0]), where);
            }
        }
        assertTrue(aliased > 100, "aliased calls ran: " + aliased);
    }

    /* Arguments with every row copied once: rows that were one object (a row of a and of c, c's row and col) stay one. */
    private static Object[] sharedCopy(double[][] a, double[][] b, double[][] c, double[] col, int m, int n, int p) {
        java.util.Map<Object, Object> seen = new java.util.IdentityHashMap<>();
        java.util.function.UnaryOperator<double[]> row = x -> x == null ? null : (double[]) seen.computeIfAbsent(x, y -> x.clone());
        java.util.function.UnaryOperator<double[][]> matrix = x -> (double[][]) seen.computeIfAbsent(x, y -> {
            double[][] out = new double[x.length][];
            for (int i = 0; i < x.length; i++) {
                out[i] = row.apply(x[i]);
            }
            return out;
        });
        return new Object[] {matrix.apply(a), b, matrix.apply(c), row.apply(col), m, n, p};
    }

    @Test
    void unrollAndJam_endMovesWithJTwice_refusedAsTripCountDependsOnJ() {
        assertTrue(jam(RowMatrices.class, "multTransAShifted").isEmpty());
        String why = whyNot(RowMatrices.class, "multTransAShifted");
        assertTrue(why.contains("the inner loop's trip count depends on j"), why);
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
