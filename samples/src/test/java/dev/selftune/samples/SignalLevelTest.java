package dev.selftune.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.selftune.samples.inputs.SignalLevelInputs;
import org.junit.jupiter.api.Test;

class SignalLevelTest {
    @Test
    void energy_zeroGainBand_isTheSumOfSquares() {
        Signal s = new Signal(new double[] {1, -2, 3, 99}, 3, 48_000, 1_000, 0, 0.7);
        assertEquals(14.0, SignalLevel.energy(s), 1e-12);
    }

    @Test
    void bandGain_atTheCentre_isTheBandsGain() {
        assertEquals(Math.pow(10, 6 / 20.0), SignalLevel.bandGain(48_000, 1_000, 6, 0.7, 1_000), 1e-9);
        assertEquals(1.0, SignalLevel.bandGain(48_000, 1_000, 6, 0.7, 0), 1e-9, "a peaking band leaves DC alone");
    }

    @Test
    void bandGain_badSettings_areClampedNotNaN() {
        assertEquals(1.0, SignalLevel.bandGain(0, 1_000, 6, 0.7, 1_000));
        assertEquals(1.0, SignalLevel.bandGain(48_000, Double.NaN, 6, 0.7, 1_000));
        assertEquals(Math.pow(10, 48 / 20.0), SignalLevel.bandGain(48_000, 1_000, 500, 0.7, 1_000), 1e-6);
    }

    @Test
    void energy_lengthBeyondTheData_throwsAfterTheSamplesInUse() {
        assertThrows(ArrayIndexOutOfBoundsException.class,
                () -> SignalLevel.energy(new Signal(new double[2], 3, 48_000, 1_000, 0, 1)));
        assertEquals(0.0, SignalLevel.energy(new Signal(null, 0, 48_000, 1_000, 0, 1)), "no samples, no data needed");
        assertThrows(NullPointerException.class, () -> SignalLevel.energy(null));
    }

    @Test
    void rows_everyRow_isOneSignalWithinItsData() {
        Object[][] rows = SignalLevelInputs.rows();
        assertEquals(true, rows.length >= 100, "verification needs 100 checked inputs");
        for (Object[] row : rows) {
            Signal s = (Signal) row[0];
            assertEquals(1, row.length);
            assertEquals(true, s.data == null ? s.length == 0 : s.length <= s.data.length);
            assertEquals(true, Double.isFinite(SignalLevel.energy(s)));
        }
    }
}
