import java.util.Random;
import org.apache.commons.math3.transform.DftNormalization;
import org.apache.commons.math3.transform.TransformType;

/**
 * Arguments for commons-math3's {@code FastFourierTransformer.transformInPlace(double[][] dataRI,
 * DftNormalization, TransformType)}: {real, imaginary} arrays of power-of-two lengths 16 to 4096, forward
 * and inverse, both normalisations. {@code rows()} is the provider; {@code rows(seed)} gives fresh inputs.
 */
public final class FftRows {
    private FftRows() { }

    static final int REPEATS = 11;

    public static Object[][] rows() {
        return rows(1);
    }

    public static Object[][] rows(long seed) {
        Random r = new Random(seed);
        int[] lengths = {16, 64, 256, 1024, 4096};
        // the same mix repeated with fresh signals: verification needs at least 100 rows when the
        // parameters cannot be generated (the enums), and JMH's first 64 keep this mix
        Object[][] rows = new Object[lengths.length * 2 * REPEATS][];
        int i = 0;
        for (int k = 0; k < REPEATS; k++) {
            for (int n : lengths) {
                rows[i++] = new Object[] {signal(r, n), DftNormalization.STANDARD, TransformType.FORWARD};
                rows[i++] = new Object[] {signal(r, n), DftNormalization.UNITARY, TransformType.INVERSE};
            }
        }
        return rows;
    }

    /** A sampled sum of a few sines plus noise, imaginary part zero (real input, as a signal is). */
    private static double[][] signal(Random r, int n) {
        double[] re = new double[n];
        double[] im = new double[n];
        double f1 = 1 + r.nextInt(n / 4);
        double f2 = 1 + r.nextInt(n / 4);
        for (int t = 0; t < n; t++) {
            re[t] = Math.sin(2 * Math.PI * f1 * t / n) + 0.5 * Math.cos(2 * Math.PI * f2 * t / n) + 0.1 * r.nextGaussian();
        }
        return new double[][] {re, im};
    }
}
