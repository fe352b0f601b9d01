package dev.selftune.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DotProductTest {
    @Test
    void dot_smallVectors_matchesHandComputedValue() {
        assertEquals(32.0, DotProduct.dot(new double[] {1, 2, 3}, new double[] {4, 5, 6}));
    }

    @Test
    void dot_emptyVectors_returnsZero() {
        assertEquals(0.0, DotProduct.dot(new double[0], new double[0]));
    }

    @Test
    void dot_nanElement_returnsNaN() {
        assertTrue(Double.isNaN(DotProduct.dot(new double[] {1, Double.NaN}, new double[] {1, 1})));
    }

    @Test
    void dot_mismatchedLengths_throwsIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> DotProduct.dot(new double[2], new double[3]));
    }
}
