package dev.selftune.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SequentialTestTest {

    @Test
    void alphaAt_anyNumberOfLooks_neverSpendsMoreThanTheOneSidedRate() {
        SequentialTest t = new SequentialTest(0.95);
        double spent = 0;
        for (int look = 1; look <= 60; look++) {
            spent += t.alphaAt(look);
        }
        assertTrue(spent <= 0.025 + 1e-15, "spent " + spent);
        assertTrue(spent > 0.0249, "spends nearly all of it: " + spent);
    }

    @Test
    void firstPairs_at95_isSixAsTheSignTestFloorWasBeforeLooks() {
        SequentialTest t = new SequentialTest(0.95);
        assertEquals(6, t.firstPairs());
        assertEquals(1 - 2 * 0.025 * 2 / 3, t.confidenceAt(1), 1e-12);
        assertTrue(Stats.binomialTail(6, 6) <= t.alphaAt(1));
    }

    @Test
    void minPairsAt_laterLooks_needMorePairsBecauseTheySpendLess() {
        SequentialTest t = new SequentialTest(0.95);
        assertTrue(t.minPairsAt(2) > t.minPairsAt(1));
        assertTrue(t.minPairsAt(3) >= t.minPairsAt(2));
        assertTrue(t.confidenceAt(2) > t.confidenceAt(1));
    }

    @Test
    void nextPairs_growsByHalfAtLeastFourAndStopsAtTheCap() {
        SequentialTest t = new SequentialTest(0.95);
        assertEquals(10, t.nextPairs(6, 1));
        assertEquals(15, t.nextPairs(10, 2));
        assertEquals(SequentialTest.MAX_PAIRS, t.nextPairs(35, 5));
        assertEquals(SequentialTest.MAX_PAIRS, t.nextPairs(SequentialTest.MAX_PAIRS, 6));
    }

    @Test
    void constructor_confidenceOutsideZeroOne_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SequentialTest(1.0));
        assertThrows(IllegalArgumentException.class, () -> new SequentialTest(0));
        assertThrows(IllegalArgumentException.class, () -> new SequentialTest(0.95).alphaAt(0));
    }
}
