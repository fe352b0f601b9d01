package dev.selftune.samples.inputs;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Calls of {@code StridedVectors.sum} and {@code axpy} as a numerical code makes them: contiguous
 * slices (increment 1) in 19 of every 20 calls, a matrix column (increment = the row width) in the
 * twentieth. {@code --inputs dev.selftune.samples.inputs.StridedVectorsInputs#sumRows} (or {@code #axpyRows}).
 */
public final class StridedVectorsInputs {
    /* 120 calls; the first 64 are the ones measured, so their sizes are the workload's mix. */
    static final int CALLS = 120;
    static final int WIDTH = 64;

    private StridedVectorsInputs() {
    }

    /** Rows {@code (double[] x, int offset, int stride, int n)}: 114 with stride 1, 6 column sums with stride 64. */
    public static Object[][] sumRows() {
        Random rnd = new Random(Rows.SEED);
        List<Object[]> rows = new ArrayList<>();
        for (int r = 0; r < CALLS; r++) {
            if (column(r)) {
                rows.add(new Object[] {Rows.doubles(rnd, WIDTH * WIDTH), r % WIDTH, WIDTH, WIDTH});
            } else {
                int n = length(r);
                int offset = r % 5;
                rows.add(new Object[] {Rows.doubles(rnd, offset + n + r % 3), offset, 1, n});
            }
        }
        return rows.toArray(Object[][]::new);
    }

    /** Rows {@code (n, alpha, x, offX, incX, y, offY, incY)}: 114 contiguous, 6 updating a matrix column from a vector. */
    public static Object[][] axpyRows() {
        Random rnd = new Random(Rows.SEED + 1);
        List<Object[]> rows = new ArrayList<>();
        for (int r = 0; r < CALLS; r++) {
            double alpha = rnd.nextDouble() * 2 - 1;
            if (column(r)) {
                rows.add(new Object[] {WIDTH, alpha, Rows.doubles(rnd, WIDTH), 0, 1,
                    Rows.doubles(rnd, WIDTH * WIDTH), r % WIDTH, WIDTH});
            } else {
                int n = length(r);
                int offX = r % 3;
                int offY = r % 4;
                rows.add(new Object[] {n, alpha, Rows.doubles(rnd, offX + n), offX, 1, Rows.doubles(rnd, offY + n), offY, 1});
            }
        }
        return rows.toArray(Object[][]::new);
    }

    private static boolean column(int r) {
        return r % 20 == 19;
    }

    /* Mostly mid-sized vectors, a long one every eighth call, a few short and empty ones. */
    private static int length(int r) {
        return r % 8 == 0 ? 65536 : r % 8 < 4 ? 4096 : r % 8 == 7 ? r % 3 : 16 + 7 * r;
    }
}
