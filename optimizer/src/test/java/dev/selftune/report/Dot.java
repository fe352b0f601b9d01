package dev.selftune.report;

/** Specimen for report tests: the "original" dot product, as a developer first writes it. */
final class Dot {
    private Dot() { }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
