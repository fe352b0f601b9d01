package dev.selftune.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.Variant;
import dev.selftune.generate.bounds.FieldBounded;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.MethodNode;

/** Loop bounds read from fields are read once ahead of the loop, when that is the same program, so the loops count. */
class BoundHoistingTest {
    private static final String NAME = FieldBounded.class.getName();

    private static ClassNode node() {
        return ClassBytes.read(Specimen.bytes(FieldBounded.class));
    }

    private static Map<Integer, String> refusals(String method) {
        ClassNode cn = node();
        Map<Integer, String> why = new LinkedHashMap<>();
        BoundHoisting.plan(cn, TunedMethods.find(cn, method, null), ClassBytes.resourcesOf(getLoader()), why);
        return why;
    }

    private static ClassLoader getLoader() {
        return BoundHoistingTest.class.getClassLoader();
    }

    private static int hoisted(ClassNode cn, String method) {
        return BoundHoisting.apply(cn, TunedMethods.find(cn, method, null), ClassBytes.resourcesOf(getLoader()));
    }

    @Test
    void plainFieldBounds_hoisted_andTheLoopsThenCount() {
        ClassNode cn = node();
        for (String m : List.of("sumTo", "sumButLast", "sumOf")) {
            assertEquals(0, CountedLoops.find(TunedMethods.find(cn, m, null)).size(), m + " has no counted loop before");
            assertEquals(1, hoisted(cn, m), m);
            assertEquals(1, CountedLoops.find(TunedMethods.find(cn, m, null)).size(), m + " has one after");
        }
    }

    @Test
    void rowBound_bodyStoresOnlyDoubles_hoisted_anIntOrRowStoreKeepsItInPlace() {
        ClassNode cn = node();
        assertEquals(0, CountedLoops.find(TunedMethods.find(cn, "stencil", null)).size());
        assertEquals(2, hoisted(cn, "stencil"), refusals("stencil").toString());
        assertEquals(2, CountedLoops.find(TunedMethods.find(cn, "stencil", null)).size(), "j < in[i].length - 1 now counts");
        for (String m : List.of("rowSwap", "intElementBound")) {
            assertTrue(refusals(m).values().stream().anyMatch(r -> r.contains("may change while it runs")), m + ": " + refusals(m));
            assertEquals(0, hoisted(node(), m), m);
        }
    }

    @Test
    void rowBoundHoisted_behavesTheSame_onRaggedNullAndShortRows() throws Exception {
        ClassNode cn = node();
        hoisted(cn, "stencil");
        Method variant = Specimen.load(NAME, ClassBytes.write(cn, ClassBytes.resourcesOf(getLoader())))
                .getMethod("stencil", double[][].class, double[][].class);
        Method original = Specimen.load(NAME, Specimen.bytes(FieldBounded.class)).getMethod("stencil", double[][].class, double[][].class);
        Random r = new Random(5);
        for (int t = 0; t < 300; t++) {
            double[][] in = new double[r.nextInt(7)][];
            for (int i = 0; i < in.length; i++) {
                in[i] = r.nextInt(8) == 0 ? null : new double[r.nextInt(7)];
                if (in[i] != null) {
                    Arrays.setAll(in[i], j -> r.nextDouble());
                }
            }
            double[][] out = new double[r.nextInt(8) == 0 ? Math.max(0, in.length - 2) : in.length][6];
            assertEquals(call(original, in, out), call(variant, in, out), "trial " + t + ": " + Arrays.deepToString(in));
        }
    }

    private static String call(Method m, double[][] in, double[][] out) throws Exception {
        double[][] o = Arrays.stream(out).map(double[]::clone).toArray(double[][]::new);
        String thrown = "";
        try {
            m.invoke(null, in, o);
        } catch (InvocationTargetException e) {
            thrown = e.getCause().getClass().getName();
        }
        return thrown + Arrays.deepToString(o);
    }

    @Test
    void volatileOrWrittenBound_leftAlone_withTheReason() {
        assertTrue(refusals("sumVolatile").values().stream().anyMatch(r -> r.contains("FieldBounded.vn") && r.contains("volatile")),
                refusals("sumVolatile").toString());
        assertTrue(refusals("shrinking").values().stream().anyMatch(r -> r.contains("may change while it runs")),
                refusals("shrinking").toString());
        ClassNode cn = node();
        assertEquals(0, hoisted(cn, "sumVolatile"));
        assertEquals(0, hoisted(cn, "shrinking"));
    }

