package dev.selftune.samples.app;

/** A 64-bit FNV-1a fold of results, order-sensitive: equal digests mean equal result sequences. */
final class Digest {
    private long h = 0xcbf29ce484222325L;

    void add(long value) {
        for (int shift = 0; shift < 64; shift += 8) {
            h ^= (value >>> shift) & 0xff;
            h *= 0x100000001b3L;
        }
    }

    void add(double value) {
        add(Double.doubleToRawLongBits(value));
    }

    long value() {
        return h;
    }

    String hex() {
        return String.format("%016x", h);
    }
}
