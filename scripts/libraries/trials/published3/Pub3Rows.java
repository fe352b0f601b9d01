package org.example6;

import java.util.Random;
import org.apache.lucene.util.BytesRef;

/** Realistic calls for a third set of published library methods (session 26). */
public final class Pub3Rows {
    private Pub3Rows() { }

    static double[] doubles(Random r, int n) { double[] a = new double[n]; for (int i = 0; i < n; i++) a[i] = r.nextDouble() * 2 - 1; return a; }
    static double[][] matrix(Random r, int m, int n) { double[][] a = new double[m][]; for (int i = 0; i < m; i++) a[i] = doubles(r, n); return a; }

    /** dot/cor(double[], double[]): cor needs at least three values. */
    public static Object[][] doublePairs() {
        Random r = new Random(7);
        int[] ns = {3, 16, 1000, 10000, 100000};
        Object[][] rows = new Object[ns.length][];
        for (int k = 0; k < ns.length; k++) rows[k] = new Object[] {doubles(r, ns[k]), doubles(r, ns[k])};
        return rows;
    }

    /** cov(double[][] data, double[] mu): a data set and its column means. */
    public static Object[][] dataAndMeans() {
        Random r = new Random(7);
        int[][] mn = {{2, 1}, {10, 3}, {1000, 8}, {2000, 32}, {500, 100}};
        Object[][] rows = new Object[mn.length][];
        for (int k = 0; k < mn.length; k++) {
            double[][] x = matrix(r, mn[k][0], mn[k][1]);
            double[] mu = new double[mn[k][1]];
            for (double[] row : x) for (int j = 0; j < mu.length; j++) mu[j] += row[j] / x.length;
            rows[k] = new Object[] {x, mu};
        }
        return rows;
    }

    /** colSds(double[][]): many rows of a few to a hundred columns (at least two rows). */
    public static Object[][] tall() {
        Random r = new Random(7);
        int[][] mn = {{2, 1}, {10, 3}, {1000, 8}, {10000, 16}, {2000, 100}};
        Object[][] rows = new Object[mn.length][];
        for (int k = 0; k < mn.length; k++) rows[k] = new Object[] {matrix(r, mn[k][0], mn[k][1])};
        return rows;
    }

    /** dot(int[], int[]). */
    public static Object[][] intPairs() {
        Random r = new Random(7);
        int[] ns = {0, 1, 16, 1000, 10000, 100000};
        Object[][] rows = new Object[ns.length][];
        for (int k = 0; k < ns.length; k++) {
            int[] a = new int[ns[k]];
            int[] b = new int[ns[k]];
            for (int i = 0; i < a.length; i++) { a[i] = r.nextInt(2001) - 1000; b[i] = r.nextInt(2001) - 1000; }
            rows[k] = new Object[] {a, b};
        }
        return rows;
    }

    static String word(Random r, int n) {
        char[] c = new char[n];
        for (int i = 0; i < n; i++) c[i] = (char) ('a' + r.nextInt(6));
        return new String(c);
    }

    /** getLevenshteinDistance(CharSequence, CharSequence): words and lines, as a spelling or diff tool compares them. */
    public static Object[][] words() {
        Random r = new Random(7);
        int[][] mn = {{0, 0}, {0, 5}, {1, 1}, {5, 7}, {12, 10}, {40, 45}, {200, 180}, {600, 640}};
        Object[][] rows = new Object[mn.length][];
        for (int k = 0; k < mn.length; k++) rows[k] = new Object[] {word(r, mn[k][0]), word(r, mn[k][1])};
        return rows;
    }

    /** countMatches(CharSequence, char): a line or a document and a separator. */
    public static Object[][] textAndChar() {
        Random r = new Random(7);
        int[] ns = {0, 1, 80, 1000, 10000, 100000};
        Object[][] rows = new Object[ns.length][];
        for (int k = 0; k < ns.length; k++) rows[k] = new Object[] {word(r, ns[k]), 'c'};
        return rows;
    }

    /** bytesDifference(BytesRef, BytesRef): sorted terms sharing prefixes (the two must differ, the left sorting first). */
    public static Object[][] bytesRefs() {
        Random r = new Random(7);
        int[] ns = {1, 4, 16, 100, 1000, 10000};
        Object[][] rows = new Object[ns.length][];
        for (int k = 0; k < ns.length; k++) {
            byte[] a = new byte[ns[k] + 1];
            for (int i = 0; i < ns[k]; i++) a[i] = (byte) ('a' + r.nextInt(26));
            byte[] b = a.clone();
            a[ns[k]] = 'a';
            b[ns[k]] = 'b';
            rows[k] = new Object[] {new BytesRef(a), new BytesRef(b)};
        }
        return rows;
    }
}
