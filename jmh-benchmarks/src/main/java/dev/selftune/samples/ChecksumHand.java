package dev.selftune.samples;

/**
 * {@link Checksum#adler32} as zlib computes it: the remainders are taken once per block of 5552 bytes
 * (NMAX, the largest block for which {@code b} cannot overflow 32 <em>unsigned</em> bits), giving the
 * same value.
 */
public final class ChecksumHand {
    private static final int MOD_ADLER = 65521;
    private static final int NMAX = 5552;

    private ChecksumHand() {
    }

    /*
     * Implementation note: zlib's bound is for unsigned 32-bit sums; b passes 2^31 within a block of
     * 0xff bytes, so the remainders must be unsigned (a signed % gave wrong checksums, caught by
     * HandVersionsTest).
     */

    public static int adler32(byte[] data) {
        int a = 1;
        int b = 0;
        int i = 0;
        while (i < data.length) {
            int end = Math.min(i + NMAX, data.length);
            for (; i < end; i++) {
                a += data[i] & 0xff;
                b += a;
            }
            a = Integer.remainderUnsigned(a, MOD_ADLER);
            b = Integer.remainderUnsigned(b, MOD_ADLER);
        }
        return (b << 16) | a;
    }
}
