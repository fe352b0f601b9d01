package dev.selftune.samples;

/**
 * {@link Histogram#histogram} with a mask instead of a division when {@code bins} is a power of two
 * ({@code floorMod(v, 2^k) == v & (2^k − 1)} for every int v), and two interleaved count arrays so
 * that runs of equal bins do not serialise on one counter.
 */
public final class HistogramHand {
    private HistogramHand() {
    }

    public static int[] histogram(int[] values, int bins) {
        if (bins < 1 || bins > Histogram.MAX_BINS) {
            throw new IllegalArgumentException("bins is " + bins + ", must be between 1 and " + Histogram.MAX_BINS);
        }
        int[] even = new int[bins];
        int[] odd = new int[bins];
        int n = values.length;
        int i = 0;
        if ((bins & (bins - 1)) == 0) {
            int mask = bins - 1;
            for (; i + 1 < n; i += 2) {
                even[values[i] & mask]++;
                odd[values[i + 1] & mask]++;
            }
        } else {
            for (; i + 1 < n; i += 2) {
                even[Math.floorMod(values[i], bins)]++;
                odd[Math.floorMod(values[i + 1], bins)]++;
            }
        }
        if (i < n) {
            even[Math.floorMod(values[i], bins)]++;
        }
        for (int b = 0; b < bins; b++) {
            even[b] += odd[b];
        }
        return even;
    }
}
