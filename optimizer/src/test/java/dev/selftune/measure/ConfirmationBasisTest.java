package dev.selftune.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.selftune.api.Basis;
import dev.selftune.api.Decision;
import dev.selftune.api.Measurement;
import dev.selftune.api.Variant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfirmationBasisTest {
    private static final Measurement M = new Measurement(100, 1, "ns/op", 6, 5, new double[] {100});
    private static final double[] BASE = {200, 210, 190, 205, 198, 202};
    private static final double[] CAND = {100, 104, 96, 101, 99, 100};

    private static double[] shares(double s) {
        double[] a = new double[6];
        Arrays.fill(a, s);
        return a;
    }

    @Test
    void speedups_withCpuShares_cpuIntervalSaysCpuAndWallIntervalSaysWall() {
        Confirmation c = new Confirmation(BASE, CAND, M, M, shares(0.9), shares(0.8));
        assertEquals(Basis.CPU, c.cpuSpeedup(0.95).basis());
        assertEquals(Basis.WALL, c.speedup(0.95).basis());
    }

    @Test
    void decide_onCpuTime_swapCarriesCpuBasis() {
        Variant v = new Variant("v1", "original", List.of(), new byte[] {1});
        Decision d = Decider.decide(v, new Confirmation(BASE, CAND, M, M, shares(0.9), shares(0.9)), 1.05, 0.95);
        assertEquals(Basis.CPU, assertInstanceOf(Decision.Swap.class, d).speedup().basis());
        Decision wall = Decider.decide(v, new Confirmation(BASE, CAND, M, M), 1.05, 0.95);
        assertEquals(Basis.WALL, assertInstanceOf(Decision.Swap.class, wall).speedup().basis());
    }
}
