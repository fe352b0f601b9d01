package dev.selftune.samples;

import dev.selftune.samples.inputs.Rows;
import java.util.Random;

/**
 * Adler-32 checksum (RFC 1950), computed the textbook way with a modulo after every byte.
 *
 * <p>Run: {@code java -cp samples/target/samples.jar dev.selftune.samples.Checksum 65536}
 */
public final class Checksum {
    private static final int MOD_ADLER = 65521;

    private Checksum() {
    }

    /*
     * Implementation note: two integer remainders per byte dominate. zlib defers them: the sums cannot
     * overflow an int for 5552 bytes (NMAX), so one remainder per block gives the same value. That
     * rewrite is algebra about overflow bounds, a hand optimisation the benchmarks compare against.
     */

    /** Returns the Adler-32 checksum of {@code data}; equals {@link java.util.zip.Adler32} on the same bytes. */
    public static int adler32(byte[] data) {
        int a = 1;
        int b = 0;
        for (int i = 0; i < data.length; i++) {
            a = (a + (data[i] & 0xff)) % MOD_ADLER;
            b = (b + a) % MOD_ADLER;
        }
        return (b << 16) | a;
    }

    public static void main(String[] args) {
        int n = Demo.sizeArg(args, 65536);
        byte[] data = Rows.bytes(new Random(42), n);
        Demo.time("adler32(" + n + " bytes)", () -> Integer.toHexString(adler32(data)));
    }
}
