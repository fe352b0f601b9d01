package dev.selftune.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.Variant;
import dev.selftune.generate.specimens.Loops;
import dev.selftune.generate.specimens.Whiles;
import dev.selftune.generate.transform.TripCount;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/** trip-count: a while loop stepped by constants runs its trips in a counted loop first, with the original's results, exceptions and arrays. */
class TripCountTest {

    private static Generator generator(List<String> transforms, int depth, boolean fp) {
        Policy p = new Policy(transforms, Policy.defaults().ranges(), depth, 48, 1, 0.5);
        TransformContext ctx = fp ? new TransformContext(true, 1e-9, p) : TransformContext.exact(p);
        return new Generator(p, ctx, ClassBytes.resourcesOf(TripCountTest.class.getClassLoader()));
    }

    private static List<Variant> variants(Class<?> c, String name, List<String> transforms, int depth, boolean fp) {
        return generator(transforms, depth, fp).generate(name, null, Specimen.bytes(c));
    }

    private static MethodNode method(Class<?> c, String name) {
        ClassNode cn = new ClassNode();
        new ClassReader(Specimen.bytes(c)).accept(cn, 0);
        return cn.methods.stream().filter(m -> m.name.equals(name)).findFirst().orElseThrow();
    }

    private static Method named(Class<?> c, String name) {
        return Arrays.stream(c.getMethods()).filter(x -> x.getName().equals(name)).findFirst().orElseThrow();
    }

    private static void sameBehaviour(Variant v, String name, double tolerance, Function<Random, Object[]> args) {
        assertEquals("", Specimen.check(v.classBytes()));
        Method orig = named(Whiles.class, name);
        Method tuned = named(Specimen.load(Whiles.class.getName(), v.classBytes()), name);
        Random r = new Random(name.hashCode());
        for (int t = 0; t < 800; t++) {
            Object[] a = args.apply(r);
            assertTrue(Specimen.run(orig, a).sameAs(Specimen.run(tuned, a), tolerance),
                    name + " " + v.transforms() + " " + Specimen.describe(a));
        }
    }

    private static int[] ints(Random r, int n) {
        return r.ints(n, -1000, 1000).toArray();
    }

    private static double[] doubles(Random r, int n) {
        return r.doubles(n, -1, 1).toArray();
    }

    /* An int near the interesting edges: small, around a length, or extreme. */
    private static int edgy(Random r, int len) {
        return switch (r.nextInt(6)) {
            case 0 -> Integer.MIN_VALUE + r.nextInt(3);
            case 1 -> Integer.MAX_VALUE - r.nextInt(3);
            case 2 -> -r.nextInt(4);
            default -> r.nextInt(len + 4);
        };
    }

    @Test
    void convolve_theInnerWhile_isCountedAndExact() {
        List<Variant> vs = variants(Whiles.class, "convolve", List.of(TripCount.NAME), 1, false);
        assertEquals(1, vs.size(), "one site: the inner while; the outer for is javac's counted shape");
        sameBehaviour(vs.get(0), "convolve", 0, r -> new Object[] {doubles(r, r.nextInt(30)), doubles(r, r.nextInt(9))});
    }

    @Test
    void convolve_composesWithSplitAccumulatorsAndUnroll_onTheNewCountedLoop() {
        List<Variant> vs = variants(Whiles.class, "convolve", List.of(TripCount.NAME, "split-accumulators", "unroll"), 2, true);
        List<Variant> split = vs.stream().filter(v -> v.transforms().size() == 2
                && v.transforms().get(0).transform().equals(TripCount.NAME)
                && v.transforms().get(1).transform().equals("split-accumulators")).toList();
        List<Variant> unrolled = vs.stream().filter(v -> v.transforms().size() == 2
                && v.transforms().get(0).transform().equals(TripCount.NAME)
                && v.transforms().get(1).transform().equals("unroll")).toList();
        assertTrue(!split.isEmpty() && !unrolled.isEmpty(), vs.toString());
        Function<Random, Object[]> args = r -> new Object[] {doubles(r, r.nextInt(40)), doubles(r, r.nextInt(12))};
        sameBehaviour(split.get(0), "convolve", 1e-9, args);
        sameBehaviour(unrolled.get(0), "convolve", 0, args);
    }

