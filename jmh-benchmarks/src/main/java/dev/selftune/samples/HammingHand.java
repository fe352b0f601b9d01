package dev.selftune.samples;

/** {@link Hamming#distance} with an int index and four independent sums, as one would write it in Java. */
public final class HammingHand {
    private HammingHand() {
    }

    public static long distance(long[] a, long[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("bit sets of different lengths: " + a.length + " and " + b.length + " words");
        }
        long d0 = 0;
        long d1 = 0;
        long d2 = 0;
        long d3 = 0;
        int n = a.length;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            d0 += Long.bitCount(a[i] ^ b[i]);
            d1 += Long.bitCount(a[i + 1] ^ b[i + 1]);
            d2 += Long.bitCount(a[i + 2] ^ b[i + 2]);
            d3 += Long.bitCount(a[i + 3] ^ b[i + 3]);
        }
        for (; i < n; i++) {
            d0 += Long.bitCount(a[i] ^ b[i]);
        }
        return d0 + d1 + d2 + d3;
    }
}
