package dev.selftune.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftune.api.Decision;
import dev.selftune.api.Measurement;
import dev.selftune.api.Speedup;
import dev.selftune.api.Variant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeciderTest {
    private static final Variant V = new Variant("v1", Variant.ORIGINAL_ID, List.of(), new byte[] {1});
    private static final Measurement M = new Measurement(100, 1, "ns/op", 5, 2, new double[] {100, 100, 100, 100, 100});

    private static Decision decide(double ratio, double low, double high) {
        return Decider.decide(V, new Speedup(ratio, low, high), M, M, 5, 1.05, 0.95);
    }

    @Test
    void decide_lowerBoundExactlyOne_keeps() {
        Decision d = decide(1.2, 1.0, 1.4);
        Decision.Keep k = assertInstanceOf(Decision.Keep.class, d);
        assertTrue(k.reason().contains("does not exclude 1.0"), k.reason());
        assertTrue(k.reason().contains("1.20x [1.00, 1.40]"), k.reason());
    }

    @Test
    void decide_speedup104TightInterval_keepsBelowMinimumEffect() {
        Decision.Keep k = assertInstanceOf(Decision.Keep.class, decide(1.04, 1.03, 1.05));
        assertTrue(k.reason().contains("below the minimum effect 1.05x"), k.reason());
    }

    @Test
    void decide_speedupExactlyMinimumLowAboveHalfTheEffect_swaps() {
        Decision.Swap s = assertInstanceOf(Decision.Swap.class, decide(1.05, 1.03, 1.07));
        assertEquals(V, s.variant());
        assertEquals(1.05, s.speedup().ratio());
    }

    @Test
    void decide_lowEndAboveOneButWithinHalfTheMinimumEffect_keepsAndSaysWhy() {
        // commons-math3 FFT: 1.07x [1.02, 1.13] confirmed, 0.94x [0.90, 0.99] on a fresh run
        Decision.Keep k = assertInstanceOf(Decision.Keep.class, decide(1.07, 1.018, 1.13));
        assertTrue(k.reason().contains("not above 1.025x, half the minimum effect"), k.reason());
    }

    @Test
    void lowFloor_halfTheMinimumEffect_noMarginAtMinimumOne() {
        assertEquals(1.025, Decider.lowFloor(1.05), 1e-12);
        assertEquals(1.0, Decider.lowFloor(1.0), 0.0);
        assertInstanceOf(Decision.Swap.class, Decider.decide(V, new dev.selftune.api.Speedup(1.02, 1.001, 1.04), M, M, 6, 1.0, 0.95));
    }

    @Test
    void decide_intervalBelowOne_saysSlower() {
        Decision.Keep k = assertInstanceOf(Decision.Keep.class, decide(0.8, 0.7, 0.9));
        assertTrue(k.reason().contains("slower"), k.reason());
    }

    @Test
    void decide_wideInterval_keepsWithNumbers() {
        Decision.Keep k = assertInstanceOf(Decision.Keep.class, decide(1.03, 0.91, 1.17));
        assertTrue(k.reason().startsWith("speedup 1.03x [0.91, 1.17] (95% CI over 5 fork pairs) does not exclude 1.0"), k.reason());
    }

    @Test
    void decide_fromConfirmation_usesPairedForkScores() {
        Confirmation c = new Confirmation(new double[] {200, 210, 190, 205, 198, 202}, new double[] {100, 104, 96, 101, 99, 100}, M, M);
        Decision.Swap s = assertInstanceOf(Decision.Swap.class, Decider.decide(V, c, 1.05, 0.95));
        assertTrue(s.speedup().low() > 1.8, s.speedup().toString());
    }

    @Test
    void decide_fourPairsAllFaster_keepsBecauseSignTestCannotReach95() {
        Confirmation c = new Confirmation(new double[] {156, 150, 160, 155}, new double[] {100, 98, 101, 99}, M, M);
        Decision.Keep k = assertInstanceOf(Decision.Keep.class, Decider.decide(V, c, 1.05, 0.95));
        assertTrue(k.reason().contains("4 of 4 pairs favour the variant"), k.reason());
    }

    @Test
    void decide_sixPairsOneAgainst_keeps() {
        Confirmation c = new Confirmation(new double[] {200, 200, 200, 200, 200, 90}, new double[] {100, 100, 100, 100, 100, 100}, M, M);
        assertInstanceOf(Decision.Keep.class, Decider.decide(V, c, 1.05, 0.95));
    }

    @Test
    void decide_wallWinExplainedByCpuShares_keeps() {
        // the A/A comparison seen here: B's forks got more CPU, not faster code (all 6 pairs favour B on wall time)
        Confirmation c = new Confirmation(new double[] {744, 1880, 1034, 1186, 1388, 684}, new double[] {602, 978, 931, 1025, 672, 630}, M, M,
                new double[] {0.37, 0.16, 0.31, 0.25, 0.2, 0.45}, new double[] {0.48, 0.32, 0.33, 0.31, 0.45, 0.47});
        Decision.Keep k = assertInstanceOf(Decision.Keep.class, Decider.decide(V, c, 1.05, 0.95));
        assertTrue(k.reason().startsWith("CPU-time speedup"), k.reason());
    }

    @Test
    void decide_cpuWinButWallLoss_keeps() {
        double[] shares = {1, 1, 1, 1, 1, 1};
        double[] half = {0.5, 0.5, 0.5, 0.5, 0.5, 0.5};
        Confirmation c = new Confirmation(new double[] {100, 101, 99, 100, 100, 100}, new double[] {120, 121, 119, 120, 122, 118}, M, M,
                shares, half);
        Decision.Keep k = assertInstanceOf(Decision.Keep.class, Decider.decide(V, c, 1.05, 0.95));
        assertTrue(k.reason().contains("wall-clock speedup"), k.reason());
    }

    @Test
    void decide_cpuAndWallAgree_swapsOnCpuTime() {
        double[] shares = {0.9, 0.95, 0.9, 0.92, 0.93, 0.9};
        Confirmation c = new Confirmation(new double[] {200, 210, 190, 205, 198, 202}, new double[] {100, 104, 96, 101, 99, 100}, M, M,
                shares, shares);
        Decision.Swap s = assertInstanceOf(Decision.Swap.class, Decider.decide(V, c, 1.05, 0.95));
        assertTrue(s.speedup().low() > 1.8, s.speedup().toString());
    }

    @Test
    void decide_identicalForks_keeps() {
        double[] a = {100, 101, 99};
        Decision d = Decider.decide(V, new Confirmation(a, a, M, M), 1.05, 0.95);
        assertInstanceOf(Decision.Keep.class, d);
    }

    @Test
    void decide_minimumBelowOne_isRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> Decider.decide(V, new Speedup(2, 1.5, 2.5), M, M, 5, 0.9, 0.95));
    }
}
