package dev.selftune.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.MethodRef;
import dev.selftune.generate.ClassBytes;
import dev.selftune.generate.Policy;
import dev.selftune.generate.TransformContext;
import dev.selftune.generate.transform.GuardedInterchange;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/** A guarded multiversion installs like any variant: its two added private helpers come with it. */
class GuardedSwapTest {
    private final HotSwapper swapper = new Agents.LoggedSwapper().swapper;

    private static byte[] guardedVariant() {
        byte[] original = Variants.bytesOf(GuardedTarget.class);
        ClassNode cn = ClassBytes.read(original);
        MethodNode m = cn.methods.stream().filter(x -> x.name.equals("multiplyInto")).findFirst().orElseThrow();
        Policy p = Policy.defaults();
        assertTrue(new GuardedInterchange().apply(cn, m, Map.of("nest", 0, "hoist", 1), TransformContext.exact(p)));
        return ClassBytes.writeChanged(original, cn, Set.of(m.name + m.desc),
                ClassBytes.resourcesOf(GuardedSwapTest.class.getClassLoader()));
    }

    @Test
    void swap_guardedInterchange_sameResultsOnSeparateAndAliasedMatrices() {
        MethodRef ref = new MethodRef(GuardedTarget.class.getName(), "multiplyInto", null);
        swapper.prepare(GuardedTarget.class, ref);
        swapper.swap(ref, "guarded", guardedVariant());
        assertEquals("guarded", swapper.active(ref));
        Random r = new Random(5);
        for (int t = 0; t < 40; t++) {
            int n = 1 + r.nextInt(9);
            double[][][] mine = {m(n, r), m(n, r), m(n, r)};
            switch (t % 4) {
                case 1 -> mine[2] = mine[0];
                case 2 -> mine[2][n - 1] = mine[1][0];
                case 3 -> mine[1] = mine[2];
                default -> { }
            }
            double[][][] expected = copy(mine);
            GuardedReference.multiplyInto(expected[0], expected[1], expected[2]);
            GuardedTarget.multiplyInto(mine[0], mine[1], mine[2]);
            assertTrue(Arrays.deepEquals(expected, mine), "trial " + t + " (aliasing case " + t % 4 + ")");
        }
        swapper.rollback(ref);
    }

    private static double[][] m(int n, Random r) {
        double[][] x = new double[n][n];
        for (double[] row : x) {
            for (int j = 0; j < n; j++) {
                row[j] = r.nextDouble() * 2 - 1;
            }
        }
        return x;
    }

    /* A copy that keeps which matrices and rows are the same object. */
    private static double[][][] copy(double[][][] in) {
        java.util.IdentityHashMap<Object, Object> seen = new java.util.IdentityHashMap<>();
        double[][][] out = new double[in.length][][];
        for (int i = 0; i < in.length; i++) {
            double[][] mat = in[i];
            if (!seen.containsKey(mat)) {
                double[][] c = new double[mat.length][];
                seen.put(mat, c);
                for (int j = 0; j < mat.length; j++) {
                    double[] row = mat[j];
                    if (!seen.containsKey(row)) {
                        seen.put(row, row.clone());
                    }
                    c[j] = (double[]) seen.get(row);
                }
            }
            out[i] = (double[][]) seen.get(mat);
        }
        return out;
    }
}
