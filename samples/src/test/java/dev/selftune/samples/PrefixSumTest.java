package dev.selftune.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import org.junit.jupiter.api.Test;

class PrefixSumTest {
    @Test
    void prefixSums_smallArray_returnsRunningTotals() {
        assertArrayEquals(new long[] {1, 3, 6, 10}, PrefixSum.prefixSums(new long[] {1, 2, 3, 4}));
    }

    @Test
    void prefixSums_empty_returnsEmpty() {
        assertArrayEquals(new long[0], PrefixSum.prefixSums(new long[0]));
    }

    @Test
    void prefixSums_overflow_wrapsLikeLongAddition() {
        assertArrayEquals(new long[] {Long.MAX_VALUE, Long.MIN_VALUE},
                PrefixSum.prefixSums(new long[] {Long.MAX_VALUE, 1}));
    }

    @Test
    void prefixSums_input_isLeftUnchangedAndResultIsFresh() {
        long[] a = {5, 6};
        long[] out = PrefixSum.prefixSums(a);
        assertArrayEquals(new long[] {5, 6}, a);
        assertNotSame(a, out);
    }
}
