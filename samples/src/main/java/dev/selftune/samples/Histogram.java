package dev.selftune.samples;

import java.util.Arrays;
import dev.selftune.samples.inputs.Rows;
import java.util.Random;

/**
 * Counts values into {@code bins} buckets by {@code Math.floorMod(value, bins)}.
 *
 * <p>Run: {@code java -cp samples/target/samples.jar dev.selftune.samples.Histogram 65536 256}
 */
public final class Histogram {
    /** Largest bin count accepted, so a stray argument cannot ask for gigabytes of counters. */
    public static final int MAX_BINS = 1 << 20;

    private Histogram() {
    }

    /*
     * Implementation note: each value costs an integer division (floorMod), tens of cycles, and an
     * increment whose address depends on the data; repeated bins serialise through memory. Those
     * are the two costs a hand-tuned version attacks (a mask for power-of-two bin counts, several
     * count arrays merged at the end).
     */

    /**
     * Returns a fresh {@code int[bins]} where element {@code b} counts the values with
     * {@code Math.floorMod(v, bins) == b}.
     *
     * @throws IllegalArgumentException if {@code bins} is not in {@code 1..MAX_BINS}
     */
    public static int[] histogram(int[] values, int bins) {
        if (bins < 1 || bins > MAX_BINS) {
            throw new IllegalArgumentException("bins is " + bins + ", must be between 1 and " + MAX_BINS);
        }
        int[] counts = new int[bins];
        for (int v : values) {
            counts[Math.floorMod(v, bins)]++;
        }
        return counts;
    }

    public static void main(String[] args) {
        int n = Demo.sizeArg(args, 65536);
        int bins = args.length > 1 ? Integer.parseInt(args[1]) : 256;
        int[] values = Rows.ints(new Random(42), n, 0);
        Demo.time("histogram(" + n + ", " + bins + ") max count",
                () -> Arrays.stream(histogram(values, bins)).max().orElse(0));
    }
}
