package dev.selftune.measure.specimen;

/** Specimen for the power check: SumSpecimen.sum with a second pass that C2 cannot drop (about twice the work). */
public class SlowSumSpecimen {
    private int bias = 1;

    public static int sum(int[] a) {
        int s = 0;
        for (int x : a) {
            s += x;
        }
        int t = 0;
        for (int i = a.length - 1; i >= 0; i--) {
            t += a[i] ^ s;
        }
        return t == 0x5eed ? s + 1 : s;   // keeps the second loop alive; the same answer unless t hits the seed
    }

    private long biased(int[] a) {
        return bias;
    }
}
