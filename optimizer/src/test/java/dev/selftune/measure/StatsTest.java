package dev.selftune.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.Speedup;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void pairedSpeedup_identicalArrays_intervalIsExactlyOne() {
        double[] a = {100, 103, 98, 101, 99};
        Speedup s = Stats.pairedSpeedup(a, a.clone(), 0.95);
        assertEquals(1.0, s.ratio(), 1e-12);
        assertTrue(s.low() <= 1.0 && s.high() >= 1.0, s.toString());
        assertFalse(s.excludesOne());
    }

    @Test
    void pairedSpeedup_clearTwoX_excludesOne() {
        double[] base = {200, 210, 195, 205, 199, 202};
        double[] cand = {100, 104, 99, 101, 100, 100};
        Speedup s = Stats.pairedSpeedup(base, cand, 0.95);
        assertEquals(2.0, s.ratio(), 0.03);
        assertTrue(s.low() > 1.9 && s.high() < 2.1, s.toString());
    }

    @Test
    void pairedSpeedup_knownData_matchesHandComputedInterval() {
        // log ratios ln2, ln4 -> mean ln(2.828), sd ln2/sqrt2, se ln2/2; t(0.975, 1) = 12.7062
        Speedup s = Stats.pairedSpeedup(new double[] {2, 4}, new double[] {1, 1}, 0.95);
        double mean = (Math.log(2) + Math.log(4)) / 2;
        double half = 12.706204736 * Math.log(2) / 2;
        assertEquals(Math.sqrt(8), s.ratio(), 1e-9);
        assertEquals(Math.exp(mean - half), s.low(), 1e-6);
        assertEquals(Math.exp(mean + half), s.high(), 1e-6);
    }

    @Test
    void pairedSpeedup_pureNoise_rarelyExcludesOne() {
        Random r = new Random(7);
        int excluded = 0;
        for (int trial = 0; trial < 400; trial++) {
            double[] a = new double[6];
            double[] b = new double[6];
            for (int i = 0; i < 6; i++) {
                double drift = 100 + 10 * r.nextGaussian();   // shared by the pair: pairing removes it
                a[i] = drift * Math.exp(0.03 * r.nextGaussian());
                b[i] = drift * Math.exp(0.03 * r.nextGaussian());
            }
            if (Stats.pairedSpeedup(a, b, 0.95).excludesOne()) {
                excluded++;
            }
        }
        assertTrue(excluded < 40, "95% intervals excluded 1.0 in " + excluded + " of 400 null trials");
    }

    @Test
    void pairedSpeedup_sharedDrift_pairingStillFindsEffect() {
        Random r = new Random(11);
        double[] a = new double[8];
        double[] b = new double[8];
        for (int i = 0; i < 8; i++) {
            double machine = 100 * (1 + i * 0.2);   // the machine slows down 20% per pair
            a[i] = machine * Math.exp(0.01 * r.nextGaussian());
            b[i] = machine / 1.3 * Math.exp(0.01 * r.nextGaussian());
        }
        Speedup paired = Stats.pairedSpeedup(a, b, 0.95);
        Speedup unpaired = Stats.unpairedSpeedup(a, b, 0.95);
        assertTrue(paired.low() > 1.2, paired.toString());
        assertTrue(unpaired.high() - unpaired.low() > paired.high() - paired.low(), unpaired + " vs " + paired);
    }

    @Test
    void unpairedSpeedup_clearTwoX_excludesOne() {
        Speedup s = Stats.unpairedSpeedup(new double[] {200, 205, 198}, new double[] {100, 99, 102, 101}, 0.95);
        assertTrue(s.low() > 1.8 && s.high() < 2.2, s.toString());
    }

    @Test
    void pairedSpeedup_badInput_namesTheProblem() {
        assertThrows(IllegalArgumentException.class, () -> Stats.pairedSpeedup(new double[] {1, 2}, new double[] {1}, 0.95));
        assertThrows(IllegalArgumentException.class, () -> Stats.pairedSpeedup(new double[] {1}, new double[] {1}, 0.95));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Stats.pairedSpeedup(new double[] {1, Double.NaN}, new double[] {1, 1}, 0.95));
        assertTrue(e.getMessage().contains("baseline fork score 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Stats.pairedSpeedup(new double[] {1, 2}, new double[] {1, 2}, 1.0));
    }

    @Test
    void geometricMean_ofRatios_isNthRootOfProduct() {
        assertEquals(2.0, Stats.geometricMean(new double[] {1, 4}), 1e-12);
    }
}
