package dev.selftune.meta;

import static dev.selftune.meta.Fakes.u;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AdoptionTest {
    private static final Utility INCUMBENT = u(1.20, 1.10, 1.30, 100);

    @Test
    void beats_lowerBoundAboveIncumbentsMean_isFaster() {
        String why = Adoption.beats(u(1.40, 1.25, 1.55, 100), INCUMBENT);
        assertNotNull(why);
        assertTrue(why.startsWith("faster"), why);
    }

    @Test
    void beats_higherMeanButLowerBoundWithinNoise_isNotAdopted() {
        assertNull(Adoption.beats(u(1.35, 1.15, 1.55, 100), INCUMBENT));
    }

    @Test
    void beats_lowerBoundAboveAnIncumbentsMeanButWithinBothIntervalsNoise_isNotAdopted() {
        /* the three-seed run's seed 2: 3.45x [3.31, 3.60] against a generation 0 of 3.23x [3.00, 3.48] */
        Utility g0 = u(3.228, 3.00, 3.48, 55);
        assertNull(Adoption.beats(u(3.45, 3.31, 3.60, 84), g0), "the incumbent's own noise counts too");
        assertNotNull(Adoption.beats(u(3.45, 3.31, 3.60, 84), u(3.228, 3.228, 3.228, 55)), "against an exact incumbent it would be faster");
        String why = Adoption.beats(u(3.90, 3.75, 4.05, 84), g0);
        assertNotNull(why, "apart beyond both intervals");
        assertTrue(why.startsWith("faster") && why.contains("[3.000, 3.480]"), why);
    }

    @Test
    void beats_sameSpeedupWith30PercentFewerMeasurements_isCheaper() {
        String why = Adoption.beats(u(1.19, 1.10, 1.28, 70), INCUMBENT);
        assertNotNull(why);
        assertTrue(why.startsWith("cheaper"), why);
    }

    @Test
    void beats_sameSpeedupWithOnly20PercentFewer_isNotAdopted() {
        assertNull(Adoption.beats(u(1.20, 1.10, 1.30, 80), INCUMBENT));
    }

    @Test
    void beats_cheaperButSlowerBeyondNoise_isNotAdopted() {
        assertNull(Adoption.beats(u(1.05, 1.00, 1.10, 10), INCUMBENT));
    }

    @Test
    void heldOutWorse_upperBoundBelowIncumbent_vetoes() {
        assertNotNull(Adoption.heldOutWorse(u(1.05, 1.00, 1.15, 100), INCUMBENT));
    }

    @Test
    void heldOutWorse_withinNoise_doesNotVeto() {
        assertNull(Adoption.heldOutWorse(u(1.12, 1.00, 1.25, 100), INCUMBENT));
    }

    @Test
    void heldOutWorse_notFasterAndMuchCostlier_vetoes() {
        assertNotNull(Adoption.heldOutWorse(u(1.20, 1.10, 1.30, 150), INCUMBENT));
    }

    @Test
    void utility_keepsAndSwaps_geometricMeanWithBoundsFromEachTarget() {
        Utility x = Utility.of(List.of(TargetScore.keep("k", 10, 0, 10),
                new TargetScore("s", 4.0, 1.0, 16.0, 30, 5, 15, "swap")));
        assertTrue(Math.abs(x.speedup() - 2.0) < 1e-9, x.toString());
        assertTrue(Math.abs(x.low() - 1.0) < 1e-9, x.toString());
        assertTrue(Math.abs(x.high() - 4.0) < 1e-9, x.toString());
        assertTrue(x.measurements() == 40 && x.cacheHits() == 5 && x.cacheMisses() == 25, x.toString());
    }
}
