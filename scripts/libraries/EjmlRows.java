import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/**
 * Arguments for EJML's {@code MatrixMatrixMult_DDRM.mult_small(a, b, c)} (c = a·b, row-major
 * {@code DMatrixRMaj}): square 4 to 64 and rectangular shapes, as EJML picks this kernel for small
 * and medium matrices. {@code rows()} is the provider; {@code rows(seed)} gives fresh inputs.
 */
public final class EjmlRows {
    private EjmlRows() { }

    public static Object[][] rows() {
        return rows(1);
    }

    public static Object[][] rows(long seed) {
        Random r = new Random(seed);
        int[][] shapes = {{4, 4, 4}, {8, 8, 8}, {16, 16, 16}, {32, 32, 32}, {64, 64, 64}, {20, 30, 10}, {6, 50, 6}};
        Object[][] rows = new Object[shapes.length][];
        for (int i = 0; i < shapes.length; i++) {
            int m = shapes[i][0];
            int k = shapes[i][1];
            int n = shapes[i][2];
            rows[i] = new Object[] {random(r, m, k), random(r, k, n), new DMatrixRMaj(m, n)};
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
