package dev.selftune.measure.specimen;

import java.util.Arrays;

/** Specimen for measure tests: mutates its argument and refuses an argument it already mutated. */
public final class DrainSpecimen {
    private DrainSpecimen() { }

    /** Fills {@code a} with NaN; throws when {@code a} already starts with NaN (a harness that did not restore the row). */
    public static void drain(double[] a) {
        if (a.length > 0 && Double.isNaN(a[0])) {
            throw new IllegalStateException("drain saw its own output: the row was not restored before this call");
        }
        Arrays.fill(a, Double.NaN);
    }

    private static int calls;

    /** Writes {@code a[0]} only from its ninth call on: its writes depend on state other than its argument. */
    public static void lateWrite(double[] a) {
        if (++calls > 8 && a.length > 0) {
            a[0] = calls;
        }
    }
}
