package dev.selftune.verify.specimens;

import java.util.ArrayList;
import java.util.List;

/** A matrix class of the application's own, as a linear-algebra library has, and methods that take it. */
public final class Matrices {
    /** Row-major data with its dimensions: the ints are structure, the doubles data. */
    public static final class Mat {
        final int rows;
        final int cols;
        final double[][] data;
        double scale = 1.0;

        public Mat(double[][] data) {
            this.rows = data.length;
            this.cols = data.length == 0 ? 0 : data[0].length;
            this.data = data;
        }
    }

    /** A matrix that also keeps a JDK list: its insides are closed to reflection, so it cannot be copied. */
    public static final class Tagged {
        final Mat m;
        final List<String> tags = new ArrayList<>();

        public Tagged(Mat m) {
            this.m = m;
        }
    }

    private Matrices() { }

    /** The trace times the scale; throws on a non-square matrix. */
    public static double trace(Mat m) {
        if (m.rows != m.cols) {
            throw new IllegalArgumentException("not square");
        }
        double t = 0;
        for (int i = 0; i < m.rows; i++) {
            t += m.data[i][i];
        }
        return t * m.scale;
    }

    public static double taggedTrace(Tagged t) {
        return trace(t.m);
    }

    static double[][] grid(int n, double base) {
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                d[i][j] = base + i - j;
            }
        }
        return d;
    }

    /** Four caller rows, one of them two arguments that share a matrix. */
    public static Object[][] fourMatrices() {
        return new Object[][] {{new Mat(grid(2, 1))}, {new Mat(grid(3, -2))}, {new Mat(grid(5, 0.5))}, {new Mat(new double[][] {{1, 2, 3}})}};
    }

    public static Object[][] fourTagged() {
        Object[][] m = fourMatrices();
        Object[][] out = new Object[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = new Object[] {new Tagged((Mat) m[i][0])};
        }
        return out;
    }
}
