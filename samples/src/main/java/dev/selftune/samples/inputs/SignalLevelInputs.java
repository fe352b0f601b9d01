package dev.selftune.samples.inputs;

import dev.selftune.samples.Signal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Calls of {@code SignalLevel.energy(s)} as a level meter makes them:
 * {@code --inputs dev.selftune.samples.inputs.SignalLevelInputs#rows}.
 */
public final class SignalLevelInputs {
    /* 120 calls; the first 64 are the ones measured, so their sizes are the workload's mix. */
    static final int CALLS = 120;
    private static final double[][] BANDS = {{1_000, 6, 0.7}, {120, -3, 1.4}, {8_000, 12, 4}, {440, 3, 0.5}};

    private SignalLevelInputs() {
    }

    /**
     * Buffers of 4096 samples, one of 65536 every eighth call, a few short and empty ones, at 48 or
     * 44.1 kHz with four equaliser settings; every fifth buffer is pooled (longer than the samples in
     * use). Past the measured rows, the edges: an empty buffer without an array, settings out of
     * range (NaN centre, zero rate, a 500 dB gain).
     */
    public static Object[][] rows() {
        Random rnd = new Random(Rows.SEED);
        List<Object[]> rows = new ArrayList<>();
        for (int r = 0; r < CALLS; r++) {
            int n = length(r);
            double[] band = BANDS[r % BANDS.length];
            double rate = r % 3 == 0 ? 44_100 : 48_000;
            double[] data = Rows.doubles(rnd, n + (r % 5 == 0 ? 100 : 0));
            rows.add(new Object[] {switch (r) {
                case 70 -> new Signal(null, 0, rate, band[0], band[1], band[2]);
                case 75 -> new Signal(data, n, rate, Double.NaN, band[1], band[2]);
                case 80 -> new Signal(data, n, 0, band[0], band[1], band[2]);
                case 85 -> new Signal(data, n, rate, band[0], 500, band[2]);
                default -> new Signal(data, n, rate, band[0], band[1], band[2]);
            }});
        }
        return rows.toArray(Object[][]::new);
    }

    /* Mostly 4096 samples, a long buffer every eighth call, a few short and empty ones. */
    private static int length(int r) {
        return r % 8 == 0 ? 65536 : r % 8 < 4 ? 4096 : r % 8 == 7 ? r % 3 : 16 + 7 * r;
    }
}
