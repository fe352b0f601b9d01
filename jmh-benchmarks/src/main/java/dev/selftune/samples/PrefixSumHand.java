package dev.selftune.samples;

/**
 * {@link PrefixSum#prefixSums} unrolled by four, with the four partial sums formed from the block
 * before the carried total is added. Kept as a data point: on JDK 17 here short runs ranged from
 * 0.65× to 1.9× of the original (no consistent gain; C2 already unrolls the original loop).
 */
public final class PrefixSumHand {
    private PrefixSumHand() {
    }

    public static long[] prefixSums(long[] a) {
        long[] out = new long[a.length];
        long running = 0;
        int i = 0;
        for (; i + 3 < a.length; i += 4) {
            long p0 = a[i];
            long p1 = p0 + a[i + 1];
            long p2 = p1 + a[i + 2];
            long p3 = p2 + a[i + 3];
            out[i] = running + p0;
            out[i + 1] = running + p1;
            out[i + 2] = running + p2;
            out[i + 3] = running + p3;
            running += p3;
        }
        for (; i < a.length; i++) {
            running += a[i];
            out[i] = running;
        }
        return out;
    }
}
