package org.example7;

import java.util.Random;

/** Realistic calls for a fourth set of published library methods (session 27): Guava, RoaringBitmap, commons-compress. */
public final class Pub4Rows {
    private Pub4Rows() { }

    private static final int[] SIZES = {1, 7, 100, 1000, 10000, 100000};

    /**
     * Ints.max(int...) and Util.partialRadixSort(int[]) (RoaringBitmap sorts the values it is about to add by
     * their high 16 bits): non-empty arrays of random ints.
     */
    public static Object[][] ints() {
        Random r = new Random(7);
        Object[][] rows = new Object[SIZES.length][];
        for (int k = 0; k < SIZES.length; k++) rows[k] = new Object[] {r.ints(SIZES[k]).toArray()};
        return rows;
    }

    /** Doubles.max(double...): a non-empty array. */
    public static Object[][] doubles() {
        Random r = new Random(7);
        Object[][] rows = new Object[SIZES.length][];
        for (int k = 0; k < SIZES.length; k++) rows[k] = new Object[] {r.doubles(SIZES[k], -1e6, 1e6).toArray()};
        return rows;
    }

    /** Longs.indexOf(long[], long): the target near the end, in the middle, or absent. */
    public static Object[][] longsAndTarget() {
        Random r = new Random(7);
        Object[][] rows = new Object[SIZES.length * 3][];
        for (int k = 0; k < SIZES.length; k++) {
            long[] a = r.longs(SIZES[k], 0, 1L << 40).toArray();
            rows[3 * k] = new Object[] {a, a[a.length - 1]};
            rows[3 * k + 1] = new Object[] {a, a[a.length / 2]};
            rows[3 * k + 2] = new Object[] {a, -1L};
        }
        return rows;
    }

    /** Ints.reverse(int[], from, to): whole arrays and inner ranges. */
    public static Object[][] intsAndRange() {
        Random r = new Random(7);
        Object[][] rows = new Object[SIZES.length * 2][];
        for (int k = 0; k < SIZES.length; k++) {
            int n = SIZES[k];
            rows[2 * k] = new Object[] {r.ints(n).toArray(), 0, n};
            rows[2 * k + 1] = new Object[] {r.ints(n).toArray(), n / 4, n - n / 4};
        }
        return rows;
    }

    /** Util.fillArrayAND(char[] out, long[] a, long[] b): two containers' 1024 words, sparse to dense, and room for their AND. */
    public static Object[][] bitmapPairs() {
        Random r = new Random(7);
        double[] density = {0.001, 0.01, 0.1, 0.5, 0.9};
        Object[][] rows = new Object[density.length][];
        for (int k = 0; k < density.length; k++) {
            long[] a = bitmap(r, density[k]);
            long[] b = bitmap(r, density[k]);
            int card = 0;
            for (int w = 0; w < a.length; w++) card += Long.bitCount(a[w] & b[w]);
            rows[k] = new Object[] {new char[card], a, b};
        }
        return rows;
    }

    private static long[] bitmap(Random r, double density) {
        long[] m = new long[1024];
        for (int bit = 0; bit < 65536; bit++) if (r.nextDouble() < density) m[bit >>> 6] |= 1L << bit;
        return m;
    }

    /** Util.unsignedIntersect2by2(set1, length1, set2, length2, buffer): two sorted char sets and room for the result. */
    public static Object[][] sortedCharSets() {
        Random r = new Random(7);
        int[][] lens = {{0, 10}, {16, 16}, {100, 1000}, {1000, 1000}, {4000, 2000}};
        Object[][] rows = new Object[lens.length][];
        for (int k = 0; k < lens.length; k++) {
            char[] a = sortedChars(r, lens[k][0]);
            char[] b = sortedChars(r, lens[k][1]);
            rows[k] = new Object[] {a, a.length, b, b.length, new char[Math.min(a.length, b.length)]};
        }
        return rows;
    }

    private static char[] sortedChars(Random r, int n) {
        return r.ints(0, 65536).distinct().limit(n).sorted().collect(StringBuilder::new, (s, c) -> s.append((char) c), StringBuilder::append)
                .toString().toCharArray();
    }

    /** ByteUtils.fromLittleEndian(byte[], off, length): one to eight bytes at offsets of a buffer. */
    public static Object[][] bytesAndRange() {
        Random r = new Random(7);
        Object[][] rows = new Object[24][];
        for (int k = 0; k < rows.length; k++) {
            byte[] b = new byte[64];
            r.nextBytes(b);
            rows[k] = new Object[] {b, r.nextInt(56), 1 + k % 8};
        }
        return rows;
    }
}
