import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/**
 * Arguments for EJML's {@code MatrixMatrixMult_DDRM.mult_small(a, b, c)} (c = a·b, row-major
 * {@code DMatrixRMaj}): square 4 to 64 and rectangular shapes, as EJML picks this kernel for small
 * and medium matrices. {@code rows()} is the provider; {@code rows(seed)} gives fresh inputs.
 */
public final class EjmlRows {
    private EjmlRows() { }

    static final int REPEATS = 15;

    public static Object[][] rows() {
        return rows(1);
    }

    public static Object[][] rows(long seed) {
        Random r = new Random(seed);
        int[][] shapes = {{4, 4, 4}, {8, 8, 8}, {16, 16, 16}, {32, 32, 32}, {64, 64, 64}, {20, 30, 10}, {6, 50, 6}};
        // the same shapes repeated with fresh values: verification needs at least 100 rows when the
        // parameters cannot be generated (DMatrixRMaj), and JMH's first 64 keep this mix
        Object[][] rows = new Object[shapes.length * REPEATS][];
        for (int i = 0; i < rows.length; i++) {
            int[] s = shapes[i % shapes.length];
            rows[i] = new Object[] {random(r, s[0], s[1]), random(r, s[1], s[2]), new DMatrixRMaj(s[0], s[2])};
        }
        return rows;
    }

    private static DMatrixRMaj random(Random r, int rows, int cols) {
        DMatrixRMaj a = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < a.data.length; i++) {
            a.data[i] = r.nextDouble() * 2 - 1;
        }
        return a;
    }
}
