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
    private SignalLevelInputs() {
    }

    /**
     * Buffers of 16, 1024 and 65536 samples at 48 kHz with a few equaliser settings, a pooled buffer
     * longer than the samples in use, and an empty one.
     */
    public static Object[][] rows() {
        Random rnd = new Random(Rows.SEED);
        List<Object[]> rows = new ArrayList<>();
        int[] lengths = {16, 1024, 65536};
        double[][] bands = {{1_000, 6, 0.7}, {120, -3, 1.4}, {8_000, 12, 4}};
        for (int i = 0; i < lengths.length; i++) {
            double[] band = bands[i];
            rows.add(new Object[] {new Signal(Rows.doubles(rnd, lengths[i]), lengths[i], 48_000, band[0], band[1], band[2])});
        }
        rows.add(new Object[] {new Signal(Rows.doubles(rnd, 4096), 3000, 44_100, 440, 3, 0.5)});
        rows.add(new Object[] {new Signal(new double[0], 0, 48_000, 1_000, 0, 1)});
        return rows.toArray(Object[][]::new);
    }
}
