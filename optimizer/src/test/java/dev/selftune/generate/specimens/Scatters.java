package dev.selftune.generate.specimens;

/** Scatter updates (counts[key]++) as histograms and bucket sums are written; privatise-scatter runs on these. */
public final class Scatters {
    private Scatters() { }

    /** The samples' Histogram: a fresh table, keys always in range. */
    public static int[] histogram(int[] values, int bins) {
        if (bins < 1 || bins > 1 << 20) {
            throw new IllegalArgumentException("bins must be in 1..2^20");
        }
        int[] counts = new int[bins];
        for (int v : values) {
            counts[Math.floorMod(v, bins)]++;
        }
        return counts;
    }

    /** Counts into the caller's table: keys may be out of range (the earlier counts stay), keys may be the table. */
    public static void countInto(int[] keys, int[] counts) {
        for (int i = 0; i < keys.length; i++) {
            counts[keys[i] & 63]++;
        }
    }

    /** Long bucket sums written out in full (t[k] = t[k] + e), weights possibly the table itself or short. */
    public static void sumInto(int[] keys, long[] weights, long[] sums) {
        for (int i = 0; i < keys.length; i++) {
            sums[keys[i] & 31] = sums[keys[i] & 31] + weights[i] * 3;
        }
    }

    /** A fresh table whose keys can be out of range: the exception must be the same. */
    public static int[] rawCounts(byte[] keys, int n) {
        int[] counts = new int[n & 255];
        for (int i = 0; i < keys.length; i++) {
            counts[keys[i] + 128] += i;
        }
        return counts;
    }

    /** Byte-value counts in a short[] (they wrap past 32767, as the original's do). */
    public static short[] shortCounts(byte[] data) {
        short[] counts = new short[256];
        for (int i = 0; i < data.length; i++) {
            counts[data[i] & 0xFF]++;
        }
        return counts;
    }

    /** Into the caller's byte[] table, keys possibly out of range or the table itself. */
    public static void byteCountsInto(byte[] keys, byte[] counts) {
        for (int i = 0; i < keys.length; i++) {
            counts[keys[i] & 15] += 3;
        }
    }

    /** Refused: the loop reads the table it scatters into. */
    public static int[] readsTable(int[] keys) {
        int[] counts = new int[16];
        int s = 0;
        for (int i = 0; i < keys.length; i++) {
            counts[keys[i] & 15]++;
            s += counts[0];
        }
        counts[1] = s;
        return counts;
    }

    /** Refused: the table is a parameter and the keys come through rows, which no identity check covers. */
    public static void rowsInto(int[][] rows, int[] counts) {
        for (int i = 0; i < rows.length; i++) {
            counts[rows[i][0] & 7]++;
        }
    }
}
