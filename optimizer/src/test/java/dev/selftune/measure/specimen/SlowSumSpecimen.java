package dev.selftune.measure.specimen;

/** Specimen for the power check: the same answer as SumSpecimen.sum with twice the work. */
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
        return s + (t & 0);
    }

    private long biased(int[] a) {
        return bias;
    }
}
