package dev.selftune.generate.jamspecimens;

/** Nests whose inner-loop indices the jammed copies may or may not share (JamSharing's rules). */
public final class SharedIndexShapes {
    private SharedIndexShapes() { }

    /** ia is read after its step, so each copy keeps its own; ib = j is shared with offset 1. */
    public static void readAfterStep(double[] a, double[] b, double[] c, int n) {
        for (int j = 0; j < n; j++) {
            double total = 0;
            int ia = 0;
            int ib = j;
            while (ia < n) {
                ia++;
                total += a[ia - 1] * b[ib];
                ib += n;
            }
            c[j] = total;
        }
    }

    /** ib = 3j + 1, stepping 3n: shared with offset 3 per copy. */
    public static void scaledIndex(double[] a, double[] b, double[] c, int n) {
        for (int j = 0; j < n; j++) {
            double total = 0;
            int ia = 0;
            int ib = j * 3 + 1;
            while (ia < n) {
                total += a[ia++] * b[ib];
                ib += 3 * n;
            }
            c[j] = total;
        }
    }
}
