import java.util.Random;

/**
 * Argument providers for the Jama and Colt trials of docs/libraries.md ("Jama and Colt, tried as a new user
 * would"), outside tune-libraries.sh. Default package, no selftune dependency; compile against
 * jama-1.0.3.jar and colt-1.2.0.jar (the commands are in docs/libraries.md).
 */
public final class TrialRows {
    static double[][] rnd(Random r, int m, int n) {
        double[][] a = new double[m][n];
        for (double[] row : a) for (int j = 0; j < n; j++) row[j] = r.nextDouble() * 2 - 1;
        return a;
    }
    static final int[] SIZES = {4, 8, 16, 24, 32, 48, 64, 96};

    /** Jama Matrix#times(Matrix): receiver, argument. */
    public static Object[][] jamaTimes() {
        Random r = new Random(42);
        Object[][] rows = new Object[SIZES.length * 2 * 7][];
        int k = 0;
        for (int rep = 0; rep < 7; rep++) for (int n : SIZES) {
            rows[k++] = new Object[] {new Jama.Matrix(rnd(r, n, n)), new Jama.Matrix(rnd(r, n, n))};
            rows[k++] = new Object[] {new Jama.Matrix(rnd(r, n, n + 3)), new Jama.Matrix(rnd(r, n + 3, n / 2 + 1))};
        }
        return rows;
    }

    /** Jama Matrix#transpose(): receiver only. */
    public static Object[][] jamaTranspose() {
        Random r = new Random(7);
        int[] sizes = {3, 16, 31, 64, 100, 128, 256};
        Object[][] rows = new Object[105][];
        for (int i = 0; i < rows.length; i++) { int n = sizes[i % sizes.length]; rows[i] = new Object[] {new Jama.Matrix(rnd(r, n, i % 3 == 0 ? n + 5 : n))}; }
        return rows;
    }

    /* 105 lists of uniform doubles, 0 to 20000 long, from the given seed (the same values in the same order as before). */
    static double[][] colt(long seed) {
        Random r = new Random(seed);
        int[] sizes = {0, 1, 10, 100, 1000, 5000, 20000};
        double[][] out = new double[105][];
        for (int i = 0; i < out.length; i++) {
            out[i] = new double[sizes[i % sizes.length]];
            for (int j = 0; j < out[i].length; j++) out[i][j] = r.nextDouble();
        }
        return out;
    }

    /** Colt Descriptive#moment(DoubleArrayList, int k, double c): the third central moment, k = 3 and c = the mean, in every row. */
    public static Object[][] coltMoment3() {
        double[][] data = colt(5);
        Object[][] rows = new Object[data.length][];
        for (int i = 0; i < rows.length; i++) {
            double[] d = data[i];
            double sum = 0;
            for (double x : d) sum += x;
            rows[i] = new Object[] {new cern.colt.list.DoubleArrayList(d), 3, d.length == 0 ? 0.0 : sum / d.length};
        }
        return rows;
    }

    /** Colt Descriptive#sumOfSquares(DoubleArrayList). */
    public static Object[][] coltSumOfSquares() {
        double[][] data = colt(3);
        Object[][] rows = new Object[data.length][];
        for (int i = 0; i < rows.length; i++) rows[i] = new Object[] {new cern.colt.list.DoubleArrayList(data[i])};
        return rows;
    }

    /** Colt DenseDoubleMatrix2D#zMult(DoubleMatrix2D, DoubleMatrix2D, double, double, boolean, boolean). */
    public static Object[][] coltZMult() {
        Random r = new Random(5);
        Object[][] rows = new Object[SIZES.length * 13][];
        int k = 0;
        for (int rep = 0; rep < 13; rep++) for (int n : SIZES) {
            rows[k++] = new Object[] {new cern.colt.matrix.impl.DenseDoubleMatrix2D(rnd(r, n, n)),
                    new cern.colt.matrix.impl.DenseDoubleMatrix2D(rnd(r, n, n)),
                    new cern.colt.matrix.impl.DenseDoubleMatrix2D(n, n), 1.0, 0.0, false, false};
        }
        return rows;
    }
}
