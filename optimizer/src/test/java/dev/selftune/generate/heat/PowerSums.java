package dev.selftune.generate.heat;

/**
 * Colt-shaped: one loop per case of a switch, and callers that only ever ask for one case; plus a set-up
 * loop beside a quadratic nest. Which code runs depends on the rows, not on the bytecode.
 */
public final class PowerSums {
    private PowerSums() { }

    public static double powerSum(double[] a, int k) {
        double s = 0;
        switch (k) {
            case 1:
                for (int i = 0; i < a.length; i++) {
                    s += a[i] + 0.5;
                }
                break;
            case 2:
                for (int i = 0; i < a.length; i++) {
                    s += a[i] * a[i];
                }
                break;
            default:
                for (int i = 0; i < a.length; i++) {
                    s += Math.pow(a[i], k);
                }
        }
        return s;
    }

    /** Callers of the sum of squares: the target the rows reach the switch through. */
    public static double squares(double[] a) {
        return powerSum(a, 2);
    }

    /** A set-up loop over n, then an n-by-n nest: the set-up runs a thirty-second as often at n = 32. */
    public static long pairs(int[] a) {
        for (int i = 0; i < a.length; i++) {
            a[i] = a[i] & 1023;
        }
        long s = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                s += (long) a[i] * a[j];
            }
        }
        return s;
    }
}