    @Test
    void sumFromTo_anyBounds_sameSumsAndExceptions() {
        List<Variant> vs = variants(Whiles.class, "sumFromTo", List.of(TripCount.NAME, "unroll"), 2, false);
        assertTrue(vs.size() >= 2, vs.toString());
        for (Variant v : vs) {
            sameBehaviour(v, "sumFromTo", 0, r -> {
                int len = r.nextInt(20);
                return new Object[] {r.nextInt(10) == 0 ? null : ints(r, len), edgy(r, len), edgy(r, len)};
            });
        }
    }

    @Test
    void reverseInto_lengthBounds_nullArraysThrowWhereTheOriginalDoes() {
        List<Variant> vs = variants(Whiles.class, "reverseInto", List.of(TripCount.NAME), 1, false);
        assertEquals(1, vs.size());
        sameBehaviour(vs.get(0), "reverseInto", 0, r -> new Object[] {
                r.nextInt(8) == 0 ? null : ints(r, r.nextInt(12)), r.nextInt(8) == 0 ? null : new int[r.nextInt(12)]});
    }

    @Test
    void strideDown_stepOfMinusThree_inclusiveBound() {
        List<Variant> vs = variants(Whiles.class, "strideDown", List.of(TripCount.NAME), 1, false);
        assertEquals(1, vs.size());
        sameBehaviour(vs.get(0), "strideDown", 0, r -> {
            int len = r.nextInt(30);
            return new Object[] {ints(r, len), r.nextInt(len + 6) - 3, r.nextInt(len + 6) - 3};
        });
    }

    @Test
    void swapRanges_forWithThreeSteps_isCountedAsItIs_andTheOldCounterIsNotSplitAsASum() {
        /* javac steps i first of the three: PostIncrementLoops moves it last, so unroll reaches the loop with no trip-count copy */
        assertEquals(List.of(), variants(Whiles.class, "swapRanges", List.of(TripCount.NAME, "split-accumulators"), 2, false),
                "i, a and b are induction variables, not reductions to split, and the loop is counted already");
        List<Variant> vs = variants(Whiles.class, "swapRanges", List.of("unroll"), 1, false);
        assertFalse(vs.isEmpty(), "unroll reaches the loop");
        for (Variant v : vs) {
            sameBehaviour(v, "swapRanges", 0, r -> {
                int len = r.nextInt(20);
                return new Object[] {ints(r, len), edgy(r, len), edgy(r, len), r.nextInt(len + 3) - 1};
            });
        }
    }

    @Test
    void closingIndices_twoPointersAndGuavasReverse_areCounted_sameBehaviour() {
        for (String name : List.of("twoPointers", "reverseRange", "closeIn")) {
            assertEquals(1, variants(Whiles.class, name, List.of(TripCount.NAME), 1, false).size(), name);
        }
        sameBehaviour(variants(Whiles.class, "twoPointers", List.of(TripCount.NAME), 1, false).get(0), "twoPointers", 0,
                r -> new Object[] {r.nextInt(10) == 0 ? null : ints(r, r.nextInt(20))});
        for (Variant v : variants(Whiles.class, "reverseRange", List.of(TripCount.NAME, "unroll"), 2, false)) {
            sameBehaviour(v, "reverseRange", 0, r -> {
                int len = r.nextInt(20);
                return new Object[] {ints(r, len), edgy(r, len), edgy(r, len)};
            });
        }
        for (Variant v : variants(Whiles.class, "closeIn", List.of(TripCount.NAME, "unroll"), 2, false)) {
            sameBehaviour(v, "closeIn", 0, r -> {
                int len = r.nextInt(30);
                return new Object[] {ints(r, len), edgy(r, len), edgy(r, len)};
            });
        }
    }

    @Test
    void lookAlikes_areLeft_withTheReason() {
        TripCount t = new TripCount();
        Policy p = Policy.defaults();
        TransformContext ctx = TransformContext.exact(p);
        for (String name : List.of("conditionalStep", "chase")) {
            MethodNode m = method(Whiles.class, name);
            assertEquals(List.of(), t.candidates(null, m, ctx), name);
        }
        String branches = t.whyNotApplied(null, method(Whiles.class, "conditionalStep"), ctx);
        assertTrue(branches.contains("branches"), branches);
        String moves = t.whyNotApplied(null, method(Whiles.class, "chase"), ctx);
        assertTrue(moves.contains("changes in the loop other than by one constant step towards it"), moves);
        assertEquals(List.of(), t.candidates(null, method(Loops.class, "intSum"), ctx), "javac's counted for-loop is taken as it is");
    }
}
