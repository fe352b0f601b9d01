package dev.selftune.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.selftune.api.Variant;
import dev.selftune.generate.bounds.PreIncrement;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.tree.ClassNode;

/** while (++i <= to) becomes javac's counted shape, with the same behaviour, continues included. */
class PreIncrementLoopsTest {
    @Test
    void apply_coltStyleLoops_becomeCountedLoops() {
        ClassNode cn = ClassBytes.read(Specimen.bytes(PreIncrement.class));
        for (String m : List.of("sumOfSquares", "positives")) {
            assertEquals(0, CountedLoops.find(TunedMethods.find(cn, m, null)).size(), m + " before");
            assertEquals(1, PreIncrementLoops.apply(TunedMethods.find(cn, m, null)), m);
            assertEquals(1, CountedLoops.find(TunedMethods.find(cn, m, null)).size(), m + " after");
        }
    }

    @Test
    void apply_sameResultsAndExceptions_onRangesInsideOutsideAndEmpty() throws Exception {
        ClassNode cn = ClassBytes.read(Specimen.bytes(PreIncrement.class));
        PreIncrementLoops.apply(TunedMethods.find(cn, "sumOfSquares", null));
        PreIncrementLoops.apply(TunedMethods.find(cn, "positives", null));
        byte[] bytes = ClassBytes.write(cn, ClassBytes.resourcesOf(getClass().getClassLoader()));
        assertEquals("", Specimen.check(bytes));
        Class<?> v = Specimen.load(PreIncrement.class.getName(), bytes);
        Random r = new Random(4);
        for (int t = 0; t < 500; t++) {
            int n = r.nextInt(20);
            double[] d = r.doubles(n).toArray();
            int[] a = r.ints(n, -50, 50).toArray();
            int from = r.nextInt(n + 3) - 1;
            int to = t % 25 == 0 ? Integer.MAX_VALUE : r.nextInt(n + 3) - 1;
            assertEquals(call(PreIncrement.class, "sumOfSquares", d, from, to), call(v, "sumOfSquares", d, from, to), "trial " + t);
            assertEquals(call(PreIncrement.class, "positives", a, from, to), call(v, "positives", a, from, to), "trial " + t);
        }
    }

    private static String call(Class<?> c, String name, Object arr, int from, int to) throws Exception {
        Method m = c.getMethod(name, arr.getClass(), int.class, int.class);
        try {
            return String.valueOf(m.invoke(null, arr, from, to));
        } catch (InvocationTargetException e) {
            return e.getCause().getClass().getName();
        }
    }

    @Test
    void generate_unrollReachesAPreIncrementLoop() {
        Policy unroll = new Policy(List.of("unroll"), Policy.defaults().ranges(), 1, 24, 1, 0.5);
        Generator g = new Generator(unroll, TransformContext.exact(unroll), ClassBytes.resourcesOf(getClass().getClassLoader()));
        List<Variant> vs = g.generate("sumOfSquares", null, Specimen.bytes(PreIncrement.class));
        assertFalse(vs.isEmpty(), "no variant: " + g.notApplied());
    }
}
