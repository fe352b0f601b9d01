package dev.selftune.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.Measurement;
import org.junit.jupiter.api.Test;

/** Two speeds across forks are told from one noisy speed, a single outlier and too few forks. */
class ForkModesTest {
    @Test
    void of_twoTightGroupsFarApart_areTwoSpeeds() {
        ForkModes m = ForkModes.of(new double[] {17.0, 10.0, 17.3, 10.2, 16.9, 10.1});
        assertEquals(3, m.fastForks());
        assertEquals(3, m.slowForks());
        assertEquals(10.1, m.fastScore(), 1e-9);
        assertEquals(17.066666, m.slowScore(), 1e-5);
    }

    @Test
    void of_unevenGroups_splitAtTheLargestGap() {
        ForkModes m = ForkModes.of(new double[] {5.0, 5.1, 5.05, 5.02, 8.0, 8.1});
        assertEquals(4, m.fastForks());
        assertEquals(2, m.slowForks());
    }

    @Test
    void of_oneSlowFork_isAnOutlierNotASecondSpeed() {
        assertNull(ForkModes.of(new double[] {10.0, 10.1, 10.2, 10.1, 10.0, 18.0}));
    }

    @Test
    void of_evenSpread_isOneNoisySpeed() {
        assertNull(ForkModes.of(new double[] {10, 11, 12, 13, 14, 15}));
    }

    /* EJML's original in one confirmation here: two forks at 1.03 ms, four from 1.24 to 1.53: the slow side is no tighter than the gap. */
    @Test
    void of_slowSideSpreadAsWideAsTheGap_isNotTwoSpeeds() {
        assertNull(ForkModes.of(new double[] {1028911, 1401582, 1463904, 1240020, 1028849, 1527755}));
    }

    @Test
    void of_gapBelowTheMinimum_isOneSpeed() {
        assertNull(ForkModes.of(new double[] {10.0, 10.0, 11.0, 11.0}));
    }

    @Test
    void of_tooFewForks_orNone_isNull() {
        assertNull(ForkModes.of(new double[] {10.0, 20.0, 10.0}));
        assertNull(ForkModes.of(new double[0]));
        assertNull(ForkModes.of(null));
    }

    @Test
    void note_namesTheSideTheSpeedsAndTheForks_inAReadableUnit() {
        Measurement m = new Measurement(1.2e6, 2e5, "ns/op", 4, 5, new double[] {1.0e6, 1.0e6, 1.4e6, 1.4e6});
        String n = ForkModes.note("the original", m);
        assertTrue(n.startsWith("the original ran at two speeds across its 4 forks: 1000 us/op in 2, 1400 us/op in 2;"), n);
        assertNull(ForkModes.note("the original", new Measurement(10, 1, "ns/op", 4, 5, new double[] {10, 10, 10, 10})));
        assertNull(ForkModes.note("the original", null));
    }
}
