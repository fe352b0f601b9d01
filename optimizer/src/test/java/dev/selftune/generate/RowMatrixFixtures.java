package dev.selftune.generate;

import dev.selftune.generate.jamspecimens.RowMatrix;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Random;

/** Random EJML-shaped matrices and alias-keeping copies, for the unroll-and-jam and row-accumulate tests. */
final class RowMatrixFixtures {
    private RowMatrixFixtures() { }

    /* Gaussian values with about one NaN in ten, so a changed order of operations shows in the bits. */
    static RowMatrix random(Random r, int rows, int cols) {
        RowMatrix m = new RowMatrix(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = r.nextInt(10) == 0 ? Double.NaN : r.nextGaussian() * 1e3;
        }
        return m;
    }

    /* Deep copies that keep identity between arguments and their arrays (c == a, c.data == b.data stay so). */
    static RowMatrix[] copies(RowMatrix a, RowMatrix b, RowMatrix c) {
        Map<Object, Object> seen = new IdentityHashMap<>();
        RowMatrix[] out = new RowMatrix[3];
        RowMatrix[] in = {a, b, c};
        for (int i = 0; i < 3; i++) {
            out[i] = (RowMatrix) seen.computeIfAbsent(in[i], o -> {
                RowMatrix m = (RowMatrix) o;
                RowMatrix x = new RowMatrix(0, 0);
                x.numRows = m.numRows;
                x.numCols = m.numCols;
                x.data = m.data == null ? null : (double[]) seen.computeIfAbsent(m.data, d -> ((double[]) d).clone());
                return x;
            });
        }
        return out;
    }

    /* rows x cols values as above; when broken, one row is short, null or missing, so reads throw part-way. */
    static double[][] ragged(Random r, int rows, int cols, boolean broken) {
        double[][] a = new double[rows][];
        for (int i = 0; i < rows; i++) {
            a[i] = new double[cols];
            for (int k = 0; k < cols; k++) {
                a[i][k] = r.nextInt(10) == 0 ? Double.NaN : r.nextGaussian() * 1e3;
            }
        }
        if (broken && rows > 0) {
            int i = r.nextInt(rows);
            int how = r.nextInt(3);
            a[i] = how == 0 ? null : how == 1 ? new double[Math.max(0, cols - 1)] : a[i];
            if (how == 2) {
                a = java.util.Arrays.copyOf(a, rows - 1);
            }
        }
        return a;
    }

    /* A copy of every row; rows that were one object stay one object. */
    static double[][] deepCopy(double[][] a) {
        Map<double[], double[]> seen = new IdentityHashMap<>();
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] == null ? null : seen.computeIfAbsent(a[i], double[]::clone);
        }
        return out;
    }
}
