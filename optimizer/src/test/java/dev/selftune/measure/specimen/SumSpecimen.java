package dev.selftune.measure.specimen;

/** Specimen for measure tests: a static int-array sum and a private instance helper. */
public class SumSpecimen {
    private int bias = 1;

    public static int sum(int[] a) {
        int s = 0;
        for (int x : a) {
            s += x;
        }
        return s;
    }

    /** Never returns in time: sleeps (kind to a shared machine) where a bad variant would spin. */
    public static int stall(int[] a) throws InterruptedException {
        while (true) {
            Thread.sleep(60_000);
        }
    }

    private long biased(int[] a) {
        long s = bias;
        for (int x : a) {
            s += x;
        }
        return s;
    }
}
