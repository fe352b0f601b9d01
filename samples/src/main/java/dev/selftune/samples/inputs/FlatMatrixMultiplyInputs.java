package dev.selftune.samples.inputs;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Calls of {@code FlatMatrixMultiply.multiplyAdd(a, b, c, m, n, k)} as callers make them:
 * {@code --inputs dev.selftune.samples.inputs.FlatMatrixMultiplyInputs#rows}.
 */
public final class FlatMatrixMultiplyInputs {
    private FlatMatrixMultiplyInputs() {
    }

    /**
     * Separate matrices at 1×1, 3×5·5×4 (rectangular), 64×64 and 256×256, arrays longer than their
     * matrices (a pooled buffer), and small in-place calls: {@code c} is {@code a}, {@code c} is {@code b}.
     */
    public static Object[][] rows() {
        Random rnd = new Random(Rows.SEED);
        List<Object[]> rows = new ArrayList<>();
        int[][] shapes = {{1, 1, 1}, {3, 4, 5}, {64, 64, 64}, {256, 256, 256}};
        for (int[] s : shapes) {
            int m = s[0];
            int n = s[1];
            int k = s[2];
            rows.add(new Object[] {Rows.doubles(rnd, m * k), Rows.doubles(rnd, k * n), Rows.doubles(rnd, m * n), m, n, k});
        }
        rows.add(new Object[] {Rows.doubles(rnd, 40), Rows.doubles(rnd, 40), Rows.doubles(rnd, 40), 5, 6, 4});
        double[] a = Rows.doubles(rnd, 64);
        rows.add(new Object[] {a, Rows.doubles(rnd, 64), a, 8, 8, 8});
        double[] b = Rows.doubles(rnd, 64);
        rows.add(new Object[] {Rows.doubles(rnd, 64), b, b, 8, 8, 8});
        return rows.toArray(Object[][]::new);
    }
}
