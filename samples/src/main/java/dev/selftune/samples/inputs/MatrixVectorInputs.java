package dev.selftune.samples.inputs;

import java.util.Random;

/** Matrices with a vector that fits, for {@code MatrixVector.multiply}: {@code --inputs dev.selftune.samples.inputs.MatrixVectorInputs#rows}. */
public final class MatrixVectorInputs {
    private MatrixVectorInputs() {
    }

    /** Rows {@code (double[][] m, double[] v)}: 1×1, 3×17 (rectangular), 64×64 and 512×512. */
    public static Object[][] rows() {
        Random rnd = new Random(Rows.SEED);
        int[][] shapes = {{1, 1}, {3, 17}, {64, 64}, {512, 512}};
        Object[][] rows = new Object[shapes.length][];
        for (int r = 0; r < shapes.length; r++) {
            rows[r] = new Object[] {Rows.matrix(rnd, shapes[r][0], shapes[r][1]), Rows.doubles(rnd, shapes[r][1])};
        }
        return rows;
    }
}
