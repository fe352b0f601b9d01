package dev.selftune.samples;

import java.util.Random;

/**
 * Inclusive prefix sums (running totals) of a {@code long[]}.
 *
 * <p>Run: {@code java -cp samples/target/samples.jar dev.selftune.samples.PrefixSum 65536}
 */
public final class PrefixSum {
    private PrefixSum() {
    }

    /*
     * Implementation note: out[i] depends on out[i-1], a true loop-carried dependency, so neither C2
     * nor selftune can split it without changing the algorithm; long addition wraps exactly, so an
     * unrolled variant is bit-identical. Expect little here: this sample keeps the tuner honest.
     */

    /** Returns a fresh array whose element {@code i} is {@code a[0] + … + a[i]} (wrapping on overflow). */
    public static long[] prefixSums(long[] a) {
        long[] out = new long[a.length];
        long running = 0;
        for (int i = 0; i < a.length; i++) {
            running += a[i];
            out[i] = running;
        }
        return out;
    }

    public static void main(String[] args) {
        int n = Demo.sizeArg(args, 65536);
        Random rnd = new Random(42);
        long[] a = new long[n];
        for (int i = 0; i < n; i++) {
            a[i] = rnd.nextInt(1000);
        }
        Demo.time("prefixSums(" + n + ")[last]", () -> {
            long[] s = prefixSums(a);
            return s.length == 0 ? 0 : s[s.length - 1];
        });
    }
}
