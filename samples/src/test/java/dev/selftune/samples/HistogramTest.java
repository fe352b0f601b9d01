package dev.selftune.samples;

import dev.selftune.samples.inputs.Rows;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HistogramTest {
    @Test
    void histogram_negativeValues_useFloorModBins() {
        assertArrayEquals(new int[] {1, 1, 3}, Histogram.histogram(new int[] {-1, 0, 1, 2, -4}, 3));
    }

    @Test
    void histogram_extremeValues_countEveryValueOnce() {
        int[] values = Rows.ints(new Random(3), 1000, 0);
        values[0] = Integer.MIN_VALUE;
        values[1] = Integer.MAX_VALUE;
        assertEquals(1000, Arrays.stream(Histogram.histogram(values, 7)).sum());
    }

    @Test
    void histogram_emptyValues_returnsZeroCounts() {
        assertArrayEquals(new int[4], Histogram.histogram(new int[0], 4));
    }

    @Test
    void histogram_binsOutOfRange_throwsIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> Histogram.histogram(new int[1], 0));
        assertThrows(IllegalArgumentException.class, () -> Histogram.histogram(new int[1], -5));
        assertThrows(IllegalArgumentException.class, () -> Histogram.histogram(new int[1], Integer.MAX_VALUE));
    }
}
