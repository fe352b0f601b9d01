package dev.selftune.samples.inputs;

import java.util.Random;

/** Pairs of equal-length vectors for {@code DotProduct.dot}: {@code --inputs dev.selftune.samples.inputs.DotProductInputs#rows}. */
public final class DotProductInputs {
    private DotProductInputs() {
    }

    /** Rows {@code (double[] a, double[] b)} of lengths 1, 17, 1024 and 65536 (the measured size). */
    public static Object[][] rows() {
        Random rnd = new Random(Rows.SEED);
        int[] lengths = {1, 17, 1024, 65536};
        Object[][] rows = new Object[lengths.length][];
        for (int r = 0; r < lengths.length; r++) {
            rows[r] = new Object[] {Rows.doubles(rnd, lengths[r]), Rows.doubles(rnd, lengths[r])};
        }
        return rows;
    }
}
