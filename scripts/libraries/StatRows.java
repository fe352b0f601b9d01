import java.util.Random;

/**
 * Arguments for commons-math's {@code StatUtils.sumDifference(double[] sample1, double[] sample2)}: paired
 * samples (before/after measurements) from 16 to 100000 values. {@code rows()} is the provider;
 * {@code rows(seed)} gives fresh inputs.
 */
public final class StatRows {
    private StatRows() { }

    public static Object[][] rows() {
        return rows(1);
    }

    public static Object[][] rows(long seed) {
        Random r = new Random(seed);
        int[] sizes = {16, 1000, 10000, 100000};
        Object[][] rows = new Object[sizes.length][];
        for (int i = 0; i < sizes.length; i++) {
            double[] a = new double[sizes[i]];
            double[] b = new double[sizes[i]];
            for (int j = 0; j < a.length; j++) {
                a[j] = 50 + 10 * r.nextGaussian();
                b[j] = a[j] + r.nextGaussian();
            }
            rows[i] = new Object[] {a, b};
        }
        return rows;
    }
}
