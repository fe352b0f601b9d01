package dev.selftune.generate.specimens;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** {@code --inputs} rows for {@link Strided}: calls as BLAS callers make them, or with the stride spread out. */
public final class StridedRows {
    private StridedRows() { }

    /** 120 calls of {@code sum(x, offset, stride, n)}: stride 1 in 114 (95%), 2 or 3 in the rest; offsets and lengths vary. */
    public static Object[][] sumRows() {
        return sum(r -> r % 20 == 7 ? 2 + r % 2 : 1);
    }

    /** 120 calls whose stride takes 7 values, none in more than a fifth of them. */
    public static Object[][] spreadRows() {
        return sum(r -> 1 + r % 7);
    }

    /** 120 calls, every one with stride 1: the fallback side comes only from the verifier's own rows. */
    public static Object[][] unitRows() {
        return sum(r -> 1);
    }

    private static Object[][] sum(java.util.function.IntUnaryOperator strideOf) {
        Random rnd = new Random(5);
        List<Object[]> rows = new ArrayList<>();
        for (int r = 0; r < 120; r++) {
            int stride = strideOf.applyAsInt(r);
            int n = rnd.nextInt(40);
            int offset = rnd.nextInt(5);
            double[] x = new double[offset + Math.max(0, n - 1) * stride + 1 + rnd.nextInt(3)];
            for (int i = 0; i < x.length; i++) {
                x[i] = rnd.nextDouble() * 2 - 1;
            }
            rows.add(new Object[] {x, offset, stride, n});
        }
        return rows.toArray(Object[][]::new);
    }
}
