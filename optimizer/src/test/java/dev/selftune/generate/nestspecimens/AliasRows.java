package dev.selftune.generate.nestspecimens;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * {@code --inputs} rows for {@code matmulInto(a, b, c)} on both sides of an alias guard: clean
 * square matrices, and every way the guard must refuse (the output is an input, shares a row
 * with one or with itself, a ragged, short or null row, a null matrix).
 */
public final class AliasRows {
    private AliasRows() { }

    public static Object[][] rows() {
        Random r = new Random(11);
        List<Object[]> out = new ArrayList<>();
        for (int n : new int[] {1, 2, 3, 5, 8}) {
            out.add(new Object[] {m(n, n, r), m(n, n, r), m(n, n, r)});
        }
        double[][] a = m(4, 4, r);
        out.add(new Object[] {a, m(4, 4, r), a});                      // c is a
        double[][] b = m(4, 4, r);
        out.add(new Object[] {m(4, 4, r), b, b});                      // c is b
        double[][] c = m(4, 4, r);
        double[][] a2 = m(4, 4, r);
        c[2] = a2[1];
        out.add(new Object[] {a2, m(4, 4, r), c});                     // c shares a row with a
        double[][] c2 = m(4, 4, r);
        c2[3] = c2[0];
        out.add(new Object[] {m(4, 4, r), m(4, 4, r), c2});            // c shares a row with itself
        double[][] bShort = m(4, 4, r);
        bShort[3] = new double[2];
        out.add(new Object[] {m(4, 4, r), bShort, m(4, 4, r)});        // a short row: AIOOBE after partial writes
        double[][] aNull = m(4, 4, r);
        aNull[2] = null;
        out.add(new Object[] {aNull, m(4, 4, r), m(4, 4, r)});         // a null row: NPE after partial writes
        out.add(new Object[] {null, m(3, 3, r), m(3, 3, r)});          // a null matrix
        out.add(new Object[] {m(3, 3, r), m(3, 3, r), new double[0][]});  // empty output
        double[][] same = m(3, 3, r);
        out.add(new Object[] {same, same, m(3, 3, r)});                // a is b: only reads alias, the fast path is exact
        return out.toArray(Object[][]::new);
    }

    private static double[][] m(int rows, int cols, Random r) {
        double[][] x = new double[rows][cols];
        for (double[] row : x) {
            for (int j = 0; j < cols; j++) {
                row[j] = r.nextInt(7) == 0 ? -0.0 : r.nextDouble() * 4 - 2;
            }
        }
        return x;
    }
}
