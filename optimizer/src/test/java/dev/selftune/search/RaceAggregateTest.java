package dev.selftune.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.selftune.api.Basis;
import dev.selftune.api.Measurement;
import dev.selftune.api.Speedup;
import dev.selftune.api.Variant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RaceAggregateTest {
    private static final Variant ORIGINAL = new Variant(Variant.ORIGINAL_ID, null, List.of(), new byte[] {1});

    private static Race race() {
        return new Race(null, null, dev.selftune.generate.Policy.defaults(), null, null, dev.selftune.measure.ForkPlan.screening(), ORIGINAL);
    }

    /** An entry screened in forks scoring {@code wall} ns/op with the thread on a CPU {@code share} of the time. */
    private static Race.Entry entry(double[] wall, double share) {
        Race.Entry e = new Race.Entry(ORIGINAL);
        for (double w : wall) {
            e.forkScores.add(w);
            e.rankScores.add(w * share);
        }
        e.last = new Measurement(wall[wall.length - 1], 1.0, "ns/op", 1, 4, new double[] {wall[wall.length - 1]});
        return e;
    }

    @Test
    void aggregate_cpuSharesKnown_scoreAndErrorAreBothWallClock() {
        Race.Entry e = entry(new double[] {100, 200}, 0.5);
        Measurement m = race().aggregate(e);
        assertEquals(150.0, m.score(), 1e-9, "the mean must be of the wall scores, not of the CPU times (75)");
        double t = new org.apache.commons.math3.distribution.TDistribution(1).inverseCumulativeProbability(0.9995);
        assertEquals(t * Math.sqrt(5000.0 / 2), m.error(), 1e-6);
        assertEquals(Basis.WALL, m.basis());
        assertEquals(2, m.forks());
        assertEquals(75.0, e.mean(), 1e-9, "ranking still uses CPU time per op");
    }

    @Test
    void aggregate_oneFork_isJmhsOwnMeasurement() {
        Race.Entry e = entry(new double[] {120}, 0.4);
        assertSame(e.last, race().aggregate(e));
        assertEquals(Basis.WALL, e.last.basis());
    }

    @Test
    void screeningSpeedup_statesWallBasis() {
        Race r = race();
        Race.Entry base = r.baseline();
        base.forkScores.add(200.0);
        base.rankScores.add(100.0);
        base.last = new Measurement(200, 4, "ns/op", 1, 4, new double[] {200});
        Race.Entry v = entry(new double[] {100}, 0.9);
        Speedup s = r.screeningSpeedup(v, 0.95);
        assertEquals(2.0, s.ratio(), 1e-9);
        assertEquals(Basis.WALL, s.basis());
    }

    /* Two baseline forks (the second look) against one variant fork: the baseline's noise is its forks' spread. */
    @Test
    void screeningSpeedup_twoBaselineForksAgainstOne_usesTheForksSpreadNotTheAggregatesT() {
        Race r = race();
        Race.Entry base = r.baseline();
        for (double w : new double[] {190, 210}) {
            base.forkScores.add(w);
            base.rankScores.add(w);
        }
        base.last = new Measurement(210, 4, "ns/op", 1, 4, new double[] {210});
        Race.Entry v = entry(new double[] {100}, 1.0);
        Speedup s = r.screeningSpeedup(v, 0.95);
        assertEquals(2.0, s.ratio(), 1e-9);
        org.junit.jupiter.api.Assertions.assertTrue(s.low() > 1.5 && s.high() < 2.7, "a 5% spread gives a narrow interval: " + s);
    }
}