    @Test
    void nest_innerBoundOfThisReadAheadOfTheOuterLoop_nestStaysPerfect() {
        ClassNode cn = node();
        MethodNode m = TunedMethods.find(cn, "scaleInto", null);
        assertEquals(2, hoisted(cn, "scaleInto"), refusals("scaleInto").toString());
        assertEquals(2, LoopNestLoop.find(m).size(), "both loops keep javac's init; istore; head shape");
        LoopNestLoop outer = LoopNestLoop.find(m).get(0);
        LoopNestLoop inner = LoopNestLoop.find(m).get(1);
        assertEquals(inner.init(), LoopNestLoop.realNext(outer.test()), "nothing between the outer test and the inner init");
        int fieldReads = 0;
        for (AbstractInsnNode n = outer.head(); n != outer.back(); n = n.getNext()) {
            fieldReads += n instanceof FieldInsnNode f && (f.name.equals("n") || f.name.equals("m")) ? 1 : 0;
        }
        assertEquals(0, fieldReads, "no bound is read inside the nest any more");
    }

    @Test
    void hoisted_behavesTheSame_onShortNullAndEmptyData() throws Exception {
        ClassNode cn = node();
        for (String m : List.of("sumTo", "sumButLast", "sumOf", "scaleInto")) {
            hoisted(cn, m);
        }
        Class<?> variant = Specimen.load(NAME, ClassBytes.write(cn, ClassBytes.resourcesOf(getLoader())));
        Class<?> original = Specimen.load(NAME, Specimen.bytes(FieldBounded.class));
        Random r = new Random(11);
        for (int t = 0; t < 300; t++) {
            int n = r.nextInt(12);
            int len = r.nextInt(5) == 0 ? r.nextInt(n + 1) : n + r.nextInt(3);
            int[] data = r.nextInt(15) == 0 ? null : new int[len];
            if (data != null) {
                Arrays.setAll(data, i -> r.nextInt(100) - 50);
            }
            double[][] a = new double[r.nextInt(5) == 0 ? Math.max(0, n - 1) : n][];
            int m = r.nextInt(6);
            for (int i = 0; i < a.length; i++) {
                a[i] = new double[r.nextInt(6) == 0 ? Math.max(0, m - 1) : m];
                Arrays.setAll(a[i], j -> r.nextDouble());
            }
            for (String name : List.of("sumTo", "sumButLast", "sumOf", "scaleInto")) {
                assertEquals(run(original, name, n, m, data, a, t), run(variant, name, n, m, data, a, t), name + " trial " + t);
            }
        }
    }

    /* What a call returns or throws, and what it left in its output. */
    private static String run(Class<?> c, String name, int n, int m, int[] data, double[][] a, int t) throws Exception {
        Constructor<?> k = c.getConstructor(int.class, int.class, int[].class, double[][].class);
        Object self = k.newInstance(n, m, data == null ? null : data.clone(), a);
        double[][] out = new double[n][m];
        List<Object> seen = new ArrayList<>();
        try {
            Object r = switch (name) {
                case "sumOf" -> c.getMethod(name, c).invoke(null, t % 17 == 0 ? null : self);
                case "scaleInto" -> c.getMethod(name, double[][].class).invoke(self, (Object) out);
                default -> c.getMethod(name).invoke(self);
            };
            seen.add(r);
        } catch (InvocationTargetException e) {
            seen.add(e.getCause().getClass().getName());
        }
        seen.add(Arrays.deepToString(out));
        return seen.toString();
    }

    @Test
    void generate_unrollNowReachesAFieldBoundedLoop_andTheHoistedBaseAloneIsNoVariant() {
        Policy unroll = new Policy(List.of("unroll"), Policy.defaults().ranges(), 1, 24, 1, 0.5);
        Generator g = new Generator(unroll, TransformContext.exact(unroll), ClassBytes.resourcesOf(getLoader()));
        List<Variant> vs = g.generate("sumTo", null, Specimen.bytes(FieldBounded.class));
        assertFalse(vs.isEmpty(), "unroll applies once the bound is in a local: " + g.notApplied());
        assertTrue(vs.stream().allMatch(v -> v.transforms().stream().allMatch(s -> s.transform().equals("unroll"))), vs.toString());
        for (Variant v : vs) {
            MethodNode mn = TunedMethods.find(ClassBytes.read(v.classBytes()), "sumTo", null);
            int bigger = (int) Arrays.stream(mn.instructions.toArray()).filter(x -> x.getOpcode() == Opcodes.IALOAD).count();
            assertTrue(bigger > 1, "the variant unrolled the loop");
        }
    }
}
