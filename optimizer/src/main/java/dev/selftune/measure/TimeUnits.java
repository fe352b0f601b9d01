package dev.selftune.measure;

import dev.selftune.api.Measurement;
import java.util.Arrays;

/**
 * Rescales measurements for people: JmhMeasurer always reports ns/op (so scores compare and cache
 * without conversion); reports show µs/op or ms/op when operations are slow.
 */
public final class TimeUnits {
    private static final String[] UNITS = {"ns/op", "us/op", "ms/op", "s/op"};

    private TimeUnits() { }

    /** The unit in which {@code nanos} reads with at most four digits before the point (ns, µs, ms, s per op). */
    public static String readableUnit(double nanos) {
        int u = 0;
        double v = nanos;
        while (v >= 10_000 && u < UNITS.length - 1) {
            v /= 1000;
            u++;
        }
        return UNITS[u];
    }

    /** {@code m} in its own readable unit. */
    public static Measurement readable(Measurement m) {
        return in(m, readableUnit(toNanos(m.score(), m.unit())));
    }

    /** {@code m} converted to {@code unit} (one of ns/op, us/op, ms/op, s/op), score, error and fork scores alike. */
    public static Measurement in(Measurement m, String unit) {
        double f = toNanos(1, m.unit()) / toNanos(1, unit);
        return new Measurement(m.score() * f, m.error() * f, unit, m.forks(), m.iterations(),
                Arrays.stream(m.forkScores()).map(x -> x * f).toArray(), m.basis());
    }

    private static double toNanos(double v, String unit) {
        for (int i = 0; i < UNITS.length; i++) {
            if (UNITS[i].equals(unit) || (i == 1 && "µs/op".equals(unit))) {
                return v * Math.pow(1000, i);
            }
        }
        throw new IllegalArgumentException("unit '" + unit + "' is not a time per operation: use one of " + Arrays.toString(UNITS));
    }
}
