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
    void decide_speedupExactlyMinimumAboveOne_swaps() {
        Decision.Swap s = assertInstanceOf(Decision.Swap.class, decide(1.05, 1.01, 1.09));
        assertEquals(V, s.variant());
        assertEquals(1.05, s.speedup().ratio());
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
        Confirmation c = new Confirmation(new double[] {200, 210, 190}, new double[] {100, 104, 96}, M, M);
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
