package dev.selftune.report;

/** Specimen for report tests: the "winner", renamed to {@link Dot} by {@link ReportFixtures}. */
final class DotUnrolled {
    private DotUnrolled() { }

    static double dot(double[] a, double[] b) {
        double s0 = 0;
        double s1 = 0;
        int i = 0;
        for (; i + 1 < a.length; i += 2) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
        }
        for (; i < a.length; i++) {
            s0 += a[i] * b[i];
        }
        return s0 + s1;
    }
}
