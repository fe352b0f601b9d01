package dev.selftune.samples;

import java.util.Random;

/**
 * Hamming distance between two bit sets stored as 64-bit words, written the way a port from C
 * writes it: the index is a {@code long} (C's {@code size_t}), the words are read through
 * {@code (int)} casts.
 *
 * <p>Run: {@code java -cp samples/target/samples.jar dev.selftune.samples.Hamming 65536}
 */
public final class Hamming {
    private Hamming() {
    }

    /*
     * Implementation note: the long index is what costs here. C2 unrolls, range-check-eliminates and
     * vectorises int counted loops; a long one it strip-mines into int loops at best, and a[(int) i]
     * keeps an l2i between the index and the range check. The same loop with an int index, which the
     * values allow (an array has at most Integer.MAX_VALUE elements), is the hand-written version.
     */

    /** The number of bit positions where {@code a} and {@code b} differ; both must hold as many words. */
    public static long distance(long[] a, long[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("bit sets of different lengths: " + a.length + " and " + b.length + " words");
        }
        long d = 0;
        for (long i = 0; i < a.length; i++) {
            d += Long.bitCount(a[(int) i] ^ b[(int) i]);
        }
        return d;
    }

    public static void main(String[] args) {
        int n = Demo.sizeArg(args, 65536);
        Random rnd = new Random(42);
        long[] a = rnd.longs(n).toArray();
        long[] b = rnd.longs(n).toArray();
        Demo.time("distance(" + n + " words)", () -> distance(a, b));
    }
}
