import java.util.Random;

/**
 * Arguments for commons-math's {@code MathArrays.convolve(double[] x, double[] h)}: a signal of 64 to
 * 20000 samples and an FIR filter of 8 to 64 taps, as a filtering caller passes them. {@code rows()} is the
 * provider; {@code rows(seed)} gives fresh inputs.
 */
public final class ConvolveRows {
    private ConvolveRows() { }

    public static Object[][] rows() {
        return rows(1);
    }

    public static Object[][] rows(long seed) {
        Random r = new Random(seed);
        int[][] shapes = {{64, 8}, {1000, 16}, {10000, 32}, {20000, 64}};
        Object[][] rows = new Object[shapes.length][];
        for (int i = 0; i < shapes.length; i++) {
            double[] x = new double[shapes[i][0]];
            double[] h = new double[shapes[i][1]];
            for (int j = 0; j < x.length; j++) {
                x[j] = Math.sin(j * 0.01) + 0.1 * r.nextGaussian();
            }
            for (int j = 0; j < h.length; j++) {
                h[j] = 1.0 / h.length + 0.01 * r.nextGaussian();
            }
            rows[i] = new Object[] {x, h};
        }
        return rows;
    }
}
