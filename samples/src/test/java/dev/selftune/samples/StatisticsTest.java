package dev.selftune.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StatisticsTest {
    @Test
    void sumOfSquares_smallArray_matchesHandComputedValue() {
        assertEquals(14L, Statistics.sumOfSquares(new int[] {1, -2, 3}));
    }

    @Test
    void sumOfSquares_extremes_doesNotOverflowInt() {
        assertEquals(4611686018427387904L, Statistics.sumOfSquares(new int[] {Integer.MIN_VALUE}));
        assertEquals(4611686014132420609L, Statistics.sumOfSquares(new int[] {Integer.MAX_VALUE}));
    }

    @Test
    void sumOfSquares_beyondLongRange_wrapsLikeLongAddition() {
        int m = Integer.MIN_VALUE;
        assertEquals(-4611686018427387904L, Statistics.sumOfSquares(new int[] {m, m, m}));
    }

    @Test
    void sumOfSquares_empty_returnsZero() {
        assertEquals(0L, Statistics.sumOfSquares(new int[0]));
    }

    @Test
    void variance_knownData_matchesPopulationVariance() {
        assertEquals(4.0, Statistics.variance(new double[] {2, 4, 4, 4, 5, 5, 7, 9}));
    }

    @Test
    void variance_singleValue_returnsZero() {
        assertEquals(0.0, Statistics.variance(new double[] {3.5}));
    }

    @Test
    void variance_empty_returnsNaN() {
        assertTrue(Double.isNaN(Statistics.variance(new double[0])));
    }
}
