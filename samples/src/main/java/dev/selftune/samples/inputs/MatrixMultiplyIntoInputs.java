package dev.selftune.samples.inputs;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Calls of {@code MatrixMultiplyInto.multiplyInto(a, b, c)} as callers make them:
 * {@code --inputs dev.selftune.samples.inputs.MatrixMultiplyIntoInputs#rows}.
 */
public final class MatrixMultiplyIntoInputs {
    private MatrixMultiplyIntoInputs() {
    }

    /**
     * Separate matrices at 1×1, 3×5·5×4 (rectangular), 64×64 and 256×256, plus small in-place calls:
     * {@code c} is {@code a}, {@code c} is {@code b}, {@code c} shares a row with {@code a}.
     */
    public static Object[][] rows() {
        Random rnd = new Random(Rows.SEED);
        List<Object[]> rows = new ArrayList<>();
        int[][] shapes = {{1, 1, 1}, {3, 5, 4}, {64, 64, 64}, {256, 256, 256}};
        for (int[] s : shapes) {
            rows.add(new Object[] {Rows.matrix(rnd, s[0], s[1]), Rows.matrix(rnd, s[1], s[2]), Rows.matrix(rnd, s[0], s[2])});
        }
        double[][] a = Rows.matrix(rnd, 8, 8);
        rows.add(new Object[] {a, Rows.matrix(rnd, 8, 8), a});
        double[][] b = Rows.matrix(rnd, 8, 8);
        rows.add(new Object[] {Rows.matrix(rnd, 8, 8), b, b});
        double[][] a2 = Rows.matrix(rnd, 8, 8);
        double[][] c2 = Rows.matrix(rnd, 8, 8);
        c2[5] = a2[2];
        rows.add(new Object[] {a2, Rows.matrix(rnd, 8, 8), c2});
        return rows.toArray(Object[][]::new);
    }
}
