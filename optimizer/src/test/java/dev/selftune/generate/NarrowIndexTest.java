package dev.selftune.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.Variant;
import dev.selftune.generate.specimens.LongIndices;
import dev.selftune.generate.transform.NarrowIndex;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/** narrow-index: long loop indices become int where every value fits, and the int loop is what later rules read. */
class NarrowIndexTest {

    private static Generator generator(List<String> transforms, int depth) {
        Policy p = new Policy(transforms, Policy.defaults().ranges(), depth, 24, 1, 0.5);
        return new Generator(p, TransformContext.exact(p), ClassBytes.resourcesOf(NarrowIndexTest.class.getClassLoader()));
    }

    private static List<Variant> narrow(Class<?> c, String name) {
        return generator(List.of(NarrowIndex.NAME), 1).generate(name, null, Specimen.bytes(c));
    }

    private static String whyNot(Class<?> c, String name) {
        Generator g = generator(List.of(NarrowIndex.NAME), 1);
        g.generate(name, null, Specimen.bytes(c));
        return g.notApplied().get(NarrowIndex.NAME);
    }

    private static long count(byte[] classBytes, String name, int opcode) {
        ClassNode cn = new ClassNode();
        new ClassReader(classBytes).accept(cn, 0);
        MethodNode m = cn.methods.stream().filter(x -> x.name.equals(name)).findFirst().orElseThrow();
        return Arrays.stream(m.instructions.toArray()).mapToInt(AbstractInsnNode::getOpcode).filter(op -> op == opcode).count();
    }

    @Test
    void narrowIndex_sumSquares_becomesAnIntLoopWithNoLongCompare() {
        List<Variant> vs = narrow(LongIndices.class, "sumSquares");
        assertEquals(1, vs.size(), whyNot(LongIndices.class, "sumSquares"));
        assertEquals("", Specimen.check(vs.get(0).classBytes()));
        assertEquals(1, count(Specimen.bytes(LongIndices.class), "sumSquares", Opcodes.LCMP));
        assertEquals(0, count(vs.get(0).classBytes(), "sumSquares", Opcodes.LCMP));
        assertEquals(0, count(vs.get(0).classBytes(), "sumSquares", Opcodes.L2I), "(int) i reads the int index directly");
    }

    @Test
    void narrowIndex_twoLoopsSharingALocal_narrowsTheUnitStepLoopOnlyAndSaysWhyNotTheOther() {
        List<Variant> vs = narrow(LongIndices.class, "twoLoops");
        assertEquals(1, vs.size());
        assertEquals(1, count(vs.get(0).classBytes(), "twoLoops", Opcodes.LCMP), "the i += 2 loop stays long");
        ClassNode cn = new ClassNode();
        new ClassReader(Specimen.bytes(RefusedLongLoops.class)).accept(cn, 0);
        String why = whyNot(RefusedLongLoops.class, "stepTwo");
        assertTrue(why.contains("is not 'for (long"), why);
    }

    @Test
    void narrowIndex_everySpecimen_sameResultsExceptionsAndArraysAsOriginal() throws Exception {
        Random r = new Random(3);
        for (String name : List.of("sumSquares", "ramp", "fromTo", "twoLoops")) {
            Method orig = Arrays.stream(LongIndices.class.getMethods()).filter(m -> m.getName().equals(name)).findFirst().orElseThrow();
            List<Variant> vs = narrow(LongIndices.class, name);
            assertEquals(1, vs.size(), name + ": " + whyNot(LongIndices.class, name));
            Method narrowed = Arrays.stream(Specimen.load(LongIndices.class.getName(), vs.get(0).classBytes()).getMethods())
                    .filter(m -> m.getName().equals(name)).findFirst().orElseThrow();
            for (int t = 0; t < 300; t++) {
                int n = r.nextInt(40);
                Object[] args1 = switch (name) {
                    case "ramp" -> new Object[] {r.doubles(n).toArray()};
                    case "fromTo" -> new Object[] {r.ints(n, -1000, 1000).toArray(), r.nextInt(n + 3) - 2, r.nextInt(n + 4) - 1};
                    default -> new Object[] {r.ints(n).toArray()};
                };
                Object[] args2 = args1.clone();
                if (args1[0] instanceof double[] d) {
                    args2[0] = d.clone();
                } else {
                    args2[0] = ((int[]) args1[0]).clone();
                }
                assertEquals(call(orig, args1), call(narrowed, args2), name + " " + Arrays.toString(args1));
                if (args1[0] instanceof double[] d) {
                    assertTrue(Arrays.equals(d, (double[]) args2[0]), name);
                }
            }
        }
    }

    @Test
    void narrowIndex_refusals_sayWhy() {
        assertTrue(whyNot(RefusedLongLoops.class, "longBound").contains("not an int widened"), whyNot(RefusedLongLoops.class, "longBound"));
        assertTrue(whyNot(RefusedLongLoops.class, "inclusive").contains("is not 'for (long"), whyNot(RefusedLongLoops.class, "inclusive"));
        assertTrue(whyNot(RefusedLongLoops.class, "fromLong").contains("does not start from an int value"),
                whyNot(RefusedLongLoops.class, "fromLong"));
        assertTrue(whyNot(LongIndicesIntOnly.class, "ints").contains("no loop with a long index"), whyNot(LongIndicesIntOnly.class, "ints"));
    }

    @Test
    void narrowIndex_thenUnroll_composes() {
        List<Variant> vs = generator(List.of(NarrowIndex.NAME, "unroll"), 2).generate("sumSquares", null, Specimen.bytes(LongIndices.class));
        assertTrue(vs.stream().anyMatch(v -> v.transforms().size() == 2 && v.transforms().get(1).transform().equals("unroll")), vs.toString());
        assertTrue(generator(List.of("unroll"), 1).generate("sumSquares", null, Specimen.bytes(LongIndices.class)).isEmpty(),
                "unroll alone does not read a long-indexed loop");
    }

    private static String call(Method m, Object[] args) throws IllegalAccessException {
        try {
            return String.valueOf(m.invoke(null, args));
        } catch (InvocationTargetException e) {
            return e.getCause().getClass().getName();
        }
    }

    /** Long loops the rule must leave alone. */
    public static final class RefusedLongLoops {
        public static long longBound(long n) {
            long s = 0;
            for (long i = 0; i < n; i++) {
                s += i ^ 7;
            }
            return s;
        }

        public static long inclusive(int n) {
            long s = 0;
            for (long i = 0; i <= n; i++) {
                s += i;
            }
            return s;
        }

        public static long fromLong(long from, int n) {
            long s = 0;
            for (long i = from; i < n; i++) {
                s += i;
            }
            return s;
        }

        public static long stepTwo(int n) {
            long s = 0;
            for (long i = 0; i < n; i += 2) {
                s += i;
            }
            return s;
        }
    }

    /** No long loop at all. */
    public static final class LongIndicesIntOnly {
        public static int ints(int[] a) {
            int s = 0;
            for (int i = 0; i < a.length; i++) {
                s += a[i];
            }
            return s;
        }
    }
}
