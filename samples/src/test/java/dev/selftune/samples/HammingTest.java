package dev.selftune.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HammingTest {
    @Test
    void distance_knownWords_countsDifferingBits() {
        assertEquals(0, Hamming.distance(new long[0], new long[0]));
        assertEquals(64, Hamming.distance(new long[] {0L}, new long[] {-1L}));
        assertEquals(3, Hamming.distance(new long[] {0b1011L, 5L}, new long[] {0L, 5L}));
    }

    @Test
    void distance_randomBitSets_equalsBitSetXorCardinality() {
        Random rnd = new Random(3);
        for (int n : new int[] {1, 7, 64, 1000}) {
            long[] a = rnd.longs(n).toArray();
            long[] b = rnd.longs(n).toArray();
            BitSet x = BitSet.valueOf(a);
            x.xor(BitSet.valueOf(b));
            assertEquals(x.cardinality(), Hamming.distance(a, b), "n=" + n);
        }
    }

    @Test
    void distance_differentLengths_refusedNamingBoth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Hamming.distance(new long[2], new long[3]));
        assertTrue(e.getMessage().contains("2 and 3"), e.getMessage());
    }
}
