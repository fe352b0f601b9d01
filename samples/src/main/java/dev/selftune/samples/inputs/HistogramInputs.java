package dev.selftune.samples.inputs;

import java.util.Random;

/** Values with bin counts a caller would use, for {@code Histogram.histogram}: {@code --inputs dev.selftune.samples.inputs.HistogramInputs#rows}. */
public final class HistogramInputs {
    private HistogramInputs() {
    }

    /** Rows {@code (int[] values, int bins)}: full-range and small signed values, 1 to 1000 bins, up to 65536 values. */
    public static Object[][] rows() {
        Random rnd = new Random(Rows.SEED);
        return new Object[][] {
            {Rows.ints(rnd, 16, 0), 1},
            {Rows.ints(rnd, 1000, 100), 10},
            {Rows.ints(rnd, 65536, 0), 256},
            {Rows.ints(rnd, 65536, 100_000), 1000},
        };
    }
}
