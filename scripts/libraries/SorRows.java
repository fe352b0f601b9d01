import java.util.Random;

/**
 * Arguments for SciMark's {@code SOR.execute(double omega, double[][] G, int num_iterations)}: the
 * benchmark's own omega (1.25), its small (100x100) grid and two others, random values as SciMark fills
 * them. {@code rows()} is the provider; {@code rows(seed)} gives fresh inputs.
 */
public final class SorRows {
    private SorRows() { }

    public static Object[][] rows() {
        return rows(1);
    }

    public static Object[][] rows(long seed) {
        Random r = new Random(seed);
        int[] sides = {32, 100, 250};
        Object[][] rows = new Object[sides.length][];
        for (int i = 0; i < sides.length; i++) {
            double[][] g = new double[sides[i]][sides[i]];
            for (double[] row : g) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = r.nextDouble();
                }
            }
            rows[i] = new Object[] {1.25, g, 10};
        }
        return rows;
    }
}
