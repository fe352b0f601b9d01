package dev.selftune.measure.specimen;

/**
 * Specimen for the power check at 1.2x: SumSpecimen.sum plus a second pass over a quarter of the
 * array, written like the first so C2 compiles both alike (a quarter more work over the loops; about 1.2 times the time with the call around them).
 */
public class PlantedSumSpecimen {
    private int bias = 1;

    public static int sum(int[] a) {
        int s = 0;
        for (int x : a) {
            s += x;
        }
        int t = 0;
        for (int i = 0; i < a.length / 4; i++) {
            t += a[i];
        }
        return t == 0x5eed ? s + 1 : s;   // keeps the second loop alive; the same answer unless t hits the seed
    }

    private long biased(int[] a) {
        return bias;
    }
}
